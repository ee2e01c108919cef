package org.mbp.gradient;

import java.util.SplittableRandom;
import org.mbp.backend.MatrixOps;
import org.mbp.device.ComputeDevice;
import org.mbp.io.DenseMatrix;

/**
 * An up-front estimate of how long {@link GradientJob} takes on a large input, so that a long run
 * says so before it starts. Every layer's cost is dominated by its decompositions and the
 * products of its backward pass, {@code O(m·n·k)} for an m×n input with {@code k = min(m, n)};
 * the rate of this device and precision is measured by timing one symmetric eigendecomposition of
 * 160×160, and the estimate counts the job as 6 such units of {@code m·n·k} work.
 * It is an order of magnitude, not a promise: good to a factor of a few.
 */
public final class GradientCost {

    /** The size of the timed probe. */
    static final int PROBE = 160;
    /** How many {@code m·n·k} units a layer's forward and backward pass take. */
    static final int WORK = 6;

    private GradientCost() {
    }

    /** The work of a job on this input: {@code m·n·min(m, n)}, in units of the probe's work. */
    static double relativeWork(DenseMatrix input) {
        double k = Math.min(input.rows(), input.cols());
        return WORK * (double) input.rows() * input.cols() * k / ((double) PROBE * PROBE * PROBE);
    }

    /**
     * The estimated seconds of the job, from the input's shape and one timed probe on the
     * request's device and precision; small inputs (under one probe's work) give 0 without timing.
     *
     * @param device  the device the job runs on
     * @param request the job
     * @return the estimated seconds, 0 for a small input
     */
    public static double estimateSeconds(ComputeDevice device, GradientJob.Request request) {
        double work = relativeWork(request.input());
        if (work < WORK) {
            return 0;
        }
        return work * probeSeconds(device.backend(request.precision()));
    }

    private static <M> double probeSeconds(MatrixOps<M> ops) {
        SplittableRandom random = new SplittableRandom(1);
        double[] v = new double[PROBE * PROBE];
        for (int i = 0; i < PROBE; i++) {
            for (int j = 0; j <= i; j++) {
                v[i * PROBE + j] = random.nextGaussian();
                v[j * PROBE + i] = v[i * PROBE + j];
            }
        }
        M a = ops.fromRowMajor(PROBE, PROBE, v);
        ops.eigSymmetric(a);
        long start = System.nanoTime();
        ops.eigSymmetric(a);
        return (System.nanoTime() - start) / 1e9;
    }
}
