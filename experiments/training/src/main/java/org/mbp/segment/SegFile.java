package org.mbp.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mbp.io.AtomicFile;

/**
 * The BSDS300 human-segmentation format ({@code .seg}, "format ascii cr"). A header of
 * {@code key value} lines
 * <pre>
 * format ascii cr
 * date Thu Jan 17 16:02:03 2002
 * image 100075
 * user 1105
 * width 481
 * height 321
 * segments 9
 * gray 0
 * invert 0
 * flipflop 0
 * data
 * </pre>
 * (every field required, each once, in any order), then one line {@code s r c1 c2} per run: in
 * row {@code r}, columns {@code c1 .. c2} inclusive belong to segment {@code s}, all 0-based.
 * Every data line is a run, the first included. Blank lines are ignored; lines may end in CR LF.
 *
 * <p>The reader checks what the format promises: the runs lie inside the image, cover every pixel
 * exactly once, and use every segment id {@code 0 .. segments-1} and no other. Errors are
 * {@link SegmentationFileException}s naming the file, the line and its byte offset. The writer
 * emits one run per maximal horizontal stretch of equal labels, so reading what it wrote gives
 * the same {@link HumanSegmentation}.
 */
public final class SegFile {

    private static final List<String> FIELDS = List.of("format", "date", "image", "user", "width",
            "height", "segments", "gray", "invert", "flipflop");
    private static final int MAX_LISTED = 10;

    private SegFile() {
    }

