package org.mbp.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** IDX byte layouts built field by field, as the MNIST distribution lays them out. */
final class IdxFiles {

    private IdxFiles() {
    }

    /** Magic {@code 00 00}, the type code, the rank, big-endian sizes, then {@code data} as given. */
    static byte[] idx(int type, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.put(data).array();
    }

    /** A well-formed unsigned-byte file. */
    static byte[] ubyte(int[] dims, byte[] data) {
        return idx(IdxFile.UNSIGNED_BYTE, dims, data);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Bytes 0, 1, 2, ... (mod 256). */
    static byte[] ramp(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) i;
        }
        return data;
    }
}
