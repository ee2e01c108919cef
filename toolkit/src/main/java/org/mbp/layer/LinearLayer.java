package org.mbp.layer;

import java.util.function.UnaryOperator;
import org.mbp.backend.MatrixOps;

/**
 * A layer that is a fixed linear map of one matrix, given with its adjoint: the map is its own
 * variation, and the adjoint is what backpropagation applies.
 */
public final class LinearLayer<M> extends AbstractLayer<M, M, M> {

    private final UnaryOperator<M> map;
    private final UnaryOperator<M> adjoint;

    private LinearLayer(String name, MatrixOps<M> ops, Space<M, M> input, Space<M, M> output,
            UnaryOperator<M> map, UnaryOperator<M> adjoint) {
        super(name, ops, input, output);
        this.map = map;
        this.adjoint = adjoint;
    }

    /**
     * A linear map of one matrix given with its adjoint.
     *
     * @param <M> the backend's matrix type
     * @param name the name
     * @param ops the backend that computes
     * @param input the input
     * @param output the output
     * @param map the map
     * @param adjoint the adjoint
     * @return a linear map of one matrix given with its adjoint
     */
    public static <M> LinearLayer<M> of(String name, MatrixOps<M> ops, Space<M, M> input, Space<M, M> output,
            UnaryOperator<M> map, UnaryOperator<M> adjoint) {
        return new LinearLayer<>(name, ops, input, output, map, adjoint);
    }

    /**
     * {@code X ↦ s X}, self-adjoint.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param s the value s
     * @return {@code X ↦ s X}, self-adjoint
     */
    public static <M> LinearLayer<M> scale(MatrixOps<M> ops, double s) {
        return new LinearLayer<>("scale(" + s + ")", ops, MatrixSpace.of("X", Structure.GENERAL),
                MatrixSpace.of("sX", Structure.GENERAL), x -> ops.scale(s, x), y -> ops.scale(s, y));
    }

    /**
     * The same matrix carried from one backend's arithmetic to another's (float trunk to double
     * structured layer, and back): the adjoint carries the gradient the other way.
     *
     * @param <M> the backend's matrix type
     * @param from the source
     * @param to the destination
     * @return the same matrix carried from one backend's arithmetic to another's (float trunk to
     *         double structured layer, and back): the adjoint carries the gradient the other way
     */
    public static <M> LinearLayer<M> convert(MatrixOps<M> from, MatrixOps<M> to) {
        return new LinearLayer<>(from.name() + "→" + to.name(), from, MatrixSpace.of("X", Structure.GENERAL),
                MatrixSpace.of("X", Structure.GENERAL), x -> to.copyOf(from, x), y -> from.copyOf(to, y));
    }

    /**
     * {@code X ↦ Xᵀ}, whose adjoint is again the transpose.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @return {@code X ↦ Xᵀ}, whose adjoint is again the transpose
     */
    public static <M> LinearLayer<M> transpose(MatrixOps<M> ops) {
        return new LinearLayer<>("transpose", ops, MatrixSpace.of("X", Structure.GENERAL),
                MatrixSpace.of("Xᵀ", Structure.GENERAL), ops::transpose, ops::transpose);
    }

    /**
     * {@code Z ↦ Z_sym}: put in front of a layer of a symmetric input, it turns the layer's
     * gradient into the symmetric gradient, that of {@code L(Z_sym)}.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @return {@code Z ↦ Z_sym}: put in front of a layer of a symmetric input, it turns the layer's
     *         gradient into the symmetric gradient, that of {@code L(Z_sym)}
     */
    public static <M> LinearLayer<M> symmetrize(MatrixOps<M> ops) {
        return new LinearLayer<>("symmetrize", ops, MatrixSpace.of("Z", Structure.GENERAL),
                MatrixSpace.of("Z_sym", Structure.SYMMETRIC), ops::sym, ops::sym);
    }

    @Override
    public Linearization<M, M, M> forward(M x) {
        return checked(x, evaluate(x));
    }

    private Linearization<M, M, M> evaluate(M x) {
        Inputs.requireFinite(ops(), x, name() + " input");
        return Linearization.linear(x, map, adjoint);
    }
}
