package org.mbp.nn;

import org.mbp.backend.MatrixOps;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Inputs;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Structure;

/**
 * The softmax cross-entropy of a 1×c row of logits z against a class label y:
 * {@code ℓ(z) = log Σ_j exp z_j − z_y} (a 1×1 output), evaluated with the maximum subtracted.
 * Its gradient is {@code softmax(z) − e_y}.
 */
public final class SoftmaxCrossEntropy<M> extends AbstractLayer<M, M, M> {

    private final int label;

    /**
     * The softmax cross-entropy against the class {@code label}.
     *
     * @param ops the backend that computes
     * @param label the label
     */
    public SoftmaxCrossEntropy(MatrixOps<M> ops, int label) {
        super("softmax-cross-entropy", ops, MatrixSpace.of("z", Structure.GENERAL),
                MatrixSpace.of("ℓ", Structure.GENERAL));
        this.label = label;
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

    @Override
    public Linearization<M, M, M> forward(M z) {
        return checked(z, evaluate(z));
    }

    private Linearization<M, M, M> evaluate(M z) {
        MatrixOps<M> ops = ops();
        int c = ops.cols(z);
        if (ops.rows(z) != 1 || label < 0 || label >= c) {
            throw new IllegalArgumentException("softmax cross-entropy needs a 1×c row of logits and a label in [0, c),"
                    + " got " + ops.rows(z) + "×" + c + " and label " + label);
        }
        Inputs.requireFinite(ops, z, "logits");
        double[] values = ops.toRowMajor(z);
        double[] p = softmax(values);
        double loss = logSumExp(values) - values[label];
        p[label] -= 1;
        M gradient = ops.fromRowMajor(1, c, p);
        return Linearization.of(ops.filled(1, 1, loss), Diagnostics.none(),
                dz -> ops.filled(1, 1, ops.dot(gradient, dz)),
                upstream -> ops.scale(ops.get(upstream, 0, 0), gradient));
    }
}
