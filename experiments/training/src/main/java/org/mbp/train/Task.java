package org.mbp.train;

import java.util.List;
import java.util.Map;
import org.mbp.layer.BatchExecutor;
import org.mbp.nn.Network;
import org.mbp.nn.Weights;

/** What a training run optimises: a network, its per-example loss and its evaluation. */
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
     * Loss, gradient and readings of training example {@code index}, stochastic stages drawn from {@code seed}.
     *
     * @param weights the weights
     * @param index the index
     * @param seed the random seed
     * @return loss, gradient and readings of training example {@code index}, stochastic stages
     *         drawn from {@code seed}
     */
    ExampleResult train(Weights weights, int index, long seed);

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
