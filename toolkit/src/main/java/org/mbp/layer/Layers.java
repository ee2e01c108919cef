package org.mbp.layer;

import java.util.function.Consumer;
import org.mbp.backend.MatrixOps;

/** Combinators over layers. */
public final class Layers {

    private Layers() {
    }

    /** The same layer under another name. */
    public static <M, X, Y> Layer<M, X, Y> named(String name, Layer<M, X, Y> layer) {
        return new Delegate<>(name, layer) {
            @Override
            public Linearization<M, X, Y> forward(X x) {
                return layer.forward(x);
            }
        };
    }

    /**
     * A layer of one matrix that evaluates {@code tall} when the input has at least as many rows
     * as columns and {@code wide} otherwise (both must compute the same function).
     */
    public static <M, Y> Layer<M, M, Y> byShape(String name, Layer<M, M, Y> tall, Layer<M, M, Y> wide) {
        MatrixOps<M> ops = tall.ops();
        return new Delegate<>(name, tall) {
            @Override
            public Linearization<M, M, Y> forward(M x) {
                return ops.rows(x) >= ops.cols(x) ? tall.forward(x) : wide.forward(x);
            }
        };
    }

    /**
     * Applies a layer of one matrix to both members of a pair, e.g. the projectors
     * {@code (M, Ω) ↦ (Π_M, Π_Ω)} of J1.
     */
    public static <M> Layer<M, Pair<M>, Pair<M>> both(Layer<M, M, M> layer) {
        Structure in = layer.inputSpace().structures().get(0);
        Structure out = layer.outputSpace().structures().get(0);
        Space<M, Pair<M>> input = new PairSpace<>("first", in, "second", in);
        Space<M, Pair<M>> output = new PairSpace<>("first", out, "second", out);
        return new Layer<>() {
            @Override
            public String name() {
                return "both(" + layer.name() + ")";
            }

            @Override
            public MatrixOps<M> ops() {
                return layer.ops();
            }

            @Override
            public Space<M, Pair<M>> inputSpace() {
                return input;
            }

            @Override
            public Space<M, Pair<M>> outputSpace() {
                return output;
            }

            @Override
            public Linearization<M, Pair<M>, Pair<M>> forward(Pair<M> x) {
                Linearization<M, M, M> a = layer.forward(x.first());
                Linearization<M, M, M> b = layer.forward(x.second());
                Pair<M> y = new Pair<>(a.output(), b.output());
                Diagnostics diagnostics = a.diagnostics().plus(b.diagnostics());
                return new Linearization<>() {
                    @Override
                    public Pair<M> output() {
                        return y;
                    }

                    @Override
                    public Diagnostics diagnostics() {
                        return diagnostics;
                    }

                    @Override
                    public Pair<M> variation(Pair<M> dx) {
                        return new Pair<>(a.variation(dx.first()), b.variation(dx.second()));
                    }

                    @Override
                    public Pair<M> adjoint(Pair<M> upstream) {
                        return new Pair<>(a.adjoint(upstream.first()), b.adjoint(upstream.second()));
                    }
                };
            }
        };
    }

    /**
     * {@code X ↦ (X, C)} for a constant C: feeds a layer of two matrices whose second one is
     * held fixed (Λ = I in W = FΛFᵀ, the target Ψ of J2). The adjoint keeps the first gradient.
     */
    public static <M> Layer<M, M, Pair<M>> withConstant(MatrixOps<M> ops, Space<M, Pair<M>> output,
            M constant) {
        Space<M, M> input = MatrixSpace.of(output.names().get(0), output.structures().get(0));
        return new Layer<>() {
            @Override
            public String name() {
                return "with-constant";
            }

            @Override
            public MatrixOps<M> ops() {
                return ops;
            }

            @Override
            public Space<M, M> inputSpace() {
                return input;
            }

            @Override
            public Space<M, Pair<M>> outputSpace() {
                return output;
            }

            @Override
            public Linearization<M, M, Pair<M>> forward(M x) {
                Pair<M> y = new Pair<>(x, constant);
                M zero = ops.zeros(ops.rows(constant), ops.cols(constant));
                return new Linearization<>() {
                    @Override
                    public Pair<M> output() {
                        return y;
                    }

                    @Override
                    public Diagnostics diagnostics() {
                        return Diagnostics.none();
                    }

                    @Override
                    public Pair<M> variation(M dx) {
                        return new Pair<>(dx, zero);
                    }

                    @Override
                    public M adjoint(Pair<M> upstream) {
                        return upstream.first();
                    }
                };
            }
        };
    }

    /**
     * The identity on one matrix that first runs {@code check} on its input, e.g. a symmetry or
     * degree requirement in front of a layer that assumes it.
     */
    public static <M> Layer<M, M, M> requiring(MatrixOps<M> ops, Space<M, M> space, String name,
            Consumer<M> check) {
        return new Layer<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public MatrixOps<M> ops() {
                return ops;
            }

            @Override
            public Space<M, M> inputSpace() {
                return space;
            }

            @Override
            public Space<M, M> outputSpace() {
                return space;
            }

            @Override
            public Linearization<M, M, M> forward(M x) {
                check.accept(x);
                return new Linearization<>() {
                    @Override
                    public M output() {
                        return x;
                    }

                    @Override
                    public Diagnostics diagnostics() {
                        return Diagnostics.none();
                    }

                    @Override
                    public M variation(M dx) {
                        return dx;
                    }

                    @Override
                    public M adjoint(M upstream) {
                        return upstream;
                    }
                };
            }
        };
    }

    /** Shares everything but {@link #forward} with a delegate layer. */
    private abstract static class Delegate<M, X, Y> implements Layer<M, X, Y> {

        private final String name;
        private final Layer<M, X, Y> delegate;

        Delegate(String name, Layer<M, X, Y> delegate) {
            this.name = name;
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public MatrixOps<M> ops() {
            return delegate.ops();
        }

        @Override
        public Space<M, X> inputSpace() {
            return delegate.inputSpace();
        }

        @Override
        public Space<M, Y> outputSpace() {
            return delegate.outputSpace();
        }
    }
}
