package org.mbp.backend;

import java.util.List;

import java.util.function.DoubleUnaryOperator;

/**
 * The small set of matrix operations every layer formula is written against. A backend fixes the
 * arithmetic (float, double, high precision) and the device; the formulas stay the same.
 *
 * <p>Vectors are n×1 matrices. Every operation returns a new matrix and leaves its arguments
 * unchanged, so matrices can be shared freely between the forward and backward passes.
 *
 * @param <M> the backend's matrix type
 */
public interface MatrixOps<M> {

    /**
     * A short name such as {@code "double"}, {@code "float"} or {@code "dfp50"}.
     *
     * @return a short name such as {@code "double"}, {@code "float"} or {@code "dfp50"}
     */
    String name();

    /**
     * Machine epsilon of this backend's arithmetic: the gap from 1 to the next number.
     *
     * @return machine epsilon of this backend's arithmetic: the gap from 1 to the next number
     */
    double epsilon();

    // ---------------------------------------------------------------- shape and conversion

    /**
     * The number of rows of {@code a}.
     *
     * @param a the matrix A
     * @return the number of rows of {@code a}
     */
    int rows(M a);

    /**
     * The number of columns of {@code a}.
     *
     * @param a the matrix A
     * @return the number of columns of {@code a}
     */
    int cols(M a);

    /**
     * A rows×cols matrix of zeros.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @return a rows×cols matrix of zeros
     */
    M zeros(int rows, int cols);

    /**
     * A matrix with every entry equal to {@code value} (rounded to this precision).
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @param value the value
     * @return a matrix with every entry equal to {@code value} (rounded to this precision)
     */
    M filled(int rows, int cols, double value);

    /**
     * The n×n identity.
     *
     * @param n the size
     * @return the n×n identity
     */
    M identity(int n);

    /**
     * A matrix from row-major values, rounded to this backend's precision.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @param values the values
     * @return a matrix from row-major values, rounded to this backend's precision
     */
    M fromRowMajor(int rows, int cols, double[] values);

    /**
     * The entries in row-major order, widened to double.
     *
     * @param a the matrix A
     * @return the entries in row-major order, widened to double
     */
    double[] toRowMajor(M a);

    /**
     * A matrix of another backend in this one: its entries, widened to double, then rounded here.
     *
     * @param <N> the number type
     * @param source the source
     * @param a the matrix A
     * @return a matrix of another backend in this one: its entries, widened to double, then rounded
     *         here
     */
    default <N> M copyOf(MatrixOps<N> source, N a) {
        return fromRowMajor(source.rows(a), source.cols(a), source.toRowMajor(a));
    }

    /**
     * The entry at ({@code row}, {@code col}), widened to double.
     *
     * @param a the matrix A
     * @param row the row
     * @param col the col
     * @return the entry at ({@code row}, {@code col}), widened to double
     */
    double get(M a, int row, int col);

    // ---------------------------------------------------------------- structure

    /**
     * {@code Aᵀ}.
     *
     * @param a the matrix A
     * @return {@code Aᵀ}
     */
    M transpose(M a);

    /**
     * Rows {@code [r0, r1)} and columns {@code [c0, c1)} of {@code a}.
     *
     * @param a the matrix A
     * @param r0 the first row
     * @param r1 the end row
     * @param c0 the first column
     * @param c1 the end column
     * @return rows {@code [r0, r1)} and columns {@code [c0, c1)} of {@code a}
     */
    M block(M a, int r0, int r1, int c0, int c1);

    /**
     * The blocks one under another, in order: how a batch of same-width matrices (a minibatch's
     * images, features or gradients) is held as one matrix. The default goes through the host.
     *
     * @param blocks the matrices, at least one, all with the same number of columns
     * @return the blocks stacked by rows
     * @throws IllegalArgumentException when there is no block or the columns differ
     */
    default M stack(List<M> blocks) {
        Shapes.requireStackable(this, "stack", blocks);
        int cols = cols(blocks.get(0));
        int rows = 0;
        for (M b : blocks) {
            rows += rows(b);
        }
        double[] values = new double[rows * cols];
        int at = 0;
        for (M b : blocks) {
            double[] v = toRowMajor(b);
            System.arraycopy(v, 0, values, at, v.length);
            at += v.length;
        }
        return fromRowMajor(rows, cols, values);
    }

