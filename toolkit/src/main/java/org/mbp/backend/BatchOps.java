package org.mbp.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;

/**
 * A minibatch as one backend: every value is a stack, by rows, of {@link #batch()} same-shape
 * matrices (one per example), and every operation acts on each example's matrix as the base
 * backend acts on one matrix. A layer written once against {@link MatrixOps} therefore runs over
 * a whole minibatch when it is built on this backend, with no loop over examples: the entry-wise
 * operations and row operations are the base's own on the stack, the products and decompositions
 * are the base's batch operations ({@link MatrixOps#multBlocks}, {@link
 * MatrixOps#eigSymmetricBlocks}, {@link MatrixOps#svdBlocks}, {@link MatrixOps#outerBlocks}),
 * and the structural ones (transpose, blocks, diagonals, broadcast constants) are one
 * {@link MatrixOps#gather} or {@link MatrixOps#scatterAdd} with an index table made once per shape.
 * The number of base operations of a layer is thus the same for any batch size.
 *
 * <p>Shapes ({@link #rows}, {@link #cols}) are one example's. The reductions {@link #dot},
 * {@link #maxAbs}, {@link #isFinite} and {@link #norm} are over the whole batch: the inner product
 * of a batch is the sum of its examples', which is what the dot-product test of a batched layer
 * needs. {@link #toRowMajor} returns the examples' entries one example after another, and
 * {@link #fromRowMajor} and {@link #identity} give the same matrix to every example (a broadcast
 * constant). A single entry has no meaning for a batch: {@link #get} is refused.
 *
 * @param <M> the base backend's matrix type
 */
public final class BatchOps<M> implements MatrixOps<M> {

    private final MatrixOps<M> base;
    private final int count;
    private final Map<List<Object>, int[]> tables = new ConcurrentHashMap<>();
    private final Map<int[], Repeated> batchedIndices = Collections.synchronizedMap(new WeakHashMap<>());

