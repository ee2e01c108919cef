package org.mbp.layer;

import java.util.function.Consumer;
import org.mbp.backend.MatrixOps;

/** Combinators over layers. */
public final class Layers {

    private Layers() {
    }

    /**
     * The same layer under another name.
     *
     * @param <M> the backend's matrix type
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param name the name
     * @param layer the layer
     * @return the same layer under another name
     */
    public static <M, X, Y> Layer<M, X, Y> named(String name, Layer<M, X, Y> layer) {
        return new AbstractLayer<>(name, layer.ops(), layer.inputSpace(), layer.outputSpace()) {
            @Override
            public Linearization<M, X, Y> forward(X x) {
                return checked(x, evaluate(x));
            }

            private Linearization<M, X, Y> evaluate(X x) {
                return layer.forward(x);
            }
        };
    }

    /**
     * A layer of one matrix that evaluates {@code tall} when the input has at least as many rows
     * as columns and {@code wide} otherwise (both must compute the same function).
     *
     * @param <M> the backend's matrix type
     * @param <Y> the output variable type
     * @param name the name
     * @param tall the tall
     * @param wide whether wide
     * @return a layer of one matrix that evaluates {@code tall} when the input has at least as many
     *         rows as columns and {@code wide} otherwise (both must compute the same function)
     */
    public static <M, Y> Layer<M, M, Y> byShape(String name, Layer<M, M, Y> tall, Layer<M, M, Y> wide) {
        MatrixOps<M> ops = tall.ops();
        return new AbstractLayer<>(name, ops, tall.inputSpace(), tall.outputSpace()) {
            @Override
            public Linearization<M, M, Y> forward(M x) {
                return checked(x, evaluate(x));
            }

            private Linearization<M, M, Y> evaluate(M x) {
                return ops.rows(x) >= ops.cols(x) ? tall.forward(x) : wide.forward(x);
            }
        };
    }

    /**
     * Applies a layer of one matrix to both members of a pair, e.g. the projectors
     * {@code (M, Ω) ↦ (Π_M, Π_Ω)} of J1.
     *
     * @param <M> the backend's matrix type
     * @param layer the layer
     * @return the layer
     */
    public static <M> Layer<M, Pair<M>, Pair<M>> both(Layer<M, M, M> layer) {
        Structure in = layer.inputSpace().structures().get(0);
        Structure out = layer.outputSpace().structures().get(0);
        return new AbstractLayer<>("both(" + layer.name() + ")", layer.ops(),
                new PairSpace<>("first", in, "second", in), new PairSpace<>("first", out, "second", out)) {
            @Override
            public Linearization<M, Pair<M>, Pair<M>> forward(Pair<M> x) {
                return checked(x, evaluate(x));
            }

            private Linearization<M, Pair<M>, Pair<M>> evaluate(Pair<M> x) {
                Linearization<M, M, M> a = layer.forward(x.first());
                Linearization<M, M, M> b = layer.forward(x.second());
                return Linearization.withLaterDiagnostics(new Pair<>(a.output(), b.output()),
                        () -> a.diagnostics().plus(b.diagnostics()),
                        dx -> new Pair<>(a.variation(dx.first()), b.variation(dx.second())),
                        upstream -> new Pair<>(a.adjoint(upstream.first()), b.adjoint(upstream.second())));
            }
        };
    }

    /**
     * {@code X ↦ (X, C)} for a constant C: feeds a layer of two matrices whose second one is
     * held fixed (Λ = I in W = FΛFᵀ, the target Ψ of J2). The adjoint keeps the first gradient.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param output the output
     * @param constant the constant
     * @return {@code X ↦ (X, C)} for a constant C: feeds a layer of two matrices whose second one
     *         is held fixed (Λ = I in W = FΛFᵀ, the target Ψ of J2)
     */
    public static <M> Layer<M, M, Pair<M>> withConstant(MatrixOps<M> ops, Space<M, Pair<M>> output,
            M constant) {
        M zero = ops.zeros(ops.rows(constant), ops.cols(constant));
        return new AbstractLayer<>("with-constant", ops,
                MatrixSpace.of(output.names().get(0), output.structures().get(0)), output) {
            @Override
            public Linearization<M, M, Pair<M>> forward(M x) {
                return checked(x, evaluate(x));
            }

            private Linearization<M, M, Pair<M>> evaluate(M x) {
                return Linearization.of(new Pair<>(x, constant), Diagnostics.none(),
                        dx -> new Pair<>(dx, zero), Pair::first);
            }
        };
    }

    /**
     * The identity on one matrix that first runs {@code check} on its input, e.g. a symmetry or
     * degree requirement in front of a layer that assumes it.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param space the space
     * @param name the name
     * @param check the check
     * @return the identity on one matrix that first runs {@code check} on its input, e.g. a
     *         symmetry or degree requirement in front of a layer that assumes it
     */
    public static <M> Layer<M, M, M> requiring(MatrixOps<M> ops, Space<M, M> space, String name,
            Consumer<M> check) {
        return new AbstractLayer<>(name, ops, space, space) {
            @Override
            public Linearization<M, M, M> forward(M x) {
                return checked(x, evaluate(x));
            }

            private Linearization<M, M, M> evaluate(M x) {
                check.accept(x);
                return Linearization.linear(x, dx -> dx, upstream -> upstream);
            }
        };
    }

    /**
     * Applies a layer of one matrix to the first member of a pair and passes the second through,
     * e.g. im2col on the image of (image, kernel) before the affine map of a convolution.
     *
     * @param <M> the backend's matrix type
     * @param layer the layer
     * @param secondName the second name
     * @param second the second
     * @return the layer
     */
    public static <M> Layer<M, Pair<M>, Pair<M>> onFirst(Layer<M, M, M> layer, String secondName,
            Structure second) {
        Space<M, M> in = layer.inputSpace();
        Space<M, M> out = layer.outputSpace();
        return new AbstractLayer<>(layer.name(), layer.ops(),
                new PairSpace<>(in.names().get(0), in.structures().get(0), secondName, second),
                new PairSpace<>(out.names().get(0), out.structures().get(0), secondName, second)) {
            @Override
            public Linearization<M, Pair<M>, Pair<M>> forward(Pair<M> x) {
                return checked(x, evaluate(x));
            }

            private Linearization<M, Pair<M>, Pair<M>> evaluate(Pair<M> x) {
                Linearization<M, M, M> a = layer.forward(x.first());
                return Linearization.withLaterDiagnostics(new Pair<>(a.output(), x.second()), a::diagnostics,
                        dx -> new Pair<>(a.variation(dx.first()), dx.second()),
                        upstream -> new Pair<>(a.adjoint(upstream.first()), upstream.second()));
            }
        };
    }
}
