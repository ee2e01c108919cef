package org.mbp.spectral;

import java.util.List;

import org.mbp.backend.MatrixOps;
import org.mbp.backend.Svd;
import org.mbp.backend.SymmetricEigen;
import org.mbp.function.Domain;
import org.mbp.function.SpectralFunction;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.HostReads;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Inputs;
import org.mbp.layer.Layer;
import org.mbp.layer.Layers;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.SpectrumDiagnostics;
import org.mbp.layer.Structure;

/**
 * The gap-stable form of the matrix-function layers: {@code C = g(Z)} with the Daleckii–Krein
 * derivative {@code dC = V (Γ ∘ Vᵀ dZ V) Vᵀ}, {@code Γ_ij = (g(λ_i) − g(λ_j))/(λ_i − λ_j)},
 * {@code Γ_ii = g′(λ_i)}, and its adjoint {@code ∂L/∂Z = V (Γ ∘ Vᵀ (∂L/∂C) V) Vᵀ}.
 *
 * <p>It computes the same derivative as Props. 3–4 composed with the SVD/EIG layers (in exact
 * arithmetic Γ merges K̃ of eq. 34 with g and g′), but never divides by a gap: Γ is evaluated
 * without cancellation by each {@link SpectralFunction}, so the result stays finite and accurate
 * for clustered and tied spectra, including the null space of FᵀF when F has fewer rows than
 * columns.
 *
 * @param <X> the input: Z itself ({@link #ofSymmetric}) or the features F of
 *            {@code Z = FᵀF + εI} ({@link #ofGram})
 */
public final class SpectralFunctionLayer<M, X> extends AbstractLayer<M, X, M> {

    /** Computes the eigendecomposition of Z, given the layer input and Z. */
    private interface Decomposer<M, X> {
        SymmetricEigen<M> decompose(X input, M z);
    }

    private final MatrixOps<M> ops;
    private final SpectralFunction g;
    private final Layer<M, X, M> toSymmetric;
    private final Decomposer<M, X> decomposer;
    private final String quantity;
    private final double regularizer;

    private SpectralFunctionLayer(MatrixOps<M> ops, SpectralFunction g, Layer<M, X, M> toSymmetric,
            Decomposer<M, X> decomposer, String quantity, double regularizer, String name) {
        super(name, ops, toSymmetric.inputSpace(), MatrixSpace.of("C", Structure.SYMMETRIC));
        this.ops = ops;
        this.g = g;
        this.toSymmetric = toSymmetric;
        this.decomposer = decomposer;
        this.quantity = quantity;
        this.regularizer = regularizer;
    }

    /**
     * {@code Z ↦ g(Z)} for symmetric Z, decomposed by EIG.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param g the scalar function g
     * @return {@code Z ↦ g(Z)} for symmetric Z, decomposed by EIG
     */
    public static <M> SpectralFunctionLayer<M, M> ofSymmetric(MatrixOps<M> ops, SpectralFunction g) {
        Structure structure = g.domain() == Domain.POSITIVE ? Structure.SYMMETRIC_POSITIVE_DEFINITE
                : Structure.SYMMETRIC;
        Layer<M, M, M> symmetric = Layers.requiring(ops, MatrixSpace.of("Z", structure), "symmetric",
                z -> Inputs.requireSymmetric(ops, z, "symmetric input Z"));
        return new SpectralFunctionLayer<>(ops, g, symmetric, (z, same) -> ops.eigSymmetric(ops.sym(z)),
                SpectrumDiagnostics.EIGENVALUES, 0, "stable-function(" + g.name() + ")");
    }

    /**
     * {@code F ↦ g(FᵀF + εI)}, with the spectrum of Z from the given source.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param g the scalar function g
     * @param epsilon the regularizer ε
     * @param source the source
     * @return {@code F ↦ g(FᵀF + εI)}, with the spectrum of Z from the given source
     */
    public static <M> SpectralFunctionLayer<M, M> ofGram(MatrixOps<M> ops, SpectralFunction g,
            double epsilon, SpectrumSource source) {
        Decomposer<M, M> decomposer = switch (source) {
            case EIG -> (f, z) -> ops.eigSymmetric(z);
            case SVD -> (f, z) -> {
                int d = ops.cols(f);
                Svd<M> svd = ops.svd(f, ops.rows(f) < d);
                M squares = ops.hadamard(svd.sigma(), svd.sigma());
                return new SymmetricEigen<>(ops.add(ops.padded(squares, d), ops.filled(d, 1, epsilon)),
                        svd.v());
            };
        };
        String quantity = source == SpectrumSource.SVD ? SpectrumDiagnostics.SQUARED_SINGULAR_VALUES
                : SpectrumDiagnostics.EIGENVALUES;
        return new SpectralFunctionLayer<>(ops, g, new CovarianceLayer<>(ops, epsilon), decomposer, quantity, epsilon,
                "stable-" + source.name().toLowerCase(java.util.Locale.ROOT) + "-function("
                        + g.name() + ", ε=" + epsilon + ")");
    }

    @Override
    public Linearization<M, X, M> forward(X x) {
        return checked(x, evaluate(x));
    }

    private Linearization<M, X, M> evaluate(X x) {
        Linearization<M, X, M> inner = toSymmetric.forward(x);
        SymmetricEigen<M> eig = decomposer.decompose(x, inner.output());
        M lambda = eig.values();
        M v = eig.vectors();
        HostReads.Value values = HostReads.of(ops, lambda,
                spectrum -> g.requireDomain(spectrum, ops.batch(), ops.epsilon(), regularizer, name()));
        M gamma = g.dividedDifferences(ops, lambda);
        M c = ops.multTransB(ops.scaleColumns(v, g.value(ops, lambda)), v);
        int n = ops.rows(lambda);
        return Linearization.withLaterDiagnostics(c, () -> inner.diagnostics().plus(new Diagnostics(
                SpectrumDiagnostics.ofEach(name(), quantity, values.values(), ops.batch(),
                        SpectrumDiagnostics.Kernel.NONE, n, ops.epsilon()), List.of())),
                dx -> daleckiiKrein(v, gamma, inner.variation(dx)),
                upstream -> inner.adjoint(daleckiiKrein(v, gamma, upstream)));
    }

    /** {@code V (Γ ∘ Vᵀ A V) Vᵀ}: self-adjoint, so it serves both directions. */
    private M daleckiiKrein(M v, M gamma, M a) {
        return ops.multTransB(ops.mult(v, ops.hadamard(gamma, ops.multTransA(v, ops.mult(a, v)))), v);
    }
}