    /**
     * {@code (left | right)}: the columns of both, side by side.
     *
     * @param left the left one
     * @param right the right one
     * @return {@code (left | right)}: the columns of both, side by side
     */
    M hconcat(M left, M right);

    /**
     * The main diagonal of an m×n matrix as a min(m, n)×1 vector.
     *
     * @param a the matrix A
     * @return the main diagonal of an m×n matrix as a min(m, n)×1 vector
     */
    M diagonal(M a);

    /**
     * A rows×cols matrix with {@code v} on its main diagonal and zeros elsewhere.
     *
     * @param v the vector or value
     * @param rows the number of rows
     * @param cols the number of columns
     * @return a rows×cols matrix with {@code v} on its main diagonal and zeros elsewhere
     */
    M diagonalMatrix(M v, int rows, int cols);

    /**
     * {@code diag(v) A}: row i of {@code a} times {@code v_i}.
     *
     * @param v the vector or value
     * @param a the matrix A
     * @return {@code diag(v) A}: row i of {@code a} times {@code v_i}
     */
    M scaleRows(M v, M a);

    /**
     * {@code A diag(v)}: column j of {@code a} times {@code v_j}.
     *
     * @param a the matrix A
     * @param v the vector or value
     * @return {@code A diag(v)}: column j of {@code a} times {@code v_j}
     */
    M scaleColumns(M a, M v);

    /**
     * {@code A 1}: the row sums as a vector.
     *
     * @param a the matrix A
     * @return {@code A 1}: the row sums as a vector
     */
    M rowSums(M a);

    /**
     * {@code diag(A B)} as a vector, in O(mn) operations.
     *
     * @param a the matrix A
     * @param b the matrix B
     * @return {@code diag(A B)} as a vector, in O(mn) operations
     */
    M diagonalOfProduct(M a, M b);

    /**
     * Entry selection: the {@code rows × cols} matrix whose k-th entry (row-major) is the
     * {@code index[k]}-th entry (row-major) of {@code a}, or zero where {@code index[k]} is
     * {@link Gather#ZERO}. A device backend keeps it on the device; this default goes through the
     * row-major values.
     *
     * @param a the matrix A
     * @param index the index
     * @param rows the number of rows
     * @param cols the number of columns
     * @return entry selection: the {@code rows × cols} matrix whose k-th entry (row-major) is the
     *         {@code index[k]}-th entry (row-major) of {@code a}, or zero where {@code index[k]} is {@link
     *         Gather#ZERO}
     * @throws IllegalArgumentException when {@code index} does not have {@code rows·cols} entries
     *                                  or one of them is outside {@code a}
     */
    default M gather(M a, int[] index, int rows, int cols) {
        double[] values = toRowMajor(a);
        double[] out = new double[Gather.requireCount(index, rows, cols)];
        for (int k = 0; k < out.length; k++) {
            out[k] = index[k] == Gather.ZERO ? 0 : values[Gather.inside("gather", k, index[k], values.length)];
        }
        return fromRowMajor(rows, cols, out);
    }

    /**
     * Scatter-add, the adjoint of {@link #gather}: the {@code rows × cols} matrix whose j-th entry
     * (row-major) is the sum of the entries {@code a_k} with {@code index[k] = j}, accumulated in
     * double in increasing k and rounded once to this backend's precision; entries with index
     * {@link Gather#ZERO} are dropped.
     * This default goes through the row-major values.
     *
     * @param a the matrix A
     * @param index the index
     * @param rows the number of rows
     * @param cols the number of columns
     * @return scatter-add, the adjoint of {@link #gather}: the {@code rows × cols} matrix whose
     *         j-th entry (row-major) is the sum of the entries {@code a_k} with {@code index[k] = j},
     *         accumulated in double in increasing k and rounded once to this backend's precision; entries
     *         with index {@link Gather#ZERO} are dropped
     * @throws IllegalArgumentException when {@code index} does not have one entry per entry of
     *                                  {@code a} or one of them is outside the result
     */
    default M scatterAdd(M a, int[] index, int rows, int cols) {
        double[] values = toRowMajor(a);
        double[] out = new double[Gather.requireScatterCount(index, values.length, rows, cols)];
        for (int k = 0; k < values.length; k++) {
            if (index[k] != Gather.ZERO) {
                out[Gather.inside("scatterAdd", k, index[k], out.length)] += values[k];
            }
        }
        return fromRowMajor(rows, cols, out);
    }

