package org.mbp.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.mbp.backend.MatrixOps;

/**
 * Layers that differ from example to example applied to a minibatch held as one matrix: the input
 * stacks the examples by rows ({@code rowsPerExample} each, e.g. the m locations of one scene's
 * features), example n goes through {@code layerOf(n)} on its own (e.g. a loss against that
 * example's target, whose shape differs from scene to scene), one example after another, and the
 * outputs are stacked in the same order. Variation and adjoint split and stack the same way; the
 * diagnostics are the examples', in order. Where every example goes through the same layer,
 * {@link Batched} runs it once over the batch instead.
 *
 * @param <M> the backend's matrix type
 */
public final class PerExample<M> extends AbstractLayer<M, M, M> {

    private final ExampleRows rows;
    private final IntFunction<Layer<M, M, M>> layerOf;

    private PerExample(String name, MatrixOps<M> ops, int rowsPerExample, IntFunction<Layer<M, M, M>> layerOf) {
        super(name, ops, MatrixSpace.of("X", Structure.GENERAL), MatrixSpace.of("Y", Structure.GENERAL));
        this.rows = new ExampleRows(name, rowsPerExample);
        this.layerOf = layerOf;
    }

    /**
     * Example n through its own layer (e.g. a loss against that example's target), the examples
     * one after another.
     *
     * @param <M> the backend's matrix type
     * @param name the layer's name
     * @param ops the backend that computes
     * @param rowsPerExample the rows of one example's input
     * @param layerOf the layer of example n
     * @return the layer on a stack of examples
     * @throws IllegalArgumentException when {@code rowsPerExample} is not positive
     */
    public static <M> PerExample<M> of(String name, MatrixOps<M> ops, int rowsPerExample,
            IntFunction<Layer<M, M, M>> layerOf) {
        return new PerExample<>(name, ops, rowsPerExample, layerOf);
    }

    @Override
    public Linearization<M, M, M> forward(M x) {
        return checked(x, evaluate(x));
    }

    private Linearization<M, M, M> evaluate(M x) {
        MatrixOps<M> ops = ops();
        int count = rows.count(ops.rows(x));
        List<Integer> examples = IntStream.range(0, count).boxed().toList();
        List<M> inputs = split(x, rows.perExample(), count);
        List<Linearization<M, M, M>> points = map(examples, n -> layerOf.apply(n).forward(inputs.get(n)));
        List<M> outputs = points.stream().map(Linearization::output).toList();
        int outRows = ops.rows(outputs.get(0));
        Diagnostics diagnostics = Diagnostics.none();
        for (Linearization<M, M, M> p : points) {
            diagnostics = diagnostics.plus(p.diagnostics());
        }
        UnaryOperator<M> variation = dx -> each(examples, split(dx, rows.perExample(), count),
                (n, d) -> points.get(n).variation(d));
        UnaryOperator<M> adjoint = g -> each(examples, split(g, outRows, count), (n, u) -> points.get(n).adjoint(u));
        return Linearization.of(ops.stack(outputs), diagnostics, variation, adjoint);
    }

    /** What example n's map gives for its block. */
    private interface ExampleMap<M> {
        M apply(int n, M block);
    }

    private M each(List<Integer> examples, List<M> blocks, ExampleMap<M> map) {
        return ops().stack(map(examples, n -> map.apply(n, blocks.get(n))));
    }

    private <R> List<R> map(List<Integer> examples, Function<Integer, R> f) {
        return examples.stream().map(f).toList();
    }

    private List<M> split(M a, int height, int count) {
        MatrixOps<M> ops = ops();
        int cols = ops.cols(a);
        List<M> blocks = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            blocks.add(ops.block(a, n * height, (n + 1) * height, 0, cols));
        }
        return blocks;
    }
}
