package org.mbp.study.gap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.simple.SimpleMatrix;
import org.hipparchus.dfp.Dfp;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.MatrixOps;
import org.mbp.function.SpectralFunction;
import org.mbp.layer.ErrorBound;
import org.mbp.layer.Layer;
import org.mbp.layer.Structure;
import org.mbp.precise.FieldDense;
import org.mbp.precise.FieldOps;
import org.mbp.precise.HighPrecision;
import org.mbp.spectra.ControlledSpectra;
import org.mbp.spectra.Spectrum;
import org.mbp.spectral.EigFactors;
import org.mbp.spectral.EigLayer;
import org.mbp.spectral.EigMatrixFunctionLayer;
import org.mbp.spectral.GapKernel;
import org.mbp.spectral.SpectralFunctionLayer;
import org.mbp.study.Cell;
import org.mbp.study.Grid;
import org.mbp.study.Parameters;
import org.mbp.study.Scale;
import org.mbp.verify.CatalogCheck;
import org.mbp.verify.Directions;
import org.mbp.verify.LayerCase;
import org.mbp.verify.SampleMatrices;
import org.mbp.verify.Verifier;

/**
 * The gap grid: a symmetric n×n matrix whose two middle eigenvalues sit at relative gap g; in
 * double, against the high-precision reference: max|K̃_ij| and the gradient error of a loss that
 * depends on the eigenvectors ({@code ⟨Ū, U⟩ + ⟨Σ̄, Σ⟩}) and of a gauge-invariant one
 * ({@code ⟨G, log Z⟩}); for the latter, the stabilisations of K̃ side by side (Taylor, clamped,
 * shifted, Lorentzian) and the divided differences of the stable form, each with its bias (the
 * approximation's own error, evaluated in high precision) and its error in double; for the exact
 * methods also the error bound the layer predicts ({@link ErrorBound}).
 */
public final class GapGrid implements Grid<GapPoint, GapRow> {

    /** The method of the stable form: the divided differences, no K̃ at all. */
    public static final String DIVIDED_DIFFERENCES = "divided-differences";

    private final int size;
    private final List<Double> gaps;
    private final int samples;
    private final int taylorDegree;
    private final double clamp;
    private final double eta;
    private final int digits;

    /**
     * The grid of these parameters.
     *
     * @param parameters the parameters
     * @throws IllegalArgumentException naming the option, when a parameter is out of range
     */
    public GapGrid(Map<String, Object> parameters) {
        Parameters p = new Parameters(parameters);
        this.size = p.integer("size", 4, 64);
        this.gaps = p.numbers("gaps", 0, 1.0 / size, true, true);
        this.samples = p.integer("samples", 1, 100);
        this.taylorDegree = p.integer("taylor-degree", 0, 200);
        this.clamp = p.number("clamp", 1e-16, 1);
        this.eta = p.number("eta", 1e-16, 1);
        this.digits = p.integer("digits", 30, 200);
    }

