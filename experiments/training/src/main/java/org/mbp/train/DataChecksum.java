package org.mbp.train;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * A CRC-32 of training data (pixels and targets), kept in a run's settings so that a resumed run
 * is refused when its data differ from those the checkpoint was trained on.
 */
final class DataChecksum {

    private final CRC32 crc = new CRC32();

    DataChecksum add(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length);
        b.asFloatBuffer().put(values);
        crc.update(b.array());
        return this;
    }

    DataChecksum add(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length);
        b.asIntBuffer().put(values);
        crc.update(b.array());
        return this;
    }

    /** The checksum as 8 hexadecimal digits. */
    String hex() {
        return String.format("%08x", crc.getValue());
    }
}
