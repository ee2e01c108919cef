package org.mbp.layer;

import org.mbp.backend.MatrixOps;

/**
 * The invariant a matrix variable carries (paper §4.2: "invariants such as diagonality, symmetry
 * ... need to be explicitly enforced"). Admissible variations of a variable live in the tangent
 * space of its structure; the positive structures also restrict how far one may step.
 */
public enum Structure {
    /** Any matrix of the given shape. */
    GENERAL,
    /** Symmetric matrices. */
    SYMMETRIC,
    /** Symmetric positive definite matrices (variations symmetric, steps must keep X ≻ 0). */
    SYMMETRIC_POSITIVE_DEFINITE,
    /** Matrices that vanish off the main diagonal (e.g. Σ of the SVD). */
    DIAGONAL,
    /** Diagonal with a positive diagonal (e.g. the eigenvalues Q that log or sqrt act on). */
    POSITIVE_DIAGONAL;

    /**
     * Projects an arbitrary matrix onto the admissible variations of this structure.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param a the matrix A
     * @return the resulting matrix
     */
    public <M> M project(MatrixOps<M> ops, M a) {
        return switch (this) {
            case GENERAL -> a;
            case SYMMETRIC, SYMMETRIC_POSITIVE_DEFINITE -> ops.sym(a);
            case DIAGONAL, POSITIVE_DIAGONAL -> ops.diagPart(a);
        };
    }

    /**
     * Whether steps along a variation must be kept small enough to stay inside a cone.
     *
     * @return whether steps along a variation must be kept small enough to stay inside a cone
     */
    public boolean isPositive() {
        return this == SYMMETRIC_POSITIVE_DEFINITE || this == POSITIVE_DIAGONAL;
    }
}
