package org.mbp.cuda;

import org.mbp.backend.Precision;

/** A dense row-major matrix in device memory, of float or double entries. */
public final class DeviceMatrix {

    private final int rows;
    private final int cols;
    private final Precision precision;
    private final DeviceBuffer buffer;

    private DeviceMatrix(int rows, int cols, Precision precision, DeviceBuffer buffer) {
        this.rows = rows;
        this.cols = cols;
        this.precision = precision;
        this.buffer = buffer;
    }

    /**
     * An uninitialised {@code rows × cols} matrix on the device of {@code context}.
     *
     * @param context the context
     * @param rows the number of rows
     * @param cols the number of columns
     * @param precision the arithmetic precision
     * @return an uninitialised {@code rows × cols} matrix on the device of {@code context}
     */
    public static DeviceMatrix allocate(CudaContext context, int rows, int cols, Precision precision) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix shape must be non-negative, got " + rows + "×" + cols);
        }
        return new DeviceMatrix(rows, cols, precision, context.allocate((long) rows * cols * bytesPerEntry(precision)));
    }

    /** A {@code rows × cols} matrix over an existing buffer (at least {@code rows·cols} entries). */
    static DeviceMatrix wrap(DeviceBuffer buffer, int rows, int cols, Precision precision) {
        if (buffer.bytes() < (long) rows * cols * bytesPerEntry(precision)) {
            throw new IllegalArgumentException("a " + rows + "×" + cols + " " + precision.label() + " matrix does not fit"
                    + " a buffer of " + buffer.bytes() + " B");
        }
        return new DeviceMatrix(rows, cols, precision, buffer);
    }

    /**
     * Bytes per entry: 4 for float, 8 for double.
     *
     * @param precision the arithmetic precision
     * @return bytes per entry: 4 for float, 8 for double
     */
    public static int bytesPerEntry(Precision precision) {
        return precision == Precision.FLOAT ? Float.BYTES : Double.BYTES;
    }

    /**
     * The number of rows.
     *
     * @return the number of rows
     */
    public int rows() {
        return rows;
    }

    /**
     * The number of columns.
     *
     * @return the number of columns
     */
    public int cols() {
        return cols;
    }

    /**
     * Number of entries (a long: a product of two ints may exceed 2³¹ − 1).
     *
     * @return number of entries (a long: a product of two ints may exceed 2³¹ − 1)
     */
    public long size() {
        return (long) rows * cols;
    }

    /**
     * The precision of the entries.
     *
     * @return the precision of the entries
     */
    public Precision precision() {
        return precision;
    }

    /**
     * The device memory that holds the entries.
     *
     * @return the device memory that holds the entries
     */
    public DeviceBuffer buffer() {
        return buffer;
    }

    @Override
    public String toString() {
        return rows + "×" + cols + " " + precision.label() + " device matrix";
    }
}
