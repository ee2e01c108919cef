package org.mbp.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Layer;
import org.mbp.layer.HostReads;
import org.mbp.layer.Linearization;
import org.mbp.layer.Pair;

/**
 * A chain of layers on one example, some of which take a trainable {@link Parameter} as their
 * second input. Each stage keeps its layer's own backend, so a float trunk can feed a double
 * structured layer through {@link org.mbp.layer.LinearLayer#convert} (the paper's mixed
 * precision). Backpropagation is the composition of the stages' adjoints (eq. 10), collecting the
 * parameter gradients on the way.
 */
public final class Network {

    /** One step of the chain. */
    private sealed interface Stage {
        String name();
    }

    private record Fixed<M>(Layer<M, M, M> layer) implements Stage {
        @Override
        public String name() {
            return layer.name();
        }
    }

    private record Weighted<M>(Layer<M, Pair<M>, M> layer, int parameter) implements Stage {
        @Override
        public String name() {
            return layer.name();
        }
    }

    /**
     * A layer drawn per training example from a seed (dropout), given the seeds of the examples a
     * pass stacks; the identity at inference.
     */
    private record Stochastic<M>(String name, Function<long[], Layer<M, M, M>> training) implements Stage {
    }

    private final List<Stage> stages;
    private final List<Parameter> parameters;
    private final List<MatrixOps<?>> parameterOps;

    private Network(List<Stage> stages, List<Parameter> parameters, List<MatrixOps<?>> parameterOps) {
        this.stages = List.copyOf(stages);
        this.parameters = List.copyOf(parameters);
        this.parameterOps = List.copyOf(parameterOps);
    }

    /**
     * A new, empty chain.
     *
     * @return a new, empty chain
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The trainable parameters, in the order of {@link Weights}.
     *
     * @return the trainable parameters, in the order of {@link Weights}
     */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * Names of the stages, in order.
     *
     * @return names of the stages, in order
     */
    public List<String> stageNames() {
        return stages.stream().map(Stage::name).toList();
    }

    /**
     * Evaluates the chain on one example, or at inference on any stack of examples.
     *
     * @param seed the example's seed for stochastic stages, or {@link Pass#INFERENCE}
     * @param <M> the backend's matrix type
     * @param weights the weights
     * @param input the input
     * @return the pass
     */
    public <M> Pass<M> forward(Weights weights, M input, long seed) {
        return forward(weights, input, new long[] {seed});
    }

    /**
     * Evaluates the chain on a minibatch: the examples stacked by rows in {@code input} (each
     * layer's input holds one equal block of rows per example), example n's stochastic stages
     * drawn from {@code seeds[n]} as if it were alone. Every parameter's matrix and every
     * stochastic stage's layer with its dropout mask is made (on a device, uploaded) before the
     * first layer runs, so that no copy to the device waits for the layers' work.
     *
     * @param <M> the backend's matrix type
     * @param weights the weights
     * @param input the stacked examples
     * @param seeds one seed per example, or the single {@link Pass#INFERENCE}
     * @return the pass
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <M> Pass<M> forward(Weights weights, M input, long[] seeds) {
        boolean inference = seeds.length == 1 && seeds[0] == Pass.INFERENCE;
        Object[] parameterValues = new Object[parameters.size()];
        for (int k = 0; k < parameterValues.length; k++) {
            parameterValues[k] = weights.matrix(k, parameterOps.get(k));
        }
        Layer[] drawn = new Layer[stages.size()];
        for (int i = 0; i < drawn.length; i++) {
            if (!inference && stages.get(i) instanceof Stochastic s) {
                drawn[i] = (Layer) s.training().apply(stageSeeds(seeds, i));
            }
        }
        List<Linearization> trace = new ArrayList<>(stages.size());
        Object x = input;
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            Linearization lin;
            if (stage instanceof Weighted w) {
                lin = w.layer().forward(new Pair<>(x, parameterValues[w.parameter()]));
            } else if (stage instanceof Fixed f) {
                lin = f.layer().forward(x);
            } else {
                lin = inference ? null : drawn[i].forward(x);
            }
            trace.add(lin);
            if (lin != null) {
                x = lin.output();
            }
        }
        return new Pass<>(this, trace, (M) x, seeds.length);
    }

    /** The seeds of stage i's stochastic layer, one per example. */
    private static long[] stageSeeds(long[] seeds, int stage) {
        long[] out = new long[seeds.length];
        for (int n = 0; n < seeds.length; n++) {
            out[n] = seeds[n] * 31 + stage;
        }
        return out;
    }

    /** The chain evaluated on one example, ready to backpropagate. */
    public static final class Pass<M> {

        /** The seed that marks an inference pass (stochastic stages are the identity). */
        public static final long INFERENCE = Long.MIN_VALUE;

        private final Network network;
        @SuppressWarnings("rawtypes")
        private final List<Linearization> trace;
        private final M output;
        private final int examples;

        @SuppressWarnings("rawtypes")
        private Pass(Network network, List<Linearization> trace, M output, int examples) {
            this.network = network;
            this.trace = trace;
            this.output = output;
            this.examples = examples;
        }

        /**
         * The network's output.
         *
         * @return the network's output
         */
        public M output() {
            return output;
        }

        /**
         * The output of the stage with this name (its last occurrence).
         *
         * @param <N> the number type
         * @param stage the stage
         * @return the output of the stage with this name (its last occurrence)
         */
        @SuppressWarnings("unchecked")
        public <N> N outputOf(String stage) {
            return (N) linearization(stage).output();
        }