    /**
     * Arg-max selection: the 0/1 matrix of {@code a}'s shape with a single 1 in each group of
     * entries, at the group's largest entry (the first in the group's order at ties). The groups
     * are listed one after another in {@code members}, {@code size} row-major indices of {@code a}
     * each (the windows of max pooling). This default goes through the row-major values.
     *
     * @param a the matrix A
     * @param members the groups' row-major indices, one group after another
     * @param size the number of entries in a group
     * @return the 0/1 matrix of {@code a}'s shape with a 1 at each group's arg-max
     * @throws IllegalArgumentException when the members do not split into groups of {@code size}
     *                                  or one of them is outside {@code a}
     */
    default M argMaxMask(M a, int[] members, int size) {
        double[] values = toRowMajor(a);
        double[] mask = new double[values.length];
        Gather.argMax(members, size, values.length, i -> values[i], i -> mask[i] = 1);
        return fromRowMajor(rows(a), cols(a), mask);
    }

    // ---------------------------------------------------------------- arithmetic

    /**
     * {@code A + B}.
     *
     * @param a the matrix A
     * @param b the matrix B
     * @return {@code A + B}
     */
    M add(M a, M b);

    /**
     * {@code A − B}.
     *
     * @param a the matrix A
     * @param b the matrix B
     * @return {@code A − B}
     */
    M sub(M a, M b);

    /**
     * {@code s A}.
     *
     * @param s the value s
     * @param a the matrix A
     * @return {@code s A}
     */
    M scale(double s, M a);

    /**
     * Entry-wise (Hadamard) product {@code A ∘ B}.
     *
     * @param a the matrix A
     * @param b the matrix B
     * @return entry-wise (Hadamard) product {@code A ∘ B}
     */
    M hadamard(M a, M b);

    /**
     * Entry-wise quotient.
     *
     * @param a the matrix A
     * @param b the matrix B
     * @return entry-wise quotient
     */
    M divide(M a, M b);

    /**
     * The product {@code A B}.
     *
     * @param a the matrix A
     * @param b the matrix B
     * @return the product {@code A B}
     */
    M mult(M a, M b);

    /**
     * {@code Aᵀ B}.
     *
     * @param a the matrix A
     * @param b the matrix B
     * @return {@code Aᵀ B}
     */
    M multTransA(M a, M b);

    /**
     * {@code A Bᵀ}.
     *
     * @param a the matrix A
     * @param b the matrix B
     * @return {@code A Bᵀ}
     */
    M multTransB(M a, M b);

    /**
     * The Frobenius inner product {@code A : B = Tr(AᵀB)}, accumulated in this precision.
     *
     * @param a the matrix A
     * @param b the matrix B
     * @return the Frobenius inner product {@code A : B = Tr(AᵀB)}, accumulated in this precision
     */
    double dot(M a, M b);

    /**
     * The largest absolute entry (0 for an empty matrix).
     *
     * @param a the matrix A
     * @return the largest absolute entry (0 for an empty matrix)
     */
    double maxAbs(M a);

    /**
     * Whether every entry is finite.
     *
     * @param a the matrix A
     * @return whether every entry is finite
     */
    boolean isFinite(M a);

    // ---------------------------------------------------------------- entry-wise functions

    /**
     * {@code function} applied to each entry.
     *
     * @param a the matrix A
     * @param function the function to apply
     * @return {@code function} applied to each entry
     */
    M apply(M a, Elementwise function);

