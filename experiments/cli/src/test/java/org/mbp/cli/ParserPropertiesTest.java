package org.mbp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.mbp.accuracy.BaselineFile;
import org.mbp.data.IdxFile;
import org.mbp.io.DenseMatrix;
import org.mbp.io.MatrixFiles;
import org.mbp.nn.Parameter;
import org.mbp.run.CellStore;
import org.mbp.segment.HumanSegmentation;
import org.mbp.segment.LabelMap;
import org.mbp.segment.LabelMapPng;
import org.mbp.segment.SegFile;
import org.mbp.train.Checkpoint;

/**
 * Every file parser under random damage: truncations, byte flips, inserted and deleted bytes
 * and header edits (characters that matter to the format written into its first bytes) of a
 * valid file. Whatever the damage, reading gives either a refusal that {@code mbp} reports as
 * bad input (exit 2: {@link BadInput} maps the exception, and the message is one line free of
 * Java class names and parser internals) or a result that is well formed, is the same when read
 * again, and leaves the file as it was. A checkpoint carries checksums, so for it a result must
 * be exactly the one written.
 */
class ParserPropertiesTest {

    /** Characters that change the meaning of a header: digits, signs, separators, quotes, brackets. */
    private static final byte[] HEADER_EDITS = "-0912,.()'\"<>fiuT{}[]: \n\r\te".getBytes(StandardCharsets.US_ASCII);
    /** Damage within the first bytes, where every format keeps its header. */
    private static final int HEADER_BYTES = 96;

    private static Path dir;

    @BeforeContainer
    static void createFolder() throws IOException {
        dir = Files.createTempDirectory("mbp-parsers");
    }

    @AfterContainer
    static void removeFolder() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** One change to a file's bytes. */
    record Mutation(int kind, double where, int value) {

