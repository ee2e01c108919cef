package org.mbp.spectral;

import java.util.List;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.SymmetricEigen;
import org.mbp.layer.Space;
import org.mbp.layer.Structure;

/**
 * The space of SVD factors {@code (U, Σ, V)}. Its gauge: each pair of singular vectors
 * {@code (u_j, v_j)} is defined up to a common sign, and for m > n the block U₂ only up to a
 * rotation of its span. {@link #align} fixes both the way Prop. 1 does: signs to match the
 * reference, and {@code U₂ = polar((I − U₁U₁ᵀ) U₂ʳᵉᶠ)}, whose first variation is the paper's
 * {@code dU₂ = −U₁ dU₁ᵀ U₂} (so that {@code U₂ᵀ dU₂ = 0}). For m &lt; n the same is done to V₂
 * through the transpose.
 */
public final class SvdSpace<M> implements Space<M, SvdFactors<M>> {

    private final MatrixOps<M> ops;

    /**
     * The space of SVD factors on the backend {@code ops}.
     *
     * @param ops the backend that computes
     */
    public SvdSpace(MatrixOps<M> ops) {
        this.ops = ops;
    }

    @Override
    public List<M> parts(SvdFactors<M> x) {
        return List.of(x.u(), x.sigma(), x.v());
    }

    @Override
    public SvdFactors<M> assemble(List<M> parts) {
        return new SvdFactors<>(parts.get(0), parts.get(1), parts.get(2));
    }

    @Override
    public List<String> names() {
        return List.of("U", "Σ", "V");
    }

    @Override
    public List<Structure> structures() {
        return List.of(Structure.GENERAL, Structure.DIAGONAL, Structure.GENERAL);
    }

    @Override
    public SvdFactors<M> align(SvdFactors<M> candidate, SvdFactors<M> reference) {
        int m = ops.rows(candidate.u());
        int n = ops.rows(candidate.v());
        if (m < n) {
            return align(candidate.transposed(ops), reference.transposed(ops)).transposed(ops);
        }
        M signs = Gauge.columnSigns(ops, candidate.v(), reference.v());
        M v = ops.scaleColumns(candidate.v(), signs);
        M u1 = ops.scaleColumns(ops.block(candidate.u(), 0, m, 0, n), signs);
        if (m == n) {
            return new SvdFactors<>(u1, candidate.sigma(), v);
        }
        M a = ops.projectOut(u1, ops.block(reference.u(), 0, m, n, m));
        SymmetricEigen<M> gram = ops.eigSymmetric(ops.multTransA(a, a));
        M inverseRoot = ops.power(gram.values(), -0.5);
        M u2 = ops.mult(a, ops.multTransB(ops.scaleColumns(gram.vectors(), inverseRoot),
                gram.vectors()));
        return new SvdFactors<>(ops.hconcat(u1, u2), candidate.sigma(), v);
    }
}
