package org.mbp.backend;

/**
 * The paper's mixed precision (§7): the conventional layers in one backend, the structured
 * layers in another of the same matrix type (float and double on the CPU, or float and double on
 * the GPU), so that a network moves between them with {@link MatrixOps#copyOf}.
 *
 * @param trunk      the conventional layers' backend
 * @param structured the structured layers' backend
 * @param <M>        the matrix type of both
 */
public record MixedPrecision<M>(MatrixOps<M> trunk, MatrixOps<M> structured) {

    /**
     * The CPU backends in the given precisions, with OpenBLAS products ({@link EjmlOps#fastest}).
     *
     * @param trunk the conventional layers' backend
     * @param structured the structured layer
     * @return the CPU backends in the given precisions, with OpenBLAS products ({@link
     *         EjmlOps#fastest})
     */
    public static MixedPrecision<org.ejml.simple.SimpleMatrix> cpu(Precision trunk, Precision structured) {
        return new MixedPrecision<>(EjmlOps.fastest(trunk), EjmlOps.fastest(structured));
    }
}
