package org.mbp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The .npy reader and writer on byte layouts written here exactly as NumPy lays them out. */
class NpyFormatTest {

    private static final DenseMatrix M = new DenseMatrix(2, 3, new double[] {1, -2.5, 3, 0.1, 5e-300, -6});

    /** A file as NumPy writes it: magic, version, header length, padded dict, data. */
    private static byte[] npy(int major, String descr, boolean fortran, String shape, ByteOrder order,
            double... values) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
                + ", 'shape': " + shape + ", }";
        int lengthBytes = major == 1 ? 2 : 4;
        int unpadded = 8 + lengthBytes + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        int size = Integer.parseInt(descr.substring(2));
        ByteBuffer b = ByteBuffer.allocate(8 + lengthBytes + header.length() + values.length * size)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) header.length());
        } else {
            b.putInt(header.length());
        }
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        b.order(order);
        char kind = descr.charAt(1);
        for (double v : values) {
            switch (kind + "" + size) {
                case "f8" -> b.putDouble(v);
                case "f4" -> b.putFloat((float) v);
                case "i8" -> b.putLong((long) v);
                case "i4" -> b.putInt((int) v);
                case "b1", "u1" -> b.put((byte) v);
                default -> throw new IllegalArgumentException(descr);
            }
        }
        return b.array();
    }

    @Test
    void roundTripsFloat64AndFloat32() throws IOException {
        for (NpyFormat.DType type : NpyFormat.DType.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            NpyFormat.write(out, M, type);
            byte[] bytes = out.toByteArray();
            int headerEnd = 10 + (ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff);
            assertEquals(0, headerEnd % 64, "header padded to 64 bytes as NumPy does");
            DenseMatrix back = NpyFormat.parse(bytes, "m.npy");
            double[] expected = M.values().clone();
            if (type == NpyFormat.DType.FLOAT32) {
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = (float) expected[i];
                }
            }
            assertArrayEquals(expected, back.values(), 0.0);
            assertEquals(2, back.rows());
        }
    }

    @Test
    void readsNumpyLayoutsFortranOrderBigEndianIntegersAndVersionTwo() {
        DenseMatrix c = NpyFormat.parse(npy(1, "<f8", false, "(2, 3)", ByteOrder.LITTLE_ENDIAN,
                1, 2, 3, 4, 5, 6), "c.npy");
        DenseMatrix f = NpyFormat.parse(npy(1, "<f8", true, "(2, 3)", ByteOrder.LITTLE_ENDIAN,
                1, 4, 2, 5, 3, 6), "f.npy");
        assertEquals(c, f, "Fortran order is transposed into row-major");
        DenseMatrix big = NpyFormat.parse(npy(1, ">f4", false, "(2, 3)", ByteOrder.BIG_ENDIAN,
                1, 2, 3, 4, 5, 6), "big.npy");
        assertEquals(c, big);
        DenseMatrix ints = NpyFormat.parse(npy(2, "<i8", false, "(3, 2)", ByteOrder.LITTLE_ENDIAN,
                1, 0, 0, 1, 1, 0), "e.npy");
        assertArrayEquals(new double[] {1, 0, 0, 1, 1, 0}, ints.values(), 0.0);
        DenseMatrix bools = NpyFormat.parse(npy(1, "|b1", false, "(1, 2)", ByteOrder.LITTLE_ENDIAN, 1, 0), "b.npy");
        assertArrayEquals(new double[] {1, 0}, bools.values(), 0.0);
    }

    @Test
    void malformedFilesNameTheProblemAndWhere() {
        byte[] good = npy(1, "<f8", false, "(2, 3)", ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6);
        byte[] badMagic = good.clone();
        badMagic[3] = 'X';
        assertMessage(badMagic, "bad magic string at offset 3");
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 5);
        assertMessage(truncated, "data truncated");
        assertMessage(truncated, "from offset 128");
        assertMessage(npy(1, "<f8", false, "(6,)", ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6),
                "expected a 2-D array, got shape (6,)");
        assertMessage(npy(1, "<f8", false, "(1, 2, 3)", ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6),
                "expected a 2-D array");
        assertMessage(npy(1, "<c8", false, "(1, 1)", ByteOrder.LITTLE_ENDIAN), "unsupported element type");
        assertMessage(new byte[] {1, 2, 3}, "not a .npy file");
    }

    @Test
    void negativeAndHugeDimensionsAreRefusedInOneLine() {
        assertMessage(npy(1, "<f8", false, "(-1, 3)", ByteOrder.LITTLE_ENDIAN, 1, 2, 3),
                "negative dimension -1 in shape (-1, 3)");
        assertMessage(npy(1, "<f8", false, "(2, -3)", ByteOrder.LITTLE_ENDIAN, 1, 2, 3), "negative dimension -3");
        assertMessage(npy(1, "<f8", false, "(2147483647, 2147483647)", ByteOrder.LITTLE_ENDIAN, 1),
                "data truncated: a 2147483647×2147483647 <f8 array needs");
    }

    /** A line break inside the shape (found by ParserPropertiesTest's mutations) stays out of the message. */
    @Test
    void aShapeWithALineBreakIsShownOnOneLine() {
        byte[] bytes = npy(1, "<f8", false, "(\n, 3)", ByteOrder.LITTLE_ENDIAN, 1, 2, 3);
        MatrixFileException e = assertThrows(MatrixFileException.class, () -> NpyFormat.parse(bytes, "x.npy"));
        assertEquals("x.npy: expected a 2-D array, got shape (?, 3)", e.getMessage());
    }

    private static void assertMessage(byte[] bytes, String expected) {
        MatrixFileException e = assertThrows(MatrixFileException.class, () -> NpyFormat.parse(bytes, "x.npy"));
        assertTrue(e.getMessage().startsWith("x.npy: ") && e.getMessage().contains(expected), e.getMessage());
    }
}
