package org.mbp.io;

/** A matrix file that cannot be read or written; the message names the file and the place. */
public class MatrixFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MatrixFileException(String message) {
        super(message);
    }

    public MatrixFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
