package org.mbp.nn;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
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
        return withMasks(ops, rate, new long[] {seed});
    }

    /**
     * The dropout layer for a minibatch stacked by rows, one equal block of rows per example:
     * example n's block has the mask {@link #withMask} draws from {@code seeds[n]}, so an example
     * is dropped out the same way alone or in any batch.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param rate the rate
     * @param seeds the examples' seeds, in row order
     * @return the dropout layer for the stacked examples
     */
    public static <M> Layer<M, M, M> withMasks(MatrixOps<M> ops, double rate, long[] seeds) {
        double keep = 1 / (1 - requireRate(rate));
        long[] own = seeds.clone();
        Map<List<Integer>, M> masks = new ConcurrentHashMap<>();
        UnaryOperator<M> masked = x -> ops.hadamard(masks.computeIfAbsent(List.of(ops.rows(x), ops.cols(x)),
                shape -> mask(ops, shape.get(0), shape.get(1), rate, keep, own)), x);
        return LinearLayer.of("dropout(" + rate + ")", ops, MatrixSpace.of("X", Structure.GENERAL),
                MatrixSpace.of("Y", Structure.GENERAL), masked, masked);
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

    /** The mask of a rows×cols stack, drawn (and, on a device, uploaded) once per layer and shape. */
    private static <M> M mask(MatrixOps<M> ops, int rows, int cols, double rate, double keep, long[] seeds) {
        if (rows % seeds.length != 0) {
            throw new IllegalArgumentException("dropout: " + rows + " rows do not split into " + seeds.length
                    + " examples");
        }
        double[] m = new double[rows * cols];
        int block = m.length / seeds.length;
        for (int n = 0; n < seeds.length; n++) {
            SplittableRandom random = new SplittableRandom(seeds[n]);
            for (int i = n * block; i < (n + 1) * block; i++) {
                m[i] = random.nextDouble() < rate ? 0 : keep;
            }
        }
        return ops.fromRowMajor(rows, cols, m);
    }
}