    /**
     * The parameters at a scale.
     *
     * @param scale the scale
     * @return the parameters at a scale
     */
    public static Map<String, Object> defaults(Scale scale) {
        Map<String, Object> p = new LinkedHashMap<>();
        List<Double> gaps = new ArrayList<>();
        if (scale == Scale.FULL) {
            // Half-decades from 10^-1.5: a gap must stay below 1/n = 1/12, so 10^-1 is out.
            for (int k = 3; k <= 28; k++) {
                gaps.add(Math.pow(10, -k / 2.0));
            }
        } else {
            for (int k = 1; k <= 13; k++) {
                gaps.add(Math.pow(10, -k));
            }
        }
        p.put("size", scale == Scale.FULL ? 12 : 6);
        p.put("gaps", gaps);
        p.put("samples", scale == Scale.FULL ? 5 : 2);
        p.put("taylor-degree", 9);
        p.put("clamp", 1e-6);
        p.put("eta", 1e-6);
        p.put("digits", HighPrecision.DEFAULT_DIGITS);
        return p;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "A symmetric %d×%d matrix with eigenvalues n, …, 1, its two middle ones"
                + " pulled to relative gap g ∈ [%.0e, %.0e] (%d values), %d input(s) each; double against the"
                + " %d-digit reference. Losses: ⟨Ū, U⟩ + ⟨Σ̄, Σ⟩ through the EIG layer (eigenvector-dependent) and"
                + " ⟨G, log Z⟩ (gauge-invariant). Stabilisations of K̃ for the latter: Taylor (Wang et al., TPAMI 2021,"
                + " degree %d), clamped and shifted gaps (τ = %.0e·λ_max), Lorentzian broadening (η = %.0e·λ_max),"
                + " and the divided differences of the stable form. Bias: the approximation against the exact"
                + " gradient, both in high precision; error: the double result against the exact gradient.",
                size, size, gaps.get(0), gaps.get(gaps.size() - 1), gaps.size(), samples, digits, taylorDegree, clamp, eta);
    }

    @Override
    public List<GapPoint> points() {
        return gaps.stream().map(GapPoint::new).toList();
    }

    /**
     * The gaps, in grid order.
     *
     * @return the gaps, in grid order
     */
    public List<Double> gaps() {
        return gaps;
    }

    /**
     * The degree of the Taylor-expanded K̃.
     *
     * @return the degree of the Taylor-expanded K̃
     */
    public int taylorDegree() {
        return taylorDegree;
    }

    /**
     * K̃ as a Taylor series of the given degree (Wang et al., TPAMI 2021).
     *
     * @return K̃ as a Taylor series of the given degree (Wang et al., TPAMI 2021)
     */
    public GapKernel taylor() {
        return GapKernel.taylor(taylorDegree);
    }

    /**
     * K̃ with its gaps clamped at τ = clamp·λ_max (λ_max = n).
     *
     * @return K̃ with its gaps clamped at τ = clamp·λ_max (λ_max = n)
     */
    public GapKernel clamped() {
        return GapKernel.clamped(clamp * size);
    }

    /**
     * K̃ with its gaps shifted by τ = clamp·λ_max.
     *
     * @return K̃ with its gaps shifted by τ = clamp·λ_max
     */
    public GapKernel shifted() {
        return GapKernel.shifted(clamp * size);
    }

    /**
     * K̃ with Lorentzian broadening η·λ_max.
     *
     * @return K̃ with Lorentzian broadening η·λ_max
     */
    public GapKernel lorentzian() {
        return GapKernel.lorentzian(eta * size);
    }

    /** The log loss's K̃ variants: the paper's, then the stabilisations. */
    private List<GapKernel> kernels() {
        return List.of(GapKernel.paper(), taylor(), clamped(), shifted(), lorentzian());
    }

    /**
     * The log loss's methods: the K̃ variants, then the divided differences.
     *
     * @return the log loss's methods: the K̃ variants, then the divided differences
     */
    public List<String> methods() {
        List<String> m = new ArrayList<>();
        kernels().forEach(k -> m.add(k.label()));
        m.add(DIVIDED_DIFFERENCES);
        return m;
    }

    /**
     * ⟨G, log Z⟩ through EIG with the given kernel; the caller takes the symmetric part of eq. 35's
     * result, the gradient with respect to a symmetric Z.
     */
    private static <M> Layer<M, M, M> logThrough(MatrixOps<M> ops, GapKernel kernel) {
        return new EigLayer<>(ops, Structure.POSITIVE_DIAGONAL, kernel)
                .then(new EigMatrixFunctionLayer<>(ops, SpectralFunction.log()));
    }

    @Override
    public List<GapRow> measure(Cell<GapPoint> cell, long seed) {
        GapPoint point = cell.point();
        FieldOps<Dfp> reference = HighPrecision.ops(digits);
        EjmlOps ops = EjmlOps.DOUBLE;
        List<GapRow> rows = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            long sampleSeed = seed * 31 + s;
            SimpleMatrix z = new ControlledSpectra(sampleSeed, reference).symmetric(Spectrum.clustered(size,
                    point.gap())).in(ops);
            FieldDense<Dfp> zExact = reference.copyOf(ops, z);
            SimpleMatrix g = ops.sym(SampleMatrices.gaussian(ops, size, size, sampleSeed + 1));
            FieldDense<Dfp> gExact = reference.copyOf(ops, g);
            EigLayer<SimpleMatrix> eig = new EigLayer<>(ops);
            var forward = eig.forward(z);
            double eps = ops.epsilon();
            double maxK = forward.diagnostics().maxAbsK();
            double relativeGap = forward.diagnostics().minRelativeGap();
            EigFactors<SimpleMatrix> upstream = new Directions<>(ops, sampleSeed + 2).randomLike(eig.outputSpace(),
                    forward.output());
            double[] vectors = CatalogCheck.flatGradient(new LayerCase<>("eig", "", eig, z, upstream));
            EigLayer<FieldDense<Dfp>> eigExact = new EigLayer<>(reference);
            EigFactors<FieldDense<Dfp>> upstreamExact = new EigFactors<>(reference.copyOf(ops, upstream.u()),
                    reference.copyOf(ops, upstream.sigma()));
            double[] vectorsExact = reference.toRowMajor(eigExact.forward(zExact).adjoint(upstreamExact));
            rows.add(new GapRow(cell.index(), point, s, Loss.EIGENVECTORS, GapKernel.paper().label(),
                    Verifier.relativeError(vectors, vectorsExact), 0, ErrorBound.of(forward.diagnostics(), eps).relative(),
                    maxK, relativeGap));
            double[] exact = reference.toRowMajor(SpectralFunctionLayer.ofSymmetric(reference, SpectralFunction.log())
                    .forward(zExact).adjoint(gExact));
            for (GapKernel kernel : kernels()) {
                var approximation = logThrough(ops, kernel).forward(z);
                double[] approximate = ops.toRowMajor(ops.sym(approximation.adjoint(g)));
                double[] approximateExact = reference.toRowMajor(reference.sym(logThrough(reference, kernel)
                        .forward(zExact).adjoint(gExact)));
                rows.add(new GapRow(cell.index(), point, s, Loss.LOG, kernel.label(),
                        Verifier.relativeError(approximate, exact), Verifier.relativeError(approximateExact, exact),
                        kernel.exact() ? ErrorBound.of(approximation.diagnostics(), eps).relative() : Double.NaN,
                        maxK, relativeGap));
            }
            var stableAt = SpectralFunctionLayer.ofSymmetric(ops, SpectralFunction.log()).forward(z);
            double[] stable = ops.toRowMajor(stableAt.adjoint(g));
            rows.add(new GapRow(cell.index(), point, s, Loss.LOG, DIVIDED_DIFFERENCES,
                    Verifier.relativeError(stable, exact), 0, ErrorBound.of(stableAt.diagnostics(), eps).relative(),
                    maxK, relativeGap));
        }
        return rows;
    }
}
