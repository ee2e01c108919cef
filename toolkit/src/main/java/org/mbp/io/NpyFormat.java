package org.mbp.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format (versions 1.0–3.0) for 2-D arrays. Reads float64 and float32 (the
 * types mbp writes) and, for indicator matrices, signed and unsigned integers and booleans, in
 * either byte order and in C or Fortran order. Writes little-endian float64 or float32 in C
 * order, version 1.0, with the header padded to 64 bytes as NumPy does.
 */
public final class NpyFormat {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** The element type written. */
    public enum DType {
        /** Little-endian 64-bit float. */
        FLOAT64("<f8", 8),
        /** Little-endian 32-bit float. */
        FLOAT32("<f4", 4);

        private final String descr;
        private final int size;

        DType(String descr, int size) {
            this.descr = descr;
            this.size = size;
        }
    }

    private NpyFormat() {
    }

    /**
     * Reads a matrix from an .npy file.
     *
     * @param path the path
     * @return a matrix from an .npy file
     * @throws IOException if reading or writing fails
     */
    public static DenseMatrix read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        return parse(bytes, path.toString());
    }

    static DenseMatrix parse(byte[] bytes, String name) {
        if (bytes.length < 10) {
            throw new MatrixFileException(name + ": not a .npy file (" + bytes.length + " bytes, no header)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new MatrixFileException(name + ": not a .npy file (bad magic string at offset " + i + ")");
            }
        }
        int major = bytes[6] & 0xff;
        ByteBuffer little = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = little.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new MatrixFileException(name + ": header length truncated at offset 8");
            }
            long length = little.getInt(8) & 0xffffffffL;
            if (length > bytes.length) {
                throw new MatrixFileException(name + ": header of " + length + " bytes is longer than the file");
            }
            headerLength = (int) length;
            headerStart = 12;
        } else {
            throw new MatrixFileException(name + ": unsupported .npy version " + major + "." + (bytes[7] & 0xff));
        }
        int dataStart = headerStart + headerLength;
        if (dataStart > bytes.length) {
            throw new MatrixFileException(name + ": file ends at offset " + bytes.length
                    + " inside the " + headerLength + "-byte header");
        }
        String header = new String(bytes, headerStart, headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new MatrixFileException(name + ": malformed header at offset " + headerStart + ": "
                    + printable(header.strip()));
        }
        int[] dims = dimensions(shape.group(1), name);
        int rows = dims[0];
        int cols = dims[1];
        char kind = descr.group(2).charAt(0);
        int size = elementSize(descr.group(3), name, descr.group(0));
        ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Element element = element(kind, size, name, descr.group(0));
        long count = (long) rows * cols;
        long available = bytes.length - (long) dataStart;
        if (count > available / size) {
            long expected = Math.multiplyHigh(count, size) == 0 ? count * size : Long.MAX_VALUE;
            throw new MatrixFileException(String.format("%s: data truncated: a %d×%d %s array needs %d"
                    + " bytes from offset %d, the file has %d", name, rows, cols, descr.group(1)
                    + kind + size, expected, dataStart, available));
        }
        long expected = count * size;
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) expected).slice().order(order);
        double[] values = new double[(int) count];
        boolean fortranOrder = fortran.group(1).equals("True");
        for (int k = 0; k < count; k++) {
            double v = element.read(data, k * size);
            int target = fortranOrder ? (k % rows) * cols + k / rows : k;
            values[target] = v;
        }
        return new DenseMatrix(rows, cols, values);
    }

    /** The header text as one printable line: control characters (a line break among them) shown as '?'. */
    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    private static int[] dimensions(String text, String name) {
        String shape = printable(text);
        String[] parts = text.split(",");
        int[] dims = new int[2];
        int count = 0;
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (count == 2) {
                throw new MatrixFileException(name + ": expected a 2-D array, got shape (" + shape + ")");
            }
            try {
                dims[count] = Integer.parseInt(p.replace("L", ""));
            } catch (NumberFormatException e) {
                throw new MatrixFileException(name + ": bad shape (" + shape + ")");
            }
            if (dims[count] < 0) {
                throw new MatrixFileException(name + ": negative dimension " + dims[count] + " in shape (" + shape + ")");
            }
            count++;
        }
        if (count != 2) {
            throw new MatrixFileException(name + ": expected a 2-D array, got shape (" + shape + ")");
        }
        return dims;
    }

    /** The element size in bytes of a type descriptor, refused when it is not a small count. */
    private static int elementSize(String digits, String name, String descr) {
        if (digits.length() > 2) {
            throw new MatrixFileException(name + ": unsupported element type " + descr
                    + " (supported: float64, float32, integers, bool)");
        }
        return Integer.parseInt(digits);
    }

    /** Reads one element at a byte offset. */
    private interface Element {
        double read(ByteBuffer buffer, int offset);
    }

    private static Element element(char kind, int size, String name, String descr) {
        return switch (kind + ":" + size) {
            case "f:8" -> ByteBuffer::getDouble;
            case "f:4" -> ByteBuffer::getFloat;
            case "i:1" -> ByteBuffer::get;
            case "i:2" -> ByteBuffer::getShort;
            case "i:4" -> ByteBuffer::getInt;
            case "i:8" -> (b, o) -> (double) b.getLong(o);
            case "u:1", "b:1" -> (b, o) -> b.get(o) & 0xff;
            case "u:2" -> (b, o) -> b.getShort(o) & 0xffff;
            case "u:4" -> (b, o) -> b.getInt(o) & 0xffffffffL;
            default -> throw new MatrixFileException(name + ": unsupported element type " + descr
                    + " (supported: float64, float32, integers, bool)");
        };
    }

    /**
     * Writes a matrix as .npy of the given type.
     *
     * @param out where to write
     * @param m the number of rows m
     * @param type the type
     * @throws IOException if reading or writing fails
     */
    public static void write(OutputStream out, DenseMatrix m, DType type) throws IOException {
        String dict = "{'descr': '" + type.descr + "', 'fortran_order': False, 'shape': (" + m.rows()
                + ", " + m.cols() + "), }";
        int unpadded = MAGIC.length + 4 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(MAGIC.length + 4 + header.length()
                + m.values().length * type.size).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        buffer.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double v : m.values()) {
            if (type == DType.FLOAT64) {
                buffer.putDouble(v);
            } else {
                buffer.putFloat((float) v);
            }
        }
        out.write(buffer.array());
    }
}
