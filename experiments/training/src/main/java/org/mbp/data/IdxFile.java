package org.mbp.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An unsigned-byte array in the IDX format of LeCun et al.'s MNIST distribution (also used by
 * Fashion-MNIST): two zero bytes, the type code {@code 0x08} (unsigned byte), the number of
 * dimensions r, r big-endian int32 sizes, then the values in row-major order and nothing else.
 * The file may be plain or gzip-compressed; gzip is recognised by its magic bytes
 * {@code 0x1f 0x8b}, not by the file name. Every field is checked; a malformed file raises a
 * {@link DataFileException} with the byte offset (in the decompressed stream for gzip).
 */
public final class IdxFile {

    /** The IDX type code of unsigned bytes, the only type read. */
    public static final int UNSIGNED_BYTE = 0x08;

    private static final int MAX_VALUES = Integer.MAX_VALUE - 8;
    private static final int BUFFER = 1 << 16;

    private final Path path;
    private final boolean compressed;
    private final int[] dimensions;
    private final byte[] values;

    private IdxFile(Path path, boolean compressed, int[] dimensions, byte[] values) {
        this.path = path;
        this.compressed = compressed;
        this.dimensions = dimensions;
        this.values = values;
    }

    /**
     * Reads an IDX file of unsigned bytes with any number of dimensions.
     *
     * @param path the path
     * @return an IDX file of unsigned bytes with any number of dimensions
     * @throws DataFileException if the file is not a well-formed IDX unsigned-byte file
     * @throws IOException       if the file cannot be read
     */
    public static IdxFile read(Path path) throws IOException {
        return read(path, 0);
    }

    /**
     * Reads an IDX file of unsigned bytes that must have {@code rank} dimensions (1 for labels,
     * 3 for a stack of images).
     *
     * @param path the path
     * @param rank the rank
     * @return an IDX file of unsigned bytes that must have {@code rank} dimensions (1 for labels, 3
     *         for a stack of images)
     * @throws DataFileException if the file is not a well-formed IDX unsigned-byte file of that rank
     * @throws IOException       if the file cannot be read
     */
    public static IdxFile read(Path path, int rank) throws IOException {
        if (rank < 0 || rank > 255) {
            throw new IllegalArgumentException("an IDX rank is 1..255, got " + rank);
        }
        try (InputStream file = new BufferedInputStream(Files.newInputStream(path), BUFFER)) {
            file.mark(2);
            boolean gzip = file.read() == 0x1f && file.read() == 0x8b;
            file.reset();
            return new Parser(path, gzip, rank).parse(gzip ? new GZIPInputStream(file, BUFFER) : file);
        }
    }

    /**
     * The file this was read from.
     *
     * @return the file this was read from
     */
    public Path path() {
        return path;
    }

    /**
     * Whether the file was gzip-compressed (offsets then count decompressed bytes).
     *
     * @return whether the file was gzip-compressed (offsets then count decompressed bytes)
     */
    public boolean compressed() {
        return compressed;
    }

    /**
     * The number of dimensions.
     *
     * @return the number of dimensions
     */
    public int rank() {
        return dimensions.length;
    }

    /**
     * The size along one axis (0 is the outermost, e.g. the number of images).
     *
     * @param axis the axis
     * @return the size along one axis (0 is the outermost, e.g. the number of images)
     */
    public int dimension(int axis) {
        return dimensions[Objects.checkIndex(axis, dimensions.length)];
    }

    /**
     * All sizes, outermost first (a copy).
     *
     * @return all sizes, outermost first (a copy)
     */
    public int[] dimensions() {
        return dimensions.clone();
    }

    /**
     * The number of values, the product of the dimensions.
     *
     * @return the number of values, the product of the dimensions
     */
    public int size() {
        return values.length;
    }

    /**
     * The value at a row-major index, 0..255.
     *
     * @param index the index
     * @return the value at a row-major index, 0..255
     */
    public int value(int index) {
        return values[Objects.checkIndex(index, values.length)] & 0xff;
    }

    /**
     * The byte offset of the dimension field of {@code axis} (in the decompressed stream for gzip).
     *
     * @param axis the axis
     * @return the byte offset of the dimension field of {@code axis} (in the decompressed stream
     *         for gzip)
     */
    public long dimensionOffset(int axis) {
        return 4L + 4L * Objects.checkIndex(axis, dimensions.length);
    }

    /**
     * The byte offset of the value at a row-major index (in the decompressed stream for gzip).
     *
     * @param index the index
     * @return the byte offset of the value at a row-major index (in the decompressed stream for
     *         gzip)
     */
    public long valueOffset(int index) {
        return 4L + 4L * dimensions.length + Objects.checkIndex(index, values.length);
    }

