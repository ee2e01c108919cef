package org.mbp.layer;

import java.util.List;

/**
 * How a layer's input or output variable splits into named matrices, each with its
 * {@link Structure}. The verification engine uses it to form inner products, steps and random
 * admissible variations of any layer without knowing its types.
 *
 * @param <M> the backend's matrix type
 * @param <X> the variable's type (a matrix, or a record of matrices)
 */
public interface Space<M, X> {

    /**
     * The matrices of {@code x}, in the order of {@link #names()}.
     *
     * @param x the input
     * @return the matrices of {@code x}, in the order of {@link #names()}
     */
    List<M> parts(X x);

    /**
     * The inverse of {@link #parts}.
     *
     * @param parts the parts
     * @return the inverse of {@link #parts}
     */
    X assemble(List<M> parts);

    /**
     * The variable made of one matrix, for a space of one part (a layer that takes or gives a
     * matrix).
     *
     * @param m the matrix
     * @return the variable
     * @throws IllegalArgumentException when the variable has more than one part
     */
    default X single(M m) {
        if (structures().size() != 1) {
            throw new IllegalArgumentException("the variable has the parts " + names() + ", not one matrix");
        }
        return assemble(List.of(m));
    }

    /**
     * Names of the parts, e.g. {@code [U, Σ, V]}.
     *
     * @return names of the parts, e.g. {@code [U, Σ, V]}
     */
    List<String> names();

    /**
     * Structure of each part.
     *
     * @return structure of each part
     */
    List<Structure> structures();

    /**
     * Brings {@code candidate} into the gauge of {@code reference} when the variable is defined
     * only up to a symmetry (signs of singular vectors, rotations of a null-space basis), so that
     * nearby points can be compared. The default: the variable has no gauge freedom.
     *
     * @param candidate the candidate
     * @param reference the reference
     * @return {@code candidate} in the gauge of {@code reference}
     */
    default X align(X candidate, X reference) {
        return candidate;
    }
}