    private BatchOps(MatrixOps<M> base, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a batch needs at least one example, got " + count);
        }
        if (base instanceof BatchOps<?>) {
            throw new IllegalArgumentException("a batch of batches is not supported");
        }
        this.base = base;
        this.count = count;
    }

    /**
     * Batches of {@code count} examples on {@code base}.
     *
     * @param <M> the base backend's matrix type
     * @param base the backend of one matrix
     * @param count the number of examples in each value
     * @return the batched backend
     * @throws IllegalArgumentException when {@code count} is not positive or {@code base} is itself batched
     */
    public static <M> BatchOps<M> of(MatrixOps<M> base, int count) {
        return new BatchOps<>(base, count);
    }

    /**
     * A batch's host values split by example: {@code values} holds {@code count} examples' values
     * one example after another (as {@link #toRowMajor} reads them), each the same number.
     *
     * @param values the values of every example
     * @param count the number of examples
     * @return each example's values, in order
     * @throws IllegalArgumentException when the values do not split into {@code count} equal parts
     */
    public static List<double[]> examples(double[] values, int count) {
        if (count < 1 || values.length % count != 0) {
            throw new IllegalArgumentException(values.length + " values do not split into " + count + " examples");
        }
        int n = values.length / count;
        List<double[]> out = new ArrayList<>(count);
        for (int e = 0; e < count; e++) {
            out.add(Arrays.copyOfRange(values, e * n, (e + 1) * n));
        }
        return out;
    }

    /**
     * The backend of one matrix.
     *
     * @return the base backend
     */
    public MatrixOps<M> base() {
        return base;
    }

    @Override
    public int batch() {
        return count;
    }

    @Override
    public boolean holdsOnHost() {
        return base.holdsOnHost();
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public double epsilon() {
        return base.epsilon();
    }

    @Override
    public int rows(M a) {
        return Shapes.blockRows(base.rows(a), count, "batch of " + count);
    }

    @Override
    public int cols(M a) {
        return base.cols(a);
    }

    @Override
    public M zeros(int rows, int cols) {
        return base.zeros(count * rows, cols);
    }

    @Override
    public M filled(int rows, int cols, double value) {
        return base.filled(count * rows, cols, value);
    }

    /** The identity for every example. */
    @Override
    public M identity(int n) {
        return tiled(base.identity(n));
    }

    /** The same matrix for every example. */
    @Override
    public M fromRowMajor(int rows, int cols, double[] values) {
        return tiled(base.fromRowMajor(rows, cols, values));
    }

    /** The examples' entries, one example after another, each row-major. */
    @Override
    public double[] toRowMajor(M a) {
        return base.toRowMajor(a);
    }

    /** A batch of the source backend (batched or not) is the same batch here. */
    @Override
    public <N> M copyOf(MatrixOps<N> source, N a) {
        return base.copyOf(source instanceof BatchOps<N> batched ? batched.base() : source, a);
    }

    /**
     * Refused: a batch has no single entry (row, col).
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public double get(M a, int row, int col) {
        throw new UnsupportedOperationException("a batch of " + count + " matrices has no single entry (" + row + ", "
                + col + "); read it with toRowMajor");
    }

    @Override
    public M transpose(M a) {
        int r = rows(a);
        int c = cols(a);
        return base.gather(a, table("transpose", r, c, c, r, (i, j) -> j * c + i), count * c, r);
    }

    @Override
    public M block(M a, int r0, int r1, int c0, int c1) {
        Shapes.requireBlock(this, "block", a, r0, r1, c0, c1);
        int c = cols(a);
        int size = rows(a) * c;
        int[] index = table(List.of("block", size, c, r0, r1, c0, c1), r1 - r0, c1 - c0, size,
                (i, j) -> (r0 + i) * c + c0 + j);
        return base.gather(a, index, count * (r1 - r0), c1 - c0);
    }

    /** Each example's blocks one under another: the base's stack, its rows regrouped by example. */
    @Override
    public M stack(List<M> blocks) {
        Shapes.requireStackable(this, "stack", blocks);
        int cols = cols(blocks.get(0));
        int[] heights = blocks.stream().mapToInt(this::rows).toArray();
        int height = Arrays.stream(heights).sum();
        int[] index = tables.computeIfAbsent(List.of("stack", cols, List.of(Arrays.stream(heights).boxed()
                .toArray())), key -> {
                    int[] out = new int[count * height * cols];
                    int k = 0;
                    for (int n = 0; n < count; n++) {
                        int offset = 0;
                        for (int h : heights) {
                            for (int t = 0; t < h * cols; t++) {
                                out[k++] = (count * offset + n * h) * cols + t;
                            }
                            offset += h;
                        }
                    }
                    return out;
                });
        return base.gather(base.stack(blocks), index, count * height, cols);
    }

    @Override
    public M hconcat(M left, M right) {
        return base.hconcat(left, right);
    }

    @Override
    public M diagonal(M a) {
        int r = rows(a);
        int c = cols(a);
        int k = Math.min(r, c);
        return base.gather(a, table("diagonal", r, c, k, 1, (i, j) -> i * c + i), count * k, 1);
    }

    @Override
    public M diagonalMatrix(M v, int rows, int cols) {
        int k = Math.min(rows, cols);
        Shapes.requireVector(this, "diagonalMatrix", v, k);
        return base.gather(v, table("diagonalMatrix", k, 1, rows, cols, (i, j) -> i == j ? i : Gather.ZERO),
                count * rows, cols);
    }

    @Override
    public M scaleRows(M v, M a) {
        return base.scaleRows(v, a);
    }

    /** Each example's columns by its own v: the base's product entry by entry with v spread over the rows. */
    @Override
    public M scaleColumns(M a, M v) {
        int r = rows(a);
        int c = cols(a);
        Shapes.requireVector(this, "scaleColumns", v, c);
        return base.hadamard(a, base.gather(v, table("spreadColumns", c, 1, r, c, (i, j) -> j), count * r, c));
    }

    @Override
    public M rowSums(M a) {
        return base.rowSums(a);
    }

    @Override
    public M diagonalOfProduct(M a, M b) {
        Shapes.requireSquareProduct(this, "diagonalOfProduct", a, b);
        return base.rowSums(base.hadamard(a, transpose(b)));
    }

    /** Each example's entries selected by the same index. */
    @Override
    public M gather(M a, int[] index, int rows, int cols) {
        int size = rows(a) * cols(a);
        Gather.requireIndex(index, rows, cols, size);
        return base.gather(a, batched(index, size), count * rows, cols);
    }

    /** Each example's entries added into its own result by the same index. */
    @Override
    public M scatterAdd(M a, int[] index, int rows, int cols) {
        int size = rows(a) * cols(a);
        Gather.requireScatterCount(index, size, rows, cols);
        return base.scatterAdd(a, batched(index, rows * cols), count * rows, cols);
    }

    /** Each example's groups, by the same members, in its own entries. */
    @Override
    public M argMaxMask(M a, int[] members, int size) {
        int entries = rows(a) * cols(a);
        for (int k = 0; k < members.length; k++) {
            Gather.inside("argMaxMask", k, members[k], entries);
        }
        return base.argMaxMask(a, batched(members, entries), size);
    }

    @Override
    public M add(M a, M b) {
        return base.add(a, b);
    }

    @Override
    public M sub(M a, M b) {
        return base.sub(a, b);
    }

    @Override
    public M scale(double s, M a) {
        return base.scale(s, a);
    }

    @Override
    public M hadamard(M a, M b) {
        return base.hadamard(a, b);
    }

    @Override
    public M divide(M a, M b) {
        return base.divide(a, b);
    }

    @Override
    public M mult(M a, M b) {
        return base.multBlocks(a, false, b, false, count);
    }

    @Override
    public M multTransA(M a, M b) {
        return base.multBlocks(a, true, b, false, count);
    }

    @Override
    public M multTransB(M a, M b) {
        return base.multBlocks(a, false, b, true, count);
    }

    @Override
    public double dot(M a, M b) {
        return base.dot(a, b);
    }

    @Override
    public double maxAbs(M a) {
        return base.maxAbs(a);
    }

    @Override
    public boolean isFinite(M a) {
        return base.isFinite(a);
    }

    @Override
    public M apply(M a, Elementwise function) {
        return base.apply(a, function);
    }

    @Override
    public M power(M a, double p) {
        return base.power(a, p);
    }

    @Override
    public M map(M a, DoubleUnaryOperator function) {
        return base.map(a, function);
    }

    @Override
    public M outer(M v, M w, Outer op) {
        return base.outerBlocks(v, w, op, count);
    }

    /** The reciprocals entry by entry, then each example's diagonal replaced by zeros. */
    @Override
    public M offDiagonalReciprocal(M a) {
        int r = rows(a);
        int c = cols(a);
        return base.gather(base.apply(a, Elementwise.RECIPROCAL),
                table("offDiagonal", r, c, r, c, (i, j) -> i == j ? Gather.ZERO : i * c + j), count * r, c);
    }

    @Override
    public M choose(M criterion, double threshold, M small, M large) {
        return base.choose(criterion, threshold, small, large);
    }

    @Override
    public SymmetricEigen<M> eigSymmetric(M a) {
        return base.eigSymmetricBlocks(a, count);
    }

    @Override
    public Svd<M> svd(M a, boolean full) {
        return base.svdBlocks(a, count, full);
    }

    @Override
    public String toString() {
        return "BatchOps[" + count + " × " + base + "]";
    }

    /** Index of one entry of a block's result in the block's input. */
    private interface Source {
        int at(int i, int j);
    }

    /** A gather table from one example to another, repeated at each example's offsets. */
    private int[] table(String kind, int inRows, int inCols, int outRows, int outCols, Source source) {
        return table(List.of(kind, inRows, inCols, outRows, outCols), outRows, outCols, inRows * inCols, source);
    }

    /**
     * The table of {@code source} for one example, repeated for every example with example n's
     * entries offset by n·{@code inSize} (0: every example reads the same matrix).
     */
    private int[] table(List<Object> key, int outRows, int outCols, int inSize, Source source) {
        return tables.computeIfAbsent(key, k -> {
            int[] one = new int[outRows * outCols];
            for (int i = 0; i < outRows; i++) {
                for (int j = 0; j < outCols; j++) {
                    one[i * outCols + j] = source.at(i, j);
                }
            }
            return repeated(one, inSize);
        });
    }

    /** {@code index} for every example, example n's entries offset by n·{@code offset}. */
    private int[] repeated(int[] index, int offset) {
        int[] out = new int[count * index.length];
        for (int n = 0; n < count; n++) {
            for (int k = 0; k < index.length; k++) {
                out[n * index.length + k] = index[k] == Gather.ZERO ? Gather.ZERO : n * offset + index[k];
            }
        }
        return out;
    }

    /** A caller's index repeated for the batch, with the example offset it was made for. */
    private record Repeated(int offset, int[] index) {
    }

    /** The batched form of a caller's index, made once per index array (held while the caller holds it). */
    private int[] batched(int[] index, int offset) {
        Repeated cached = batchedIndices.get(index);
        if (cached == null || cached.offset() != offset) {
            cached = new Repeated(offset, repeated(index, offset));
            batchedIndices.put(index, cached);
        }
        return cached.index();
    }

    /** The same matrix for every example: one gather of the base. */
    private M tiled(M a) {
        int r = base.rows(a);
        int c = base.cols(a);
        return base.gather(a, table(List.of("tile", r, c), r, c, 0, (i, j) -> i * c + j), count * r, c);
    }
}