    /**
     * An error about this file at a byte offset, as {@link DataFileException}.
     *
     * @param offset the offset
     * @param problem the problem
     * @return an error about this file at a byte offset, as {@link DataFileException}
     */
    public DataFileException error(long offset, String problem) {
        return new DataFileException(path, compressed, offset, problem);
    }

    @Override
    public String toString() {
        return "IdxFile[" + path + ", " + shape(dimensions) + " unsigned bytes" + (compressed ? ", gzip]" : "]");
    }

    private static String shape(int[] dimensions) {
        return Arrays.stream(dimensions).mapToObj(Integer::toString).collect(Collectors.joining(" × "));
    }

    /** Reads the stream field by field, keeping the offset for the messages. */
    private static final class Parser {
        private final Path path;
        private final boolean gzip;
        private final int rank;
        private long offset;

        Parser(Path path, boolean gzip, int rank) {
            this.path = path;
            this.gzip = gzip;
            this.rank = rank;
        }

        IdxFile parse(InputStream in) throws IOException {
            try {
                return parseFields(in);
            } catch (ZipException | EOFException e) {
                throw new DataFileException(path, gzip, offset, "corrupt or truncated gzip stream ("
                        + e.getMessage() + "); expected the rest of the IDX data", e);
            }
        }

        private IdxFile parseFields(InputStream in) throws IOException {
            byte[] magic = readExactly(in, 2, "the IDX magic number (two zero bytes)");
            for (int i = 0; i < 2; i++) {
                if (magic[i] != 0) {
                    throw error(i, String.format("expected 0x00 (IDX magic number: two zero bytes), found 0x%02x"
                            + " — not an IDX file", magic[i] & 0xff));
                }
            }
            int type = readExactly(in, 1, "the IDX type code")[0] & 0xff;
            if (type != UNSIGNED_BYTE) {
                throw error(2, String.format("expected type code 0x%02x (unsigned byte), found 0x%02x (%s)",
                        UNSIGNED_BYTE, type, typeName(type)));
            }
            int found = readExactly(in, 1, "the number of dimensions")[0] & 0xff;
            if (found == 0) {
                throw error(3, "expected the number of dimensions (at least 1), found 0");
            }
            if (rank != 0 && found != rank) {
                throw error(3, "expected " + rank + " dimension" + (rank == 1 ? "" : "s") + ", found " + found);
            }
            int[] dimensions = new int[found];
            long size = 1;
            for (int axis = 0; axis < found; axis++) {
                long at = offset;
                byte[] b = readExactly(in, 4, "the size of dimension " + axis + " (big-endian int32)");
                dimensions[axis] = (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff;
                if (dimensions[axis] <= 0) {
                    throw error(at, "expected a positive size of dimension " + axis + ", found " + dimensions[axis]);
                }
                size *= dimensions[axis];
                if (size > MAX_VALUES) {
                    throw error(at, "dimensions " + shape(Arrays.copyOf(dimensions, axis + 1)) + " make more than "
                            + MAX_VALUES + " values, the most one array holds");
                }
            }
            long start = offset;
            byte[] values = readExactly(in, (int) size, size + " data bytes (" + shape(dimensions)
                    + " unsigned bytes) at offsets " + start + ".." + (start + size - 1));
            long trailing = in.transferTo(OutputStream.nullOutputStream());
            if (trailing > 0) {
                throw error(offset, "expected the end of the file after " + size + " data bytes (" + shape(dimensions)
                        + "), found " + trailing + " trailing byte" + (trailing == 1 ? "" : "s"));
            }
            return new IdxFile(path, gzip, dimensions, values);
        }

        private byte[] readExactly(InputStream in, int length, String expected) throws IOException {
            byte[] bytes = new byte[length];
            int got = 0;
            while (got < length) {
                int n = in.read(bytes, got, length - got);
                if (n < 0) {
                    throw error(offset, "the file ends; expected " + expected);
                }
                got += n;
                offset += n;
            }
            return bytes;
        }

        private DataFileException error(long at, String problem) {
            return new DataFileException(path, gzip, at, problem);
        }

        private static String typeName(int type) {
            return switch (type) {
                case 0x09 -> "signed byte, not supported";
                case 0x0B -> "int16, not supported";
                case 0x0C -> "int32, not supported";
                case 0x0D -> "float32, not supported";
                case 0x0E -> "float64, not supported";
                default -> "not an IDX type code";
            };
        }
    }
}
