package org.mbp.nn;

import java.util.List;

/**
 * The result of backpropagating one example or a minibatch: one row-major gradient per parameter
 * (summed over the minibatch's examples) and, per example, the norm of the gradient that reached
 * each stage's output.
 *
 * @param parameters  ∂L/∂θ per parameter, row-major
 * @param stages      stage names
 * @param stageNorms  per stage, ‖∂L/∂(stage output)‖_F of each example (NaN where not measured:
 *                    stochastic stages and stages not monitored)
 */
public record Gradient(double[][] parameters, List<String> stages, double[][] stageNorms) {

    /**
     * The gradient norm that reached the output of the (last) stage with this name, for a pass of
     * one example.
     *
     * @param stage the stage
     * @return the norm
     * @throws IllegalArgumentException when there is no such stage
     * @throws IllegalStateException when the pass held several examples ({@link #normsAt})
     */
    public double normAt(String stage) {
        double[] norms = normsAt(stage);
        if (norms.length != 1) {
            throw new IllegalStateException("the pass held " + norms.length + " examples: read normsAt(" + stage
                    + ")");
        }
        return norms[0];
    }

    /**
     * The gradient norms that reached the output of the (last) stage with this name, one per
     * example of the pass.
     *
     * @param stage the stage
     * @return the norms, in example order
     * @throws IllegalArgumentException when there is no such stage
     */
    public double[] normsAt(String stage) {
        int i = stages.lastIndexOf(stage);
        if (i < 0) {
            throw new IllegalArgumentException("no stage named " + stage + " in " + stages);
        }
        return stageNorms[i].clone();
    }
}
