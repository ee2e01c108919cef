package org.mbp.nn;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.HostReads;
import org.mbp.layer.Inputs;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Structure;

/**
 * The softmax cross-entropy of a 1×c row of logits z against a class label y:
 * {@code ℓ(z) = log Σ_j exp z_j − z_y} (a 1×1 output), evaluated with the maximum subtracted.
 * Its gradient is {@code softmax(z) − e_y}. On a minibatch (n rows of logits, one label each) the
 * output is the sum of the n losses, so row i of the gradient is example i's own. The logits are
 * read to the host ({@link HostReads}: within a training step, together with the step's queued
 * reads and checks), and the backward pass scales the gradient by the upstream scalar on the
 * backend, without reading it.
 */
public final class SoftmaxCrossEntropy<M> extends AbstractLayer<M, M, M> {

    /** Gather indices that spread a 1×1 matrix over n·c entries (all zero), one per size. */
    private static final Map<Integer, int[]> BROADCAST = new ConcurrentHashMap<>();

    private final int[] labels;

    /**
     * The summed softmax cross-entropy of n rows of logits against their classes.
     *
     * @param ops the backend that computes
     * @param labels the class of each row, in row order (one for a single example)
     */
    public SoftmaxCrossEntropy(MatrixOps<M> ops, int... labels) {
        super("softmax-cross-entropy", ops, MatrixSpace.of("z", Structure.GENERAL),
                MatrixSpace.of("ℓ", Structure.GENERAL));
        this.labels = labels.clone();
    }

    /**
     * {@code softmax(z)} of a 1×c row, as doubles.
     *
     * @param z the value z
     * @return {@code softmax(z)} of a 1×c row, as doubles
     */
    public static double[] softmax(double[] z) {
        double log = logSumExp(z);
        double[] p = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            p[j] = Math.exp(z[j] - log);
        }
        return p;
    }

    /**
     * {@code log Σ_j exp z_j}, with the maximum subtracted so that it neither overflows nor underflows.
     *
     * @param z the value z
     * @return {@code log Σ_j exp z_j}, with the maximum subtracted so that it neither overflows nor
     *         underflows
     */
    public static double logSumExp(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    /**
     * The loss {@code log Σ_j exp z_j − z_label} of one row of logits.
     *
     * @param z the logits
     * @param label the class
     * @return the loss
     */
    public static double loss(double[] z, int label) {
        return logSumExp(z) - z[label];
    }

    @Override
    public Linearization<M, M, M> forward(M z) {
        return checked(z, evaluate(z));
    }

    private Linearization<M, M, M> evaluate(M z) {
        MatrixOps<M> ops = ops();
        int n = ops.rows(z);
        int c = ops.cols(z);
        if (n != labels.length) {
            throw new IllegalArgumentException("softmax cross-entropy needs one row of logits per label: got "
                    + n + "×" + c + " logits and " + labels.length + " labels");
        }
        for (int label : labels) {
            if (label < 0 || label >= c) {
                throw new IllegalArgumentException("softmax cross-entropy needs labels in [0, " + c + "), got " + label);
            }
        }
        Inputs.requireFinite(ops, z, "logits");
        double[] values = HostReads.of(ops, z).values();
        double[] gradientValues = new double[n * c];
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double[] row = Arrays.copyOfRange(values, i * c, (i + 1) * c);
            double[] p = softmax(row);
            loss += loss(row, labels[i]);
            p[labels[i]] -= 1;
            System.arraycopy(p, 0, gradientValues, i * c, c);
        }
        M gradient = ops.fromRowMajor(n, c, gradientValues);
        return Linearization.of(ops.filled(1, 1, loss), Diagnostics.none(),
                dz -> ops.filled(1, 1, ops.dot(gradient, dz)),
                upstream -> ops.hadamard(gradient, ops.gather(upstream, BROADCAST.computeIfAbsent(n * c, int[]::new),
                        n, c)));
    }
}
