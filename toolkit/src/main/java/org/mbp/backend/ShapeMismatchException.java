package org.mbp.backend;

/**
 * A {@link MatrixOps} operation given operands whose shapes do not fit it ({@link Shapes}). The
 * layers check their inputs before they reach a backend, so inside mbp this is a defect of the
 * composition, not bad input; the message is one line naming the operation and the shapes.
 */
public final class ShapeMismatchException extends IllegalArgumentException {

    ShapeMismatchException(String message) {
        super(message);
    }
}