    /**
     * Entry-wise {@code a_ij^p}.
     *
     * @param a the matrix A
     * @param p the probability or point
     * @return entry-wise {@code a_ij^p}
     */
    M power(M a, double p);

    /**
     * Entry-wise user function, evaluated in double and rounded to this precision.
     *
     * @param a the matrix A
     * @param function the function to apply
     * @return entry-wise user function, evaluated in double and rounded to this precision
     */
    M map(M a, DoubleUnaryOperator function);

    /**
     * {@code P_ij = v_i op w_j} for vectors v (n×1) and w (k×1).
     *
     * @param v the vector or value
     * @param w the weights
     * @param op the operation
     * @return {@code P_ij = v_i op w_j} for vectors v (n×1) and w (k×1)
     */
    M outer(M v, M w, Outer op);

    /**
     * {@code 1 / a_ij} off the diagonal and 0 on it (the shape of K in eqs. 13 and 34).
     *
     * @param a the matrix A
     * @return {@code 1 / a_ij} off the diagonal and 0 on it (the shape of K in eqs. 13 and 34)
     */
    M offDiagonalReciprocal(M a);

    /**
     * Entry-wise selection: {@code criterion_ij <= threshold ? small_ij : large_ij}.
     *
     * @param criterion the criterion
     * @param threshold the threshold
     * @param small the small one
     * @param large the large one
     * @return entry-wise selection: {@code criterion_ij <= threshold ? small_ij : large_ij}
     */
    M choose(M criterion, double threshold, M small, M large);

    // ---------------------------------------------------------------- decompositions

    /**
     * Eigendecomposition of a symmetric matrix, eigenvalues ascending.
     *
     * @param a the matrix A
     * @return eigendecomposition of a symmetric matrix, eigenvalues ascending
     */
    SymmetricEigen<M> eigSymmetric(M a);

    /**
     * Singular value decomposition, singular values descending.
     *
     * @param full whether U (m×m) and V (n×n) are complete orthogonal matrices; otherwise
     *             both are compact (k = min(m, n) columns)
     * @param a the matrix A
     * @return singular value decomposition, singular values descending
     */
    Svd<M> svd(M a, boolean full);

    /**
     * Whether this backend's matrices live in host memory, where reading one costs no wait for a
     * device: then a training step reads and checks at once rather than queue its reads
     * ({@code org.mbp.layer.HostReads}), which on a host would only add work. A device backend
     * answers false.
     *
     * @return true for a host backend
     */
    default boolean holdsOnHost() {
        return true;
    }

    // ---------------------------------------------------------------- batches

    /**
     * How many matrices each value of this backend holds: 1, except on a {@link BatchOps}, whose
     * values are stacks of that many same-shape matrices (one per example of a minibatch) and whose
     * host reads ({@link #toRowMajor}) return them one after another.
     *
     * @return the number of matrices in each value
     */
    default int batch() {
        return 1;
    }

    /**
     * The products {@code op(A_n) op(B_n)} of a batch: {@code a} and {@code b} stack {@code count}
     * same-shape blocks by rows, {@code op} transposes a block where asked, and the products are
     * stacked in the same order. The default multiplies block by block through {@link #block},
     * the products and {@link #stack}; a backend that batches overrides it as one operation
     * (e.g. one GEMM launch over the stack).
     *
     * @param a the stack of the A_n
     * @param transA whether each A_n enters transposed
     * @param b the stack of the B_n
     * @param transB whether each B_n enters transposed
     * @param count the number of blocks in each stack
     * @return the stacked products
     * @throws ShapeMismatchException when a stack does not hold {@code count} blocks or the blocks'
     *                                shapes do not multiply
     */
    default M multBlocks(M a, boolean transA, M b, boolean transB, int count) {
        return BlockLoops.products(this, a, transA, b, transB, count);
    }

