package org.mbp.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mbp.backend.MatrixOps;

/**
 * The values of a network's parameters, held in double (the master copy the optimiser updates)
 * and rounded into each stage's backend when the network runs.
 */
public final class Weights {

    private final List<Parameter> parameters;
    private final double[][] values;

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

    /** He-initialised weights (see {@link Parameter#heInitialised}) drawn from {@code seed}. */
    public static Weights initialise(List<Parameter> parameters, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] values = new double[parameters.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = parameters.get(i).heInitialised(random.split());
        }
        return new Weights(parameters, values);
    }

    /** Weights with the given values (e.g. from a checkpoint); the arrays are used as they are. */
    public static Weights of(List<Parameter> parameters, double[][] values) {
        if (values.length != parameters.size()) {
            throw new IllegalArgumentException(values.length + " weight arrays for " + parameters.size() + " parameters");
        }
        return new Weights(parameters, values);
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** The live values of parameter i (updated in place by the optimiser). */
    public double[] values(int i) {
        return values[i];
    }

    /** Parameter i as a matrix of {@code ops}. */
    public <M> M matrix(int i, MatrixOps<M> ops) {
        Parameter p = parameters.get(i);
        return ops.fromRowMajor(p.rows(), p.cols(), values[i]);
    }

    /** A deep copy. */
    public Weights copy() {
        List<double[]> copies = new ArrayList<>();
        for (double[] v : values) {
            copies.add(v.clone());
        }
        return new Weights(parameters, copies.toArray(new double[0][]));
    }
}
