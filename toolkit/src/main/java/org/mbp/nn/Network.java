package org.mbp.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Layer;
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

    /** A layer drawn per training example from a seed (dropout); the identity at inference. */
    private record Stochastic<M>(String name, LongFunction<Layer<M, M, M>> training) implements Stage {
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
     * Evaluates the chain on one example.
     *
     * @param seed the example's seed for stochastic stages, or {@link Pass#INFERENCE}
     * @param <M> the backend's matrix type
     * @param weights the weights
     * @param input the input
     * @return the pass
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <M> Pass<M> forward(Weights weights, M input, long seed) {
        List<Linearization> trace = new ArrayList<>(stages.size());
        Object x = input;
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            Linearization lin;
            if (stage instanceof Weighted w) {
                MatrixOps ops = parameterOps.get(w.parameter());
                lin = w.layer().forward(new Pair<>(x, weights.matrix(w.parameter(), ops)));
            } else if (stage instanceof Fixed f) {
                lin = f.layer().forward(x);
            } else {
                Stochastic s = (Stochastic) stage;
                lin = seed == Pass.INFERENCE ? null : ((Layer) s.training().apply(seed * 31 + i)).forward(x);
            }
            trace.add(lin);
            if (lin != null) {
                x = lin.output();
            }
        }
        return new Pass<>(this, trace, (M) x);
    }

    /** The chain evaluated on one example, ready to backpropagate. */
    public static final class Pass<M> {

        /** The seed that marks an inference pass (stochastic stages are the identity). */
        public static final long INFERENCE = Long.MIN_VALUE;

        private final Network network;
        @SuppressWarnings("rawtypes")
        private final List<Linearization> trace;
        private final M output;

        @SuppressWarnings("rawtypes")
        private Pass(Network network, List<Linearization> trace, M output) {
            this.network = network;
            this.trace = trace;
            this.output = output;
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
         * row-major doubles) and the Frobenius norm of the gradient arriving at each stage's output.
         *
         * @param upstream the upstream gradient ∂L/∂Y
         * @return the gradient
         */
        public Gradient backward(M upstream) {
            return backward(upstream, null);
        }

        /**
         * As {@link #backward(Object)}, with the gradient norms measured only at the stages named
         * in {@code monitored} (NaN elsewhere; null measures every stage): each norm is a reduction whose value the host must
         * wait for, which on a device costs more than the arithmetic.
         *
         * @param upstream the upstream gradient ∂L/∂Y
         * @param monitored the monitored
         * @return as {@link #backward(Object)}, with the gradient norms measured only at the stages
         *         named in {@code monitored} (NaN elsewhere; null measures every stage): each norm is a
         *         reduction whose value the host must wait for, which on a device costs more than the
         *         arithmetic
         */
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Gradient backward(M upstream, Set<String> monitored) {
            int n = network.stages.size();
            double[][] gradients = new double[network.parameters.size()][];
            double[] norms = new double[n];
            Object g = upstream;
            for (int i = n - 1; i >= 0; i--) {
                Linearization lin = trace.get(i);
                if (lin == null) {
                    continue;
                }
                Stage stage = network.stages.get(i);
                MatrixOps ops = stage instanceof Weighted w ? w.layer().ops()
                        : stage instanceof Fixed f ? f.layer().ops() : null;
                boolean measured = ops != null && (monitored == null || monitored.contains(stage.name()));
                norms[i] = measured ? ops.norm(g) : Double.NaN;
                Object adjoint = lin.adjoint(g);
                if (stage instanceof Weighted w) {
                    Pair pair = (Pair) adjoint;
                    gradients[w.parameter()] = w.layer().ops().toRowMajor(pair.second());
                    g = pair.first();
                } else {
                    g = adjoint;
                }
            }
            return new Gradient(gradients, network.stageNames(), norms);
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
         * Appends dropout of the given rate (identity at inference).
         *
         * @param <M> the backend's matrix type
         * @param ops the backend that computes
         * @param rate the rate
         * @return the builder
         */
        public <M> Builder dropout(MatrixOps<M> ops, double rate) {
            Dropout.requireRate(rate);
            stages.add(new Stochastic<M>("dropout", seed -> Dropout.withMask(ops, rate, seed)));
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
