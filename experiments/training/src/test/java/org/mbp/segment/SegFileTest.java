package org.mbp.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegFileTest {

    @TempDir
    Path dir;

    /** A 4×2 image: segment 0 is the left half of both rows, 1 the right half of row 0, 2 of row 1. */
    private static final String HEADER = """
            format ascii cr
            date Thu Jan 17 16:02:03 2002
            image 12003
            user 1105
            width 4
            height 2
            segments 3
            gray 0
            invert 0
            flipflop 1
            data
            """;
    private static final String DATA = """
            0 0 0 1
            1 0 2 3
            0 1 0 1
            2 1 2 3
            """;

    private Path file(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text, StandardCharsets.ISO_8859_1);
        return path;
    }

    @Test
    void readsEveryHeaderFieldAndEveryRunIncludingTheFirst() throws IOException {
        HumanSegmentation s = SegFile.read(file("a.seg", HEADER + DATA));
        assertEquals("12003", s.image());
        assertEquals("1105", s.user());
        assertEquals("Thu Jan 17 16:02:03 2002", s.date());
        assertFalse(s.gray());
        assertFalse(s.invert());
        assertTrue(s.flipflop());
        assertEquals(3, s.segments());
        assertArrayEquals(new int[] {0, 0, 1, 1, 0, 0, 2, 2}, s.labels().labels());
    }

    @Test
    void acceptsCrLfAndBlankLinesAndAnyHeaderOrder() throws IOException {
        String shuffled = HEADER.replace("width 4\nheight 2\n", "height 2\nwidth 4\n") + "\n" + DATA + "\n\n";
        HumanSegmentation s = SegFile.read(file("b.seg", shuffled.replace("\n", "\r\n")));
        assertEquals(SegFile.read(file("a.seg", HEADER + DATA)), s);
    }

    @Test
    void writesWhatItReads() throws IOException {
        HumanSegmentation s = SegFile.read(file("a.seg", HEADER + DATA));
        Path out = dir.resolve("copy.seg");
        SegFile.write(out, s);
        assertEquals(HEADER + DATA, Files.readString(out));
        LabelMap map = new LabelMap(5, 3, new int[] {2, 2, 0, 0, 2, 1, 1, 1, 3, 3, 0, 0, 0, 0, 0});
        HumanSegmentation made = new HumanSegmentation("8068", "user-7", "", true, true, false, map);
        SegFile.write(out, made);
        assertEquals(made, SegFile.read(out));
        assertTrue(Files.readString(out).contains("\ndata\n2 0 0 1\n0 0 2 3\n2 0 4 4\n1 1 0 2\n"), Files.readString(out));
    }

    @Test
    void refusesLabelsThatAreNotSegmentIds() {
        LabelMap sparse = new LabelMap(2, 1, new int[] {0, 5});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HumanSegmentation.of("1", "2", sparse))
                .getMessage().contains("relabelled"));
        assertThrows(IllegalArgumentException.class, () -> HumanSegmentation.of("1 2", "2", sparse.relabelled()));
    }

    /** Every malformed file: the message names the file, the line and what is wrong. */
    @Test
    void malformedFilesAreReportedWithFileAndLine() throws IOException {
        String[][] cases = {
            // {content, expected message fragment}
            {HEADER.replace("segments 3\n", "") + DATA, "line 10 (byte 112): header field segments missing before 'data'"},
            {HEADER.replace("width 4", "width four") + DATA, "line 5 (byte 68): width 'four' is not a positive integer"},
            {HEADER.replace("height 2", "height 0") + DATA, "line 6 (byte 76): height '0' is not a positive integer"},
            {HEADER.replace("gray 0", "gray 2") + DATA, "line 8 (byte 96): gray '2' is not 0 or 1"},
            {HEADER.replace("ascii cr", "binary cr") + DATA, "line 1 (byte 0): unsupported format 'binary cr'"},
            {HEADER.replace("user 1105", "user 1105\nuser 1106") + DATA, "line 5 (byte 68): header field 'user' repeated (first on line 4)"},
            {HEADER.replace("invert 0", "inverted 0") + DATA, "line 9 (byte 103): unknown header field 'inverted'"},
            {HEADER.replace("data\n", "") + DATA, "line 11 (byte 123): unknown header field '0'"},
            {HEADER.replace("data\n", ""), "no 'data' line after the header (10 lines read)"},
            {HEADER + DATA.replace("1 0 2 3", "1 0 2 x"), "line 13 (byte 136): last column 'x' is not an integer"},
            {HEADER + DATA.replace("1 0 2 3", "1 0 2"), "line 13 (byte 136): expected 4 integers 's r c1 c2', found 3 fields"},
            {HEADER + DATA.replace("2 1 2 3", "2 2 2 3"), "line 15 (byte 152): row 2 outside the image (rows 0..1)"},
            {HEADER + DATA.replace("1 0 2 3", "1 0 2 4"), "line 13 (byte 136): columns 2..4 not a run inside the image (columns 0..3)"},
            {HEADER + DATA.replace("1 0 2 3", "1 0 3 2"), "line 13 (byte 136): columns 3..2 not a run"},
            {HEADER + DATA.replace("2 1 2 3", "3 1 2 3"), "line 15 (byte 152): segment id 3 outside 0..2 (header: segments 3)"},
            {HEADER + DATA.replace("1 0 2 3", "1 0 1 3"), "line 13 (byte 136): pixel at row 0, column 1 already covered by line 12"},
            {HEADER + DATA.replace("0 1 0 1\n", ""), "2 pixels not covered by any run (first at row 1, column 0"},
            {HEADER.replace("segments 3", "segments 5") + DATA, "header declares 5 segments but 2 of them never occur (ids [3, 4])"},
            {HEADER + DATA.replace("2 1 2 3", "1 1 2 3"), "header declares 3 segments but 1 of them never occur (ids [2])"},
        };
        for (String[] c : cases) {
            Path bad = file("bad.seg", c[0]);
            SegmentationFileException e = assertThrows(SegmentationFileException.class, () -> SegFile.read(bad), c[1]);
            assertTrue(e.getMessage().startsWith(bad + ": "), e.getMessage());
            assertTrue(e.getMessage().contains(c[1]), "expected '" + c[1] + "' in: " + e.getMessage());
        }
        SegmentationFileException missing = assertThrows(SegmentationFileException.class,
                () -> SegFile.read(dir.resolve("none.seg")));
        assertTrue(missing.getMessage().endsWith("none.seg: no such file"), missing.getMessage());
    }
}
