package org.mbp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mbp.data.IdxFiles.gzip;
import static org.mbp.data.IdxFiles.idx;
import static org.mbp.data.IdxFiles.ramp;
import static org.mbp.data.IdxFiles.ubyte;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader on files built here byte by byte, plain and gzip, well-formed and malformed. */
class IdxFileTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** Reads a malformed file, checks the message names the file and the offset, returns the message. */
    private String failure(Path file, int rank, long offset, boolean gzip) {
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFile.read(file, rank));
        assertEquals(file, e.file());
        assertEquals(offset, e.offset());
        String where = file + ": at byte offset " + offset + (gzip ? " of the decompressed gzip stream: " : ": ");
        assertTrue(e.getMessage().startsWith(where), e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsPlainAndGzipAlikeWhateverTheName() throws IOException {
        byte[] data = {0, 1, (byte) 127, (byte) 128, (byte) 254, (byte) 255};
        byte[] plain = ubyte(new int[] {2, 3}, data);
        Path[] files = {write("a.idx", plain), write("b.idx", gzip(plain)), write("c.gz", plain)};
        boolean[] compressed = {false, true, false};
        for (int f = 0; f < files.length; f++) {
            IdxFile idx = IdxFile.read(files[f]);
            assertEquals(compressed[f], idx.compressed(), files[f].toString());
            assertEquals(2, idx.rank());
            assertArrayEquals(new int[] {2, 3}, idx.dimensions());
            assertEquals(3, idx.dimension(1));
            assertEquals(6, idx.size());
            int[] values = new int[6];
            Arrays.setAll(values, idx::value);
            assertArrayEquals(new int[] {0, 1, 127, 128, 254, 255}, values, "bytes read as unsigned");
            assertEquals(8, idx.dimensionOffset(1));
            assertEquals(12 + 5, idx.valueOffset(5), "4-byte prefix + 2 sizes of 4 bytes + index");
        }
    }

    @Test
    void badMagicIsRefusedAtItsOffset() throws IOException {
        byte[] bytes = ubyte(new int[] {2}, ramp(2));
        bytes[1] = 0x08;
        String message = failure(write("m", bytes), 0, 1, false);
        assertTrue(message.contains("expected 0x00 (IDX magic number: two zero bytes), found 0x08"), message);
        assertTrue(failure(write("png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}), 0, 0, false).contains("found 0x89"));
    }

    @Test
    void otherElementTypesAreRefused() throws IOException {
        String message = failure(write("f", idx(0x0D, new int[] {1}, new byte[4])), 0, 2, false);
        assertTrue(message.contains("expected type code 0x08 (unsigned byte), found 0x0d (float32, not supported)"),
                message);
        assertTrue(failure(write("x", idx(0x42, new int[] {1}, new byte[1])), 0, 2, false)
                .contains("not an IDX type code"));
    }

    @Test
    void rankMustBePositiveAndAsExpected() throws IOException {
        assertTrue(failure(write("r0", ubyte(new int[0], new byte[0])), 0, 3, false)
                .contains("expected the number of dimensions (at least 1), found 0"));
        assertTrue(failure(write("r1", ubyte(new int[] {4}, ramp(4))), 3, 3, false)
                .contains("expected 3 dimensions, found 1"));
    }

    @Test
    void everySizeMustBePositive() throws IOException {
        assertTrue(failure(write("z", ubyte(new int[] {2, 0, 3}, new byte[0])), 0, 8, false)
                .contains("expected a positive size of dimension 1, found 0"));
        assertTrue(failure(write("n", ubyte(new int[] {-1}, new byte[0])), 0, 4, false)
                .contains("found -1"), "sizes are signed int32: 0xffffffff is -1");
    }

    @Test
    void sizesBeyondOneArrayAreRefusedBeforeReading() throws IOException {
        assertTrue(failure(write("big", ubyte(new int[] {65536, 65536}, new byte[0])), 0, 8, false)
                .contains("dimensions 65536 × 65536 make more than"));
    }

    @Test
    void truncatedDataGivesTheOffsetWhereTheFileEnds() throws IOException {
        byte[] truncated = ubyte(new int[] {2, 3}, ramp(4));
        String message = failure(write("t", truncated), 0, 16, false);
        assertTrue(message.endsWith("the file ends; expected 6 data bytes (2 × 3 unsigned bytes) at offsets 12..17"),
                message);
        failure(write("t.gz", gzip(truncated)), 0, 16, true);
    }

    @Test
    void truncatedHeaderAndEmptyFile() throws IOException {
        byte[] header = Arrays.copyOf(ubyte(new int[] {2, 3}, ramp(6)), 10);
        assertTrue(failure(write("h", header), 0, 10, false)
                .endsWith("the file ends; expected the size of dimension 1 (big-endian int32)"));
        assertTrue(failure(write("empty", new byte[0]), 0, 0, false)
                .endsWith("the file ends; expected the IDX magic number (two zero bytes)"));
    }

    @Test
    void trailingBytesAreRefused() throws IOException {
        byte[] trailing = ubyte(new int[] {2, 3}, ramp(9));
        String message = failure(write("tr", trailing), 0, 18, false);
        assertTrue(message.endsWith("expected the end of the file after 6 data bytes (2 × 3), found 3 trailing bytes"),
                message);
        failure(write("tr.gz", gzip(trailing)), 0, 18, true);
    }

    @Test
    void cutGzipStreamIsReportedAsCorruptWithTheDecompressedOffset() throws IOException {
        byte[] plain = ubyte(new int[] {100, 100}, new byte[10_000]);
        byte[] compressed = gzip(plain);
        Path cut = write("cut.gz", Arrays.copyOf(compressed, compressed.length - 12));
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFile.read(cut));
        assertTrue(e.getMessage().startsWith(cut + ": at byte offset "), e.getMessage());
        assertTrue(e.getMessage().contains("of the decompressed gzip stream: corrupt or truncated gzip stream"),
                e.getMessage());
        assertTrue(e.offset() <= plain.length, "offset counts decompressed bytes read: " + e.offset());
        assertInstanceOf(IOException.class, e.getCause());
    }

    @Test
    void dataFileExceptionIsAnIllegalArgumentException() throws IOException {
        Path file = write("m", new byte[] {1});
        assertInstanceOf(IllegalArgumentException.class, assertThrows(DataFileException.class,
                () -> IdxFile.read(file)));
        assertFalse(IdxFile.read(write("ok", ubyte(new int[] {1}, new byte[1]))).compressed());
    }
}