        /**
         * The diagnostics of all stages, in order.
         *
         * @return the diagnostics of all stages, in order
         */
        public Diagnostics diagnostics() {
            Diagnostics all = Diagnostics.none();
            for (Object lin : trace) {
                if (lin != null) {
                    all = all.plus(((Linearization<?, ?, ?>) lin).diagnostics());
                }
            }
            return all;
        }

        @SuppressWarnings("rawtypes")
        private Linearization linearization(String stage) {
            for (int i = trace.size() - 1; i >= 0; i--) {
                if (network.stages.get(i).name().equals(stage) && trace.get(i) != null) {
                    return trace.get(i);
                }
            }
            throw new IllegalArgumentException("no stage named " + stage + " in " + network.stageNames());
        }

        /**
         * Backpropagates {@code upstream = ∂L/∂output}: the gradient of every parameter (as
         * row-major doubles; on a minibatch, summed over its examples inside the products) and the
         * Frobenius norm of the gradient arriving at each stage's output, per example.
         *
         * @param upstream the upstream gradient ∂L/∂Y
         * @return the gradient
         */
        public Gradient backward(M upstream) {
            return backward(upstream, null);
        }

        /**
         * As {@link #backward(Object)}, with the gradient norms measured only at the stages named
         * in {@code monitored} (NaN elsewhere; null measures every stage): each measured gradient
         * is copied to the host whole. The parameters' gradients and the measured ones are read
         * through {@link HostReads}: within a training step, in one transfer at the end.
         *
         * @param upstream the upstream gradient ∂L/∂Y
         * @param monitored the monitored
         * @return as {@link #backward(Object)}, with the gradient norms measured only at the stages
         *         named in {@code monitored} (NaN elsewhere; null measures every stage)
         */
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Gradient backward(M upstream, Set<String> monitored) {
            int n = network.stages.size();
            HostReads.Value[] gradients = new HostReads.Value[network.parameters.size()];
            HostReads.Value[] incoming = new HostReads.Value[n];
            Object g = upstream;
            for (int i = n - 1; i >= 0; i--) {
                Linearization lin = trace.get(i);
                if (lin == null) {
                    continue;
                }
                Stage stage = network.stages.get(i);
                MatrixOps ops = stage instanceof Weighted w ? w.layer().ops()
                        : stage instanceof Fixed f ? f.layer().ops() : null;
                if (ops != null && (monitored == null || monitored.contains(stage.name()))) {
                    incoming[i] = HostReads.of(ops, g);
                }
                Object adjoint = lin.adjoint(g);
                if (stage instanceof Weighted w) {
                    Pair pair = (Pair) adjoint;
                    gradients[w.parameter()] = HostReads.of(w.layer().ops(), pair.second());
                    g = pair.first();
                } else {
                    g = adjoint;
                }
            }
            double[][] values = new double[gradients.length][];
            for (int k = 0; k < gradients.length; k++) {
                values[k] = gradients[k].values();
            }
            double[][] norms = new double[n][];
            for (int i = 0; i < n; i++) {
                norms[i] = incoming[i] == null ? unmeasured() : exampleNorms(incoming[i].values());
            }
            return new Gradient(values, network.stageNames(), norms);
        }

        private double[] unmeasured() {
            double[] none = new double[examples];
            Arrays.fill(none, Double.NaN);
            return none;
        }

        /** The Frobenius norm of each example's block of the row-major values, summed in double. */
        private double[] exampleNorms(double[] v) {
            int block = v.length / examples;
            double[] out = new double[examples];
            for (int e = 0; e < examples; e++) {
                double sum = 0;
                for (int k = e * block; k < (e + 1) * block; k++) {
                    sum += v[k] * v[k];
                }
                out[e] = Math.sqrt(sum);
            }
            return out;
        }
    }

    /** Builds a {@link Network} stage by stage. */
    public static final class Builder {

        private final List<Stage> stages = new ArrayList<>();
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<MatrixOps<?>> parameterOps = new ArrayList<>();

        private Builder() {
        }

        /**
         * Appends a layer without parameters.
         *
         * @param <M> the backend's matrix type
         * @param layer the layer
         * @return the builder
         */
        public <M> Builder then(Layer<M, M, M> layer) {
            stages.add(new Fixed<>(layer));
            return this;
        }

        /**
         * Appends a layer {@code (x, θ) ↦ y} with a new parameter θ of the given shape.
         *
         * @param <M> the backend's matrix type
         * @param layer the layer
         * @param parameter the parameter
         * @return the builder
         */
        public <M> Builder then(Layer<M, Pair<M>, M> layer, Parameter parameter) {
            parameters.add(parameter);
            parameterOps.add(layer.ops());
            stages.add(new Weighted<>(layer, parameters.size() - 1));
            return this;
        }

        /**
         * Appends dropout of the given rate (identity at inference) on inputs of {@code rows × cols}
         * per example: the shape its masks are drawn for before a pass runs.
         *
         * @param <M> the backend's matrix type
         * @param ops the backend that computes
         * @param rate the rate
         * @param rows the rows of one example's input to this stage
         * @param cols the columns of one example's input to this stage
         * @return the builder
         * @throws IllegalArgumentException for a rate outside [0, 1) or an empty shape
         */
        public <M> Builder dropout(MatrixOps<M> ops, double rate, int rows, int cols) {
            Dropout.requireRate(rate);
            Dropout.requireShape(rows, cols);
            stages.add(new Stochastic<M>("dropout", seeds -> Dropout.withMasks(ops, rate, seeds, rows, cols)));
            return this;
        }

        /**
         * The network.
         *
         * @return the network
         */
        public Network build() {
            return new Network(stages, parameters, parameterOps);
        }
    }
}
