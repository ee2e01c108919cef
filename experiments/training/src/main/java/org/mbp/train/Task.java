package org.mbp.train;

import java.util.List;
import java.util.Map;
import org.mbp.layer.BatchExecutor;
import org.mbp.nn.Network;
import org.mbp.nn.Weights;

/**
 * What a training run optimises: a network, its loss over a batched pass of examples, and its
 * evaluation.
 */
public interface Task {

    /**
     * A short name, e.g. {@code "deepo2p-fc"}.
     *
     * @return a short name, e.g. {@code "deepo2p-fc"}
     */
    String name();

    /**
     * Everything that determines the results besides the optimiser (architecture, data).
     *
     * @return everything that determines the results besides the optimiser (architecture, data)
     */
    Map<String, Object> description();

    /**
     * The network the task trains.
     *
     * @return the network the task trains
     */
    Network network();

    /**
     * Number of training examples.
     *
     * @return number of training examples
     */
    int trainingSize();

    /**
     * One batched pass over the training examples {@code indices}: their summed loss and
     * gradient, and their readings, example n's stochastic stages drawn from {@code seeds[n]}.
     *
     * @param weights the weights
     * @param indices the training examples, in the order their rows are stacked
     * @param seeds one seed per example
     * @return the pass's summed loss and gradient and the examples' readings
     */
    BatchResult train(Weights weights, int[] indices, long[] seeds);

    /**
     * Number of evaluation examples.
     *
     * @return number of evaluation examples
     */
    int evaluationSize();

    /**
     * The evaluation metrics (e.g. test loss and accuracy), computed on {@code executor}.
     *
     * @param weights the weights
     * @param executor the executor
     * @return the evaluation metrics (e.g. test loss and accuracy), computed on {@code executor}
     */
    Map<String, Double> evaluate(Weights weights, BatchExecutor executor);

}
