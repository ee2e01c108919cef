package org.mbp.nn;

import java.util.SplittableRandom;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.Layer;
import org.mbp.layer.LinearLayer;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Structure;

/**
 * Inverted dropout: each entry is kept with probability {@code 1 − rate} and scaled by
 * {@code 1/(1 − rate)}, so inference is the identity. The mask is drawn from a seed, so a
 * training step is reproducible; for that mask the layer is linear and self-adjoint.
 */
public final class Dropout {

    private Dropout() {
    }

    /**
     * The dropout layer for one example with the mask drawn from {@code seed}.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param rate the rate
     * @param seed the random seed
     * @return the dropout layer for one example with the mask drawn from {@code seed}
     */
    public static <M> Layer<M, M, M> withMask(MatrixOps<M> ops, double rate, long seed) {
        double keep = 1 / (1 - requireRate(rate));
        return LinearLayer.of("dropout(" + rate + ")", ops, MatrixSpace.of("X", Structure.GENERAL),
                MatrixSpace.of("Y", Structure.GENERAL), x -> ops.hadamard(mask(ops, x, rate, keep, seed), x),
                y -> ops.hadamard(mask(ops, y, rate, keep, seed), y));
    }

    /**
     * Returns {@code rate} if it is a dropout rate, in [0, 1).
     *
     * @param rate the rate
     * @return {@code rate} if it is a dropout rate, in [0, 1)
     */
    public static double requireRate(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        return rate;
    }

    private static <M> M mask(MatrixOps<M> ops, M like, double rate, double keep, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] m = new double[ops.rows(like) * ops.cols(like)];
        for (int i = 0; i < m.length; i++) {
            m[i] = random.nextDouble() < rate ? 0 : keep;
        }
        return ops.fromRowMajor(ops.rows(like), ops.cols(like), m);
    }
}