    /**
     * The eigendecompositions of a batch of symmetric matrices stacked by rows, each as
     * {@link #eigSymmetric} gives it: the eigenvalues stacked as one vector of {@code count · n}
     * entries, the eigenvectors as a stack of n×n blocks. The default decomposes block by block; a
     * backend that batches overrides it (e.g. one batched Jacobi launch).
     *
     * @param a the stack of n×n symmetric blocks
     * @param count the number of blocks
     * @return the stacked eigenvalues and eigenvectors
     * @throws ShapeMismatchException when the stack does not hold {@code count} square blocks
     */
    default SymmetricEigen<M> eigSymmetricBlocks(M a, int count) {
        return BlockLoops.eigen(this, a, count);
    }

    /**
     * The SVDs of a batch of same-shape matrices stacked by rows, each as {@link #svd} gives it,
     * the factors stacked block by block (the singular values as one vector). The default
     * decomposes block by block; a backend that batches overrides it.
     *
     * @param a the stack of m×n blocks
     * @param count the number of blocks
     * @param full whether each U and V is complete
     * @return the stacked factors
     * @throws ShapeMismatchException when the stack does not hold {@code count} blocks
     */
    default Svd<M> svdBlocks(M a, int count, boolean full) {
        return BlockLoops.svd(this, a, count, full);
    }

    /**
     * The pairwise tables {@code op(v_n, w_n)} of a batch of vectors: {@code v} stacks
     * {@code count} vectors of p entries, {@code w} as many of q entries, and the p×q tables
     * {@link #outer} gives are stacked in order. The default works block by block; a backend that
     * batches overrides it.
     *
     * @param v the stack of the v_n
     * @param w the stack of the w_n
     * @param op the pairwise operation
     * @param count the number of vectors in each stack
     * @return the stacked tables
     * @throws ShapeMismatchException when a stack does not hold {@code count} vectors
     */
    default M outerBlocks(M v, M w, Outer op, int count) {
        return BlockLoops.outer(this, v, w, op, count);
    }

    // ---------------------------------------------------------------- composed (written once)

    /**
     * {@code A_sym = ½ (Aᵀ + A)}, the paper's notation.
     *
     * @param a the matrix A
     * @return {@code A_sym = ½ (Aᵀ + A)}, the paper's notation
     */
    default M sym(M a) {
        return scale(0.5, add(a, transpose(a)));
    }

    /**
     * {@code A_diag}: A with its off-diagonal entries set to zero.
     *
     * @param a the matrix A
     * @return {@code A_diag}: A with its off-diagonal entries set to zero
     */
    default M diagPart(M a) {
        return diagonalMatrix(diagonal(a), rows(a), cols(a));
    }

    /**
     * The Frobenius norm.
     *
     * @param a the matrix A
     * @return the Frobenius norm
     */
    default double norm(M a) {
        return Math.sqrt(dot(a, a));
    }

    /**
     * The sum of all entries, as a 1×1 matrix (so that it stays in this backend's arithmetic).
     *
     * @param a the matrix A
     * @return the sum of all entries, as a 1×1 matrix (so that it stays in this backend's
     *         arithmetic)
     */
    default M sum(M a) {
        return rowSums(transpose(rowSums(a)));
    }

    /**
     * A column vector of ones.
     *
     * @param n the size
     * @return a column vector of ones
     */
    default M ones(int n) {
        return filled(n, 1, 1.0);
    }

    /**
     * Entries {@code [from, to)} of a vector.
     *
     * @param v the vector or value
     * @param from the source
     * @param to the destination
     * @return entries {@code [from, to)} of a vector
     */
    default M slice(M v, int from, int to) {
        return block(v, from, to, 0, 1);
    }

    /**
     * A vector extended with zeros to length {@code n}.
     *
     * @param v the vector or value
     * @param n the size
     * @return a vector extended with zeros to length {@code n}
     */
    default M padded(M v, int n) {
        int k = rows(v);
        return k == n ? v : transpose(hconcat(transpose(v), zeros(1, n - k)));
    }

    /**
     * {@code (I - U Uᵀ) X} for U with orthonormal columns: the part of X outside span(U).
     *
     * @param u the vector u
     * @param x the input
     * @return {@code (I - U Uᵀ) X} for U with orthonormal columns: the part of X outside span(U)
     */
    default M projectOut(M u, M x) {
        return sub(x, mult(u, multTransA(u, x)));
    }
}
