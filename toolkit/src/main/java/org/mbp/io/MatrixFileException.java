package org.mbp.io;

/** A matrix file that cannot be read or written; the message names the file and the place. */
public class MatrixFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * A matrix file problem, described in {@code message}.
     *
     * @param message the message
     */
    public MatrixFileException(String message) {
        super(message);
    }

    /**
     * A matrix file problem, described in {@code message}, with the underlying cause.
     *
     * @param message the message
     * @param cause the underlying cause
     */
    public MatrixFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
