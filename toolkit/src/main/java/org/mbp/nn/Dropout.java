package org.mbp.nn;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.Layer;
import org.mbp.layer.LinearLayer;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Structure;

/**
 * Inverted dropout: each entry is kept with probability {@code 1 − rate} and scaled by
 * {@code 1/(1 − rate)}, so inference is the identity. The mask is drawn from a seed, so a
 * training step is reproducible; for that mask the layer is linear and self-adjoint. The mask is
 * drawn (on a device, uploaded) when the layer is made, for an input of the shape given then: a
 * training pass makes its dropout layers before its first layer runs ({@link Network}), so that
 * the upload waits for no work of the pass.
 */
public final class Dropout {

    private Dropout() {
    }

    /**
     * The dropout layer for one {@code rows × cols} example with the mask drawn from {@code seed}.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param rate the rate
     * @param seed the random seed
     * @param rows the rows of the example
     * @param cols the columns of the example
     * @return the dropout layer for one example with the mask drawn from {@code seed}
     */
    public static <M> Layer<M, M, M> withMask(MatrixOps<M> ops, double rate, long seed, int rows, int cols) {
        return withMasks(ops, rate, new long[] {seed}, rows, cols);
    }

    /**
     * The dropout layer for a minibatch of {@code rows × cols} examples stacked by rows: example
     * n's block has the mask {@link #withMask} draws from {@code seeds[n]}, so an example is
     * dropped out the same way alone or in any batch.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param rate the rate
     * @param seeds the examples' seeds, in row order
     * @param rows the rows of one example
     * @param cols the columns of one example
     * @return the dropout layer for the stacked examples
     * @throws IllegalArgumentException for a rate outside [0, 1) or an empty shape
     */
    public static <M> Layer<M, M, M> withMasks(MatrixOps<M> ops, double rate, long[] seeds, int rows, int cols) {
        double keep = 1 / (1 - requireRate(rate));
        requireShape(rows, cols);
        int stacked = seeds.length * rows;
        M mask = mask(ops, stacked, cols, rate, keep, seeds);
        UnaryOperator<M> masked = x -> {
            if (ops.rows(x) != stacked || ops.cols(x) != cols) {
                throw new IllegalArgumentException("dropout: input is " + ops.rows(x) + "×" + ops.cols(x)
                        + ", expected " + stacked + "×" + cols + " (" + seeds.length + (seeds.length == 1 ? " example" : " examples")
                        + " of " + rows + "×" + cols + ")");
            }
            return ops.hadamard(mask, x);
        };
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

    /**
     * Fails unless {@code rows × cols} is an example's shape with entries.
     *
     * @param rows the rows of one example
     * @param cols the columns of one example
     * @throws IllegalArgumentException when either is not positive
     */
    public static void requireShape(int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("dropout: an example of " + rows + "×" + cols + " has no entries");
        }
    }

    /** The mask of a rows×cols stack, example n's equal block of rows drawn from {@code seeds[n]}. */
    private static <M> M mask(MatrixOps<M> ops, int rows, int cols, double rate, double keep, long[] seeds) {
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
