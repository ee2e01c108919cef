package org.mbp.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.mbp.backend.MatrixOps;

/**
 * The values of a network's parameters, held in double (the master copy the optimiser updates)
 * and rounded into each stage's backend when the network runs.
 */
public final class Weights {

    private final List<Parameter> parameters;
    private final double[][] values;
    /** The values rounded into a backend, per parameter and backend, until the next update. */
    private final Map<MatrixOps<?>, Object[]> rounded = new ConcurrentHashMap<>();

    private Weights(List<Parameter> parameters, double[][] values) {
        this.parameters = List.copyOf(parameters);
        this.values = values;
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != parameters.get(i).size()) {
                throw new IllegalArgumentException(parameters.get(i).name() + ": " + values[i].length
                        + " values for a " + parameters.get(i).rows() + "×" + parameters.get(i).cols() + " parameter");
            }
        }
    }

    /**
     * He-initialised weights (see {@link Parameter#heInitialised}) drawn from {@code seed}.
     *
     * @param parameters the parameters
     * @param seed the random seed
     * @return He-initialised weights (see {@link Parameter#heInitialised}) drawn from {@code seed}
     */
    public static Weights initialise(List<Parameter> parameters, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] values = new double[parameters.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = parameters.get(i).heInitialised(random.split());
        }
        return new Weights(parameters, values);
    }

    /**
     * Weights with the given values (e.g. from a checkpoint); the arrays are used as they are.
     *
     * @param parameters the parameters
     * @param values the values
     * @return weights with the given values (e.g. from a checkpoint); the arrays are used as they
     *         are
     */
    public static Weights of(List<Parameter> parameters, double[][] values) {
        if (values.length != parameters.size()) {
            throw new IllegalArgumentException(values.length + " weight arrays for " + parameters.size() + " parameters");
        }
        return new Weights(parameters, values);
    }

    /**
     * The parameters, in order.
     *
     * @return the parameters, in order
     */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * The live values of parameter i. Whoever changes them in place (the optimiser) calls
     * {@link #changed()} afterwards.
     *
     * @param i the index
     * @return the live values of parameter i
     */
    public double[] values(int i) {
        return values[i];
    }

    /** Forgets the matrices rounded from the previous values. */
    public void changed() {
        rounded.clear();
    }

    /**
     * Parameter i as a matrix of {@code ops}, rounded once per update and shared by all examples.
     *
     * @param <M> the backend's matrix type
     * @param i the index
     * @param ops the backend that computes
     * @return parameter i as a matrix of {@code ops}, rounded once per update and shared by all
     *         examples
     */
    @SuppressWarnings("unchecked")
    public <M> M matrix(int i, MatrixOps<M> ops) {
        Object[] cache = rounded.computeIfAbsent(ops, k -> new Object[values.length]);
        synchronized (cache) {
            if (cache[i] == null) {
                Parameter p = parameters.get(i);
                cache[i] = ops.fromRowMajor(p.rows(), p.cols(), values[i]);
            }
            return (M) cache[i];
        }
    }

    /**
     * A deep copy.
     *
     * @return a deep copy
     */
    public Weights copy() {
        List<double[]> copies = new ArrayList<>();
        for (double[] v : values) {
            copies.add(v.clone());
        }
        return new Weights(parameters, copies.toArray(new double[0][]));
    }
}
