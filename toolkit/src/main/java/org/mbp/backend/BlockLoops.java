package org.mbp.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The batch operations of {@link MatrixOps} done block by block: each block of a stack is cut out
 * with {@link MatrixOps#block}, goes through the single-matrix operation, and the results are
 * stacked in order. The interface's defaults call these with the backend itself (so a counting
 * proxy sees every block's operations), and a host backend without batched kernels calls them
 * from its own overrides (so that the batch is one of its operations).
 */
final class BlockLoops {

    private BlockLoops() {
    }

    static <M> M products(MatrixOps<M> ops, M a, boolean transA, M b, boolean transB, int count) {
        List<M> as = split(ops, a, count, "multBlocks");
        List<M> bs = split(ops, b, count, "multBlocks");
        return ops.stack(each(count, n -> product(ops, as.get(n), transA, bs.get(n), transB)));
    }

    private static <M> M product(MatrixOps<M> ops, M a, boolean transA, M b, boolean transB) {
        if (transA && transB) {
            return ops.transpose(ops.mult(b, a));
        }
        return transA ? ops.multTransA(a, b) : transB ? ops.multTransB(a, b) : ops.mult(a, b);
    }

    static <M> SymmetricEigen<M> eigen(MatrixOps<M> ops, M a, int count) {
        List<M> as = split(ops, a, count, "eigSymmetricBlocks");
        List<SymmetricEigen<M>> parts = each(count, n -> ops.eigSymmetric(as.get(n)));
        return new SymmetricEigen<>(ops.stack(parts.stream().map(SymmetricEigen::values).toList()),
                ops.stack(parts.stream().map(SymmetricEigen::vectors).toList()));
    }

    static <M> Svd<M> svd(MatrixOps<M> ops, M a, int count, boolean full) {
        List<M> as = split(ops, a, count, "svdBlocks");
        List<Svd<M>> parts = each(count, n -> ops.svd(as.get(n), full));
        return new Svd<>(ops.stack(parts.stream().map(Svd::u).toList()),
                ops.stack(parts.stream().map(Svd::sigma).toList()),
                ops.stack(parts.stream().map(Svd::v).toList()));
    }

    static <M> M outer(MatrixOps<M> ops, M v, M w, Outer op, int count) {
        List<M> vs = split(ops, v, count, "outerBlocks");
        List<M> ws = split(ops, w, count, "outerBlocks");
        return ops.stack(each(count, n -> ops.outer(vs.get(n), ws.get(n), op)));
    }

    private static <M> List<M> split(MatrixOps<M> ops, M a, int count, String op) {
        int rows = Shapes.blockRows(ops.rows(a), count, op);
        int cols = ops.cols(a);
        return each(count, n -> ops.block(a, n * rows, (n + 1) * rows, 0, cols));
    }

    private static <R> List<R> each(int count, IntFunction<R> f) {
        List<R> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            out.add(f.apply(n));
        }
        return out;
    }
}
