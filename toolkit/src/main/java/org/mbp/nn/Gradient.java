package org.mbp.nn;

import java.util.List;

/**
 * The result of backpropagating one example (or the sum over a batch): one row-major gradient
 * per parameter and the norm of the gradient that reached each stage's output.
 *
 * @param parameters  ∂L/∂θ per parameter, row-major
 * @param stages      stage names
 * @param stageNorms  ‖∂L/∂(stage output)‖_F per stage (NaN for stochastic stages)
 */
public record Gradient(double[][] parameters, List<String> stages, double[] stageNorms) {

    /**
     * The gradient norm that reached the output of the (last) stage with this name.
     *
     * @param stage the stage
     * @return the gradient norm that reached the output of the (last) stage with this name
     */
    public double normAt(String stage) {
        int i = stages.lastIndexOf(stage);
        if (i < 0) {
            throw new IllegalArgumentException("no stage named " + stage + " in " + stages);
        }
        return stageNorms[i];
    }
}
