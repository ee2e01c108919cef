package org.mbp.data;

import java.nio.file.Path;

/**
 * A data set file that cannot be read: the message names the file, the byte offset of the
 * problem and what was expected there. For a gzip file the offset counts bytes of the
 * decompressed stream, and the message says so.
 */
public class DataFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    /** Byte offset in the file where the problem lies. */
    private final long offset;

    /**
     * @param file         the file being read
     * @param decompressed whether {@code offset} counts bytes of a decompressed (gzip) stream
     * @param offset       byte offset of the problem
     * @param problem      what is wrong and what was expected
     */
    public DataFileException(Path file, boolean decompressed, long offset, String problem) {
        this(file, decompressed, offset, problem, null);
    }

    /**
     * As {@link #DataFileException(Path, boolean, long, String)}, with the underlying cause.
     *
     * @param file the file
     * @param decompressed whether {@code offset} counts bytes of a decompressed (gzip) stream
     * @param offset the offset
     * @param problem the problem
     * @param cause the underlying cause
     */
    public DataFileException(Path file, boolean decompressed, long offset, String problem, Throwable cause) {
        super(file + ": at byte offset " + offset + (decompressed ? " of the decompressed gzip stream" : "")
                + ": " + problem, cause);
        this.file = file;
        this.offset = offset;
    }

    /**
     * The file that could not be read.
     *
     * @return the file that could not be read
     */
    public Path file() {
        return file;
    }

    /**
     * The byte offset of the problem (in the decompressed stream for a gzip file).
     *
     * @return the byte offset of the problem (in the decompressed stream for a gzip file)
     */
    public long offset() {
        return offset;
    }
}