        byte[] apply(byte[] bytes) {
            if (bytes.length == 0) {
                return bytes;
            }
            int at = (int) (where * (kind == 2 ? Math.min(bytes.length, HEADER_BYTES) : bytes.length));
            at = Math.min(at, bytes.length - 1);
            byte[] out;
            switch (kind) {
                case 0 -> out = Arrays.copyOf(bytes, at);
                case 1 -> {
                    out = bytes.clone();
                    out[at] ^= (byte) (1 << (value % 8));
                }
                case 2 -> {
                    out = bytes.clone();
                    out[at] = HEADER_EDITS[value % HEADER_EDITS.length];
                }
                case 3 -> {
                    out = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, out, 0, at);
                    out[at] = (byte) value;
                    System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
                }
                default -> {
                    out = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, out, 0, at);
                    System.arraycopy(bytes, at + 1, out, at, bytes.length - at - 1);
                }
            }
            return out;
        }
    }

    @Provide
    Arbitrary<List<Mutation>> damage() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 255)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(3);
    }

    private static byte[] damaged(byte[] good, List<Mutation> damage) {
        byte[] bytes = good;
        for (Mutation m : damage) {
            bytes = m.apply(bytes);
        }
        return bytes;
    }

    /** How a parser reads a file. */
    interface Reader<R> {
        R read(Path file) throws Exception;
    }

    /**
     * Reads the damaged file: a clean refusal, or a result that {@code check} accepts and that a
     * second read repeats, with the file unchanged.
     */
    private static <R> void readsOrRefusesCleanly(byte[] bytes, Path file, Reader<R> reader, Consumer<R> check,
            java.util.function.Function<R, Object> identity) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        R result;
        try {
            result = reader.read(file);
        } catch (Exception e) {
            Optional<String> message = BadInput.message(e);
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertTrue(message.isPresent(), "not reported as bad input: " + trace);
            assertClean(message.get());
            assertArrayEquals(bytes, Files.readAllBytes(file), "the file was changed");
            return;
        }
        check.accept(result);
        assertArrayEquals(bytes, Files.readAllBytes(file), "the file was changed");
        try {
            assertEquals(identity.apply(result), identity.apply(reader.read(file)), "a second read differs");
        } catch (Exception e) {
            throw new AssertionError("the second read failed", e);
        }
    }

    static void assertClean(String message) {
        assertFalse(message.contains("\n"), message);
        for (String internal : List.of("java.", "javax.", "Exception", "org.mbp", "Source:")) {
            assertFalse(message.contains(internal), "'" + internal + "' in: " + message);
        }
        assertFalse(message.equals("null") || message.endsWith(": null"), message);
    }

    private static Object matrix(DenseMatrix m) {
        return List.of(m.rows(), m.cols(), Arrays.toString(m.values()));
    }

    private static void wellFormed(DenseMatrix m) {
        assertTrue(m.rows() >= 0 && m.cols() >= 0 && m.values().length == m.rows() * m.cols(), m.toString());
    }

    private static final byte[] NPY = bytes(file -> MatrixFiles.write(file, new DenseMatrix(2, 3,
            new double[] {1, -2.5, 3, 0.1, 5e-300, -6}), false), "good.npy");
    private static final byte[] CSV = bytes(file -> MatrixFiles.write(file, new DenseMatrix(3, 2,
            new double[] {1, -2.5, 3, 0.1, 5e-300, -6}), false), "good.csv");

    private interface Writer {
        void write(Path file) throws IOException;
    }

    private static byte[] bytes(Writer writer, String name) {
        try {
            Path folder = Files.createTempDirectory("mbp-good");
            Path file = folder.resolve(name);
            writer.write(file);
            byte[] b = Files.readAllBytes(file);
            Files.delete(file);
            Files.delete(folder);
            return b;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 200)
    void npyFiles(@ForAll("damage") List<Mutation> damage) throws IOException {
        readsOrRefusesCleanly(damaged(NPY, damage), dir.resolve("m.npy"), MatrixFiles::read,
                ParserPropertiesTest::wellFormed, ParserPropertiesTest::matrix);
    }

    /**
     * The committed gradcheck baseline, damaged: a clean refusal naming the file, cell and field, or
     * a baseline that reads the same twice (a flipped digit can give another valid baseline).
     */
    @Property(tries = 200)
    void gradcheckBaselines(@ForAll("damage") List<Mutation> damage) throws IOException {
        readsOrRefusesCleanly(damaged(Files.readAllBytes(GradCheckCommandTest.BASELINE), damage),
                dir.resolve("baseline.json"), f -> BaselineFile.read(f, "--baseline"),
                baseline -> assertFalse(baseline.cells().isEmpty()), baseline -> baseline);
    }

    @Property(tries = 200)
    void csvFiles(@ForAll("damage") List<Mutation> damage) throws IOException {
        readsOrRefusesCleanly(damaged(CSV, damage), dir.resolve("m.csv"), MatrixFiles::read,
                ParserPropertiesTest::wellFormed, ParserPropertiesTest::matrix);
    }

    private static final byte[] IDX = ByteBuffer.allocate(4 + 12 + 18).put(new byte[] {0, 0, IdxFile.UNSIGNED_BYTE, 3})
            .putInt(2).putInt(3).putInt(3).put(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
                (byte) 255}, 0, 18).array();

    @Property(tries = 200)
    void idxFiles(@ForAll("damage") List<Mutation> damage) throws IOException {
        readsOrRefusesCleanly(damaged(IDX, damage), dir.resolve("images.idx"), f -> IdxFile.read(f, 3), idx -> {
            long product = 1;
            for (int d : idx.dimensions()) {
                product *= d;
            }
            assertEquals(product, idx.size());
        }, idx -> {
            StringBuilder b = new StringBuilder(Arrays.toString(idx.dimensions()));
            for (int i = 0; i < idx.size(); i++) {
                b.append(',').append(idx.value(i));
            }
            return b.toString();
        });
    }

    private static final byte[] SEG = """
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
            0 0 0 1
            1 0 2 3
            0 1 0 1
            2 1 2 3
            """.getBytes(StandardCharsets.ISO_8859_1);

    private static void wellFormed(LabelMap labels) {
        assertEquals(labels.width() * labels.height(), labels.labels().length);
        assertTrue(Arrays.stream(labels.labels()).allMatch(l -> l >= 0), labels.toString());
    }

    @Property(tries = 200)
    void segFiles(@ForAll("damage") List<Mutation> damage) throws IOException {
        readsOrRefusesCleanly(damaged(SEG, damage), dir.resolve("human.seg"), SegFile::read,
                s -> wellFormed(s.labels()), HumanSegmentation::toString);
    }

    private static final byte[] PNG = bytes(file -> LabelMapPng.write(file, new LabelMap(4, 3,
            new int[] {0, 0, 1, 1, 0, 2, 2, 1, 3, 3, 3, 1})), "labels.png");

    @Property(tries = 200)
    void pngLabelMaps(@ForAll("damage") List<Mutation> damage) throws IOException {
        readsOrRefusesCleanly(damaged(PNG, damage), dir.resolve("labels.png"), LabelMapPng::read,
                ParserPropertiesTest::wellFormed, LabelMap::toString);
    }

    private static final byte[] CELLS = bytes(file -> {
        try (CellStore store = CellStore.create(file.getParent(), new CellStore.Header("gap", 7,
                Map.of("size", 4, "gaps", List.of(0.01, 1e-4)), 3, null))) {
            store.append(new CellStore.StoredCell(0, 0.25, List.of(Map.of("gap", 0.01, "error", 1e-14))));
            store.append(new CellStore.StoredCell(2, 0.5, List.of(Map.of("gap", 1e-4, "error", 3e-12))));
        }
    }, "cells.jsonl");

    @Property(tries = 200)
    void cellStores(@ForAll("damage") List<Mutation> damage) throws IOException {
        Path folder = dir.resolve("study");
        readsOrRefusesCleanly(damaged(CELLS, damage), CellStore.file(folder), f -> CellStore.read(f.getParent()),
                contents -> contents.cells().keySet().forEach(i -> assertTrue(i >= 0 && i < contents.header().cells())),
                CellStore.Contents::toString);
    }

    private static final List<Parameter> PARAMETERS = List.of(new Parameter("w", 3, 2), new Parameter("v", 2, 3));
    private static final Checkpoint CHECKPOINT = new Checkpoint(Map.of("task", Map.of("variant", "gap")), 0,
            new double[][] {{1, -2, 3.5, 0, 1e-300, 7}, {0.5, 0.25, -1, 2, 4, 8}},
            new double[][] {{0, 0, 0.125, 0, 0, -1}, {1, 2, 3, 0, 0, 0}}, List.of());
    private static final byte[] CHECKPOINT_BYTES = bytes(file -> CHECKPOINT.write(file.getParent()), Checkpoint.FILE);

    private static Object checkpoint(Checkpoint c) {
        return List.of(c.settings(), c.epoch(), Arrays.deepToString(c.weights()), Arrays.deepToString(c.velocity()),
                c.history());
    }

    @Property(tries = 200)
    void checkpoints(@ForAll("damage") List<Mutation> damage) throws IOException {
        Path folder = dir.resolve("run");
        readsOrRefusesCleanly(damaged(CHECKPOINT_BYTES, damage), folder.resolve(Checkpoint.FILE),
                f -> Checkpoint.read(f.getParent(), PARAMETERS),
                c -> assertEquals(checkpoint(CHECKPOINT), checkpoint(c), "a damaged checkpoint read as other values"),
                ParserPropertiesTest::checkpoint);
    }
}
