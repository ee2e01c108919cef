package org.mbp.nn;

import org.mbp.backend.MatrixOps;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Inputs;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Pair;
import org.mbp.layer.PairSpace;
import org.mbp.layer.Structure;

/**
 * The affine map {@code (A, W) ↦ Y = [A 1] W = A W₀ + 1 bᵀ} of an m×n input A and an
 * {@code (n+1)×c} weight W whose last row is the bias b: the fully connected layer (m = 1) and the
 * product after im2col in a convolution. Variation {@code dY = dA W₀ + [A 1] dW}; adjoint
 * {@code Ā = Ȳ W₀ᵀ}, {@code W̄ = [A 1]ᵀ Ȳ}.
 */
public final class AffineLayer<M> extends AbstractLayer<M, Pair<M>, M> {

    /**
     * An affine layer on the backend {@code ops}.
     *
     * @param ops the backend that computes
     */
    public AffineLayer(MatrixOps<M> ops) {
        super("affine", ops, new PairSpace<>("A", Structure.GENERAL, "W", Structure.GENERAL),
                MatrixSpace.of("Y", Structure.GENERAL));
    }

    @Override
    public Linearization<M, Pair<M>, M> forward(Pair<M> x) {
        return checked(x, evaluate(x));
    }

    private Linearization<M, Pair<M>, M> evaluate(Pair<M> x) {
        MatrixOps<M> ops = ops();
        M a = x.first();
        M w = x.second();
        int n = ops.cols(a);
        if (ops.rows(w) != n + 1) {
            throw new IllegalArgumentException("affine: weight has " + ops.rows(w) + " rows, expected "
                    + (n + 1) + " (" + n + " inputs + bias) for a " + ops.rows(a) + "×" + n + " input");
        }
        Inputs.requireFinite(ops, a, "affine input");
        M augmented = ops.hconcat(a, ops.ones(ops.rows(a)));
        M w0 = ops.block(w, 0, n, 0, ops.cols(w));
        return Linearization.of(ops.mult(augmented, w), Diagnostics.none(),
                dx -> ops.add(ops.mult(dx.first(), w0), ops.mult(augmented, dx.second())),
                upstream -> new Pair<>(ops.multTransB(upstream, w0), ops.multTransA(augmented, upstream)));
    }
}