    /**
     * Reads and validates a {@code .seg} file.
     *
     * @param file the file
     * @return and validates a {@code .seg} file
     */
    public static HumanSegmentation read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw SegmentationFileException.unreadable(file, e);
        }
        return parse(content, file.toString());
    }

    /**
     * Parses and validates the content of a {@code .seg} file; {@code source} names it in errors.
     *
     * @param content the content
     * @param source the source
     * @return and validates the content of a {@code .seg} file; {@code source} names it in errors
     */
    public static HumanSegmentation parse(byte[] content, String source) {
        return new Parser(content, source).parse();
    }

    /**
     * Writes a segmentation atomically in the format {@link #read} accepts.
     *
     * @param file the file
     * @param segmentation the segmentation
     * @throws IOException if reading or writing fails
     */
    public static void write(Path file, HumanSegmentation segmentation) throws IOException {
        AtomicFile.writeString(file, format(segmentation));
    }

    /**
     * The text of the {@code .seg} file of a segmentation.
     *
     * @param s the value s
     * @return the text of the {@code .seg} file of a segmentation
     */
    public static String format(HumanSegmentation s) {
        LabelMap map = s.labels();
        StringBuilder text = new StringBuilder();
        text.append("format ascii cr\n");
        text.append(s.date().isEmpty() ? "date" : "date " + s.date()).append('\n');
        text.append("image ").append(s.image()).append('\n');
        text.append("user ").append(s.user()).append('\n');
        text.append("width ").append(map.width()).append('\n');
        text.append("height ").append(map.height()).append('\n');
        text.append("segments ").append(s.segments()).append('\n');
        text.append("gray ").append(s.gray() ? 1 : 0).append('\n');
        text.append("invert ").append(s.invert() ? 1 : 0).append('\n');
        text.append("flipflop ").append(s.flipflop() ? 1 : 0).append('\n');
        text.append("data\n");
        int[] labels = map.labels();
        int width = map.width();
        for (int r = 0; r < map.height(); r++) {
            int start = 0;
            for (int c = 1; c <= width; c++) {
                if (c == width || labels[r * width + c] != labels[r * width + start]) {
                    text.append(labels[r * width + start]).append(' ').append(r).append(' ')
                            .append(start).append(' ').append(c - 1).append('\n');
                    start = c;
                }
            }
        }
        return text.toString();
    }

    /** One pass over the lines of a file, remembering where each line starts. */
    private static final class Parser {
        private final byte[] content;
        private final String source;
        private int position;
        private int lineNumber;
        private int lineStart;

        Parser(byte[] content, String source) {
            this.content = content;
            this.source = source;
        }

        HumanSegmentation parse() {
            Map<String, String> header = new LinkedHashMap<>();
            Map<String, Integer> headerLine = new LinkedHashMap<>();
            Map<String, Integer> headerOffset = new LinkedHashMap<>();
            String line;
            while (true) {
                line = nextLine();
                if (line == null) {
                    throw new SegmentationFileException(source + ": no 'data' line after the header ("
                            + lineNumber + " lines read)");
                }
                String text = line.strip();
                if (text.isEmpty()) {
                    continue;
                }
                if (text.equals("data")) {
                    break;
                }
                String[] keyValue = text.split("\\s+", 2);
                String key = keyValue[0];
                if (!FIELDS.contains(key)) {
                    throw error("unknown header field '" + key + "' (expected one of " + FIELDS + " or 'data')");
                }
                if (header.containsKey(key)) {
                    throw error("header field '" + key + "' repeated (first on line " + headerLine.get(key) + ")");
                }
                header.put(key, keyValue.length > 1 ? keyValue[1].strip() : "");
                headerLine.put(key, lineNumber);
                headerOffset.put(key, lineStart);
            }
            List<String> missing = new ArrayList<>();
            for (String field : FIELDS) {
                if (!header.containsKey(field)) {
                    missing.add(field);
                }
            }
            if (!missing.isEmpty()) {
                throw error("header field" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                        + " missing before 'data'");
            }
            Header h = new Header(header, headerLine, headerOffset);
            if (!header.get("format").equals("ascii cr")) {
                throw h.error("format", "unsupported format '" + header.get("format") + "' (only 'ascii cr')");
            }
            int width = h.positive("width");
            int height = h.positive("height");
            int segments = h.positive("segments");
            if ((long) width * height > Integer.MAX_VALUE - 8) {
                throw h.error("height", "image of " + width + "×" + height + " pixels is too large");
            }
            String image = h.token("image");
            String user = h.token("user");
            return new HumanSegmentation(image, user, header.get("date"), h.flag("gray"), h.flag("invert"),
                    h.flag("flipflop"), readRuns(width, height, segments));
        }

        private LabelMap readRuns(int width, int height, int segments) {
            int[] labels = new int[width * height];
            int[] coveredBy = new int[width * height];
            boolean[] used = new boolean[segments];
            String line;
            while ((line = nextLine()) != null) {
                String text = line.strip();
                if (text.isEmpty()) {
                    continue;
                }
                String[] fields = text.split("\\s+");
                if (fields.length != 4) {
                    throw error("expected 4 integers 's r c1 c2', found " + fields.length + " fields: '" + text + "'");
                }
                int s = integer(fields[0], "segment");
                int r = integer(fields[1], "row");
                int c1 = integer(fields[2], "first column");
                int c2 = integer(fields[3], "last column");
                if (s < 0 || s >= segments) {
                    throw error("segment id " + s + " outside 0.." + (segments - 1) + " (header: segments "
                            + segments + ")");
                }
                if (r < 0 || r >= height) {
                    throw error("row " + r + " outside the image (rows 0.." + (height - 1) + ")");
                }
                if (c1 < 0 || c2 >= width || c1 > c2) {
                    throw error("columns " + c1 + ".." + c2 + " not a run inside the image (columns 0.."
                            + (width - 1) + ")");
                }
                for (int c = c1; c <= c2; c++) {
                    int p = r * width + c;
                    if (coveredBy[p] != 0) {
                        throw error("pixel at row " + r + ", column " + c + " already covered by line " + coveredBy[p]);
                    }
                    coveredBy[p] = lineNumber;
                    labels[p] = s;
                }
                used[s] = true;
            }
            checkComplete(coveredBy, width, used);
            return new LabelMap(width, height, labels);
        }

        private void checkComplete(int[] coveredBy, int width, boolean[] used) {
            int uncovered = 0;
            int first = -1;
            for (int p = 0; p < coveredBy.length; p++) {
                if (coveredBy[p] == 0) {
                    uncovered++;
                    first = first < 0 ? p : first;
                }
            }
            if (uncovered > 0) {
                throw new SegmentationFileException(source + ": " + uncovered + " pixel" + (uncovered > 1 ? "s" : "")
                        + " not covered by any run (first at row " + first / width + ", column " + first % width
                        + "; data ends at line " + lineNumber + ")");
            }
            List<Integer> unused = new ArrayList<>();
            for (int s = 0; s < used.length; s++) {
                if (!used[s]) {
                    unused.add(s);
                }
            }
            if (!unused.isEmpty()) {
                throw new SegmentationFileException(source + ": header declares " + used.length + " segments but "
                        + unused.size() + " of them never occur (ids " + listed(unused) + ")");
            }
        }

        private int integer(String text, String what) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw error(what + " '" + text + "' is not an integer");
            }
        }

        /** The next line without its line break, or null at the end; updates the line counters. */
        private String nextLine() {
            if (position >= content.length) {
                return null;
            }
            lineStart = position;
            lineNumber++;
            int end = position;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            position = end + 1;
            int stop = end > lineStart && content[end - 1] == '\r' ? end - 1 : end;
            return new String(content, lineStart, stop - lineStart, StandardCharsets.ISO_8859_1);
        }

        private SegmentationFileException error(String message) {
            return new SegmentationFileException(at(lineNumber, lineStart) + message);
        }

        private String at(int line, int offset) {
            return source + ": line " + line + " (byte " + offset + "): ";
        }

        /** The header's fields with the place each came from. */
        private final class Header {
            private final Map<String, String> values;
            private final Map<String, Integer> lines;
            private final Map<String, Integer> offsets;

            Header(Map<String, String> values, Map<String, Integer> lines, Map<String, Integer> offsets) {
                this.values = values;
                this.lines = lines;
                this.offsets = offsets;
            }

            int positive(String field) {
                String text = values.get(field);
                try {
                    int value = Integer.parseInt(text);
                    if (value >= 1) {
                        return value;
                    }
                } catch (NumberFormatException e) {
                    // reported below with the place
                }
                throw error(field, field + " '" + text + "' is not a positive integer");
            }

            boolean flag(String field) {
                String text = values.get(field);
                if (!text.equals("0") && !text.equals("1")) {
                    throw error(field, field + " '" + text + "' is not 0 or 1");
                }
                return text.equals("1");
            }

            String token(String field) {
                String text = values.get(field);
                if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
                    throw error(field, field + " '" + text + "' is not one token");
                }
                return text;
            }

            SegmentationFileException error(String field, String message) {
                return new SegmentationFileException(at(lines.get(field), offsets.get(field)) + message);
            }
        }
    }

    private static String listed(List<Integer> ids) {
        List<Integer> shown = ids.subList(0, Math.min(ids.size(), MAX_LISTED));
        String text = shown.toString();
        return ids.size() > MAX_LISTED ? text.substring(0, text.length() - 1) + ", …]" : text;
    }
}
