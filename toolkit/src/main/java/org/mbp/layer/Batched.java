package org.mbp.layer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.mbp.backend.BatchOps;
import org.mbp.backend.MatrixOps;

/**
 * A per-example layer run once over a whole minibatch: the input stacks the examples by rows
 * ({@code rowsPerExample} each, e.g. the m locations of one image's features F), and the layer,
 * written once against {@link MatrixOps}, is built on the {@link BatchOps} of the batch's size, so
 * that each of its operations, the decompositions included, is one batch operation of the backend
 * (one kernel launch on a device) whatever the number of examples. The output, variation and
 * adjoint are the examples' own, stacked in order, and the diagnostics are the examples', in
 * order. A layer is built once per batch size and kept; a batch of one runs on a {@code BatchOps}
 * too, so the count of operations is the same for every size.
 *
 * @param <M> the backend's matrix type
 */
public final class Batched<M> extends AbstractLayer<M, M, M> {

    private final ExampleRows rows;
    private final Function<MatrixOps<M>, Layer<M, M, M>> build;
    private final Map<Integer, Layer<M, M, M>> bySize = new ConcurrentHashMap<>();

    private Batched(String name, MatrixOps<M> ops, int rowsPerExample, Function<MatrixOps<M>, Layer<M, M, M>> build) {
        super(name, ops, MatrixSpace.of("X", Structure.GENERAL), MatrixSpace.of("Y", Structure.GENERAL));
        this.rows = new ExampleRows(name, rowsPerExample);
        this.build = build;
    }

    /**
     * The layer {@code build} makes on a backend, over batches of examples of {@code rowsPerExample}
     * rows on {@code ops}.
     *
     * @param <M> the backend's matrix type
     * @param name the layer's name
     * @param ops the backend of one example
     * @param rowsPerExample the rows of one example's input
     * @param build the per-example layer on a given backend
     * @return the layer on a stack of examples
     * @throws IllegalArgumentException when {@code rowsPerExample} is not positive
     */
    public static <M> Batched<M> of(String name, MatrixOps<M> ops, int rowsPerExample,
            Function<MatrixOps<M>, Layer<M, M, M>> build) {
        return new Batched<>(name, ops, rowsPerExample, build);
    }

    @Override
    public Linearization<M, M, M> forward(M x) {
        Layer<M, M, M> layer = bySize.computeIfAbsent(rows.count(ops().rows(x)),
                count -> build.apply(BatchOps.of(ops(), count)));
        return checked(x, layer.forward(x));
    }
}
