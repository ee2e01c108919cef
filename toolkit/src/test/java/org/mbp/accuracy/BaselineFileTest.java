package org.mbp.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbp.layer.Diagnostics;

/** The baseline format: written without timing, read back exactly, and refused field by field. */
class BaselineFileTest {

    private static final double EPS = Math.ulp(1.0);
    private static final AccuracyGrid GRID = AccuracyGrid.quick();

    @TempDir
    Path dir;

    private static CellResult cell(String spectrum, double error, Verdict verdict, String note) {
        return new CellResult("cubic", "paper", "double", spectrum, error, error, EPS, 10, verdict, Diagnostics.none(),
                note);
    }

    private static final List<CellResult> CELLS = List.of(cell("separated", 3e-16, Verdict.ACCURATE, ""),
            cell("clustered(1.0E-12)", 0.5, Verdict.ILL_CONDITIONED, ""),
            cell("rank(2)", Double.NaN, Verdict.REFUSED, "an exact tie"));

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("baseline.json"), text);
    }

    @Test
    void aRunReadsBackAsItsOwnBaselineWithoutTiming() throws IOException {
        String json = BaselineFile.json("layer-grid", null, GRID, List.of("double"), CELLS);
        assertFalse(json.contains("created") || json.contains("seconds") || json.contains("version"), json);
        assertEquals(json, BaselineFile.json("layer-grid", null, GRID, List.of("double"), CELLS), "deterministic");
        Baseline read = BaselineFile.read(write(json), "baseline");
        assertEquals(GRID, read.grid());
        assertEquals(List.of(3e-16, 0.5), read.cells().values().stream().map(Baseline.Cell::maxError).limit(2).toList());
        assertTrue(Double.isNaN(read.cells().get("cubic|paper|double|rank(2)").maxError()));
        assertEquals(Verdict.REFUSED, read.cells().get("cubic|paper|double|rank(2)").verdict());
        assertTrue(read.compare(GRID, CELLS, 10).isEmpty());
    }

    @Test
    void theProjectsBaselineIsValid() {
        Baseline committed = BaselineFile.read(Path.of("..", "docs", "gradcheck", "baseline-quick.json"), "baseline");
        assertEquals(160, committed.cells().size());
        assertEquals(AccuracyGrid.quick(), committed.grid());
    }

    @Test
    void accurateToIllConditionedIsARegression() {
        Baseline baseline = Baseline.of(GRID, CELLS);
        List<CellResult> now = List.of(cell("separated", 2e-16, Verdict.ILL_CONDITIONED, ""), CELLS.get(1),
                CELLS.get(2));
        List<Baseline.Regression> regressions = baseline.compare(GRID, now, 10);
        assertEquals(1, regressions.size(), regressions.toString());
        assertEquals("cubic|paper|double|separated", regressions.get(0).key());
        assertEquals("verdict went from accurate to ill-conditioned", regressions.get(0).reason());
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                fault("max_error a word", c -> c.put("max_error", "abc"),
                        "cell 1 (cubic|paper|double|separated): \"max_error\" must be a number ≥ 0, got \"abc\""),
                fault("max_error a quoted number", c -> c.put("max_error", "1e-9"),
                        "\"max_error\" must be a number ≥ 0, got \"1e-9\""),
                fault("max_error missing", c -> c.remove("max_error"), "\"max_error\" must be a number ≥ 0, got nothing"),
                fault("max_error negative", c -> c.put("max_error", -1e-15), "\"max_error\" must be a number ≥ 0, got -1.0E-15"),
                fault("max_error null for a measured cell", c -> c.putNull("max_error"), "\"max_error\" must be a number"),
                fault("unknown verdict", c -> c.put("verdict", "BANANA"), "\"verdict\" must be one of accurate,"
                        + " ill-conditioned, inaccurate, refused, failed, got \"BANANA\""),
                fault("epsilon zero", c -> c.put("epsilon", 0), "\"epsilon\" must lie in (0, 1), got 0.0"),
                fault("key not its parts", c -> c.put("key", "other|paper|double|separated"),
                        "\"key\" is not layer|form|precision|spectrum (cubic|paper|double|separated)"),
                fault("bound a string", c -> c.put("bound", "1"), "\"bound\" must be a number ≥ 0 or null, got \"1\""),
                fault("note a number", c -> c.put("note", 3), "\"note\" must be a string"));
    }

    private static Arguments fault(String name, Consumer<ObjectNode> firstCell, String message) {
        return Arguments.of(name, (Consumer<ObjectNode>) root -> firstCell.accept((ObjectNode) root.withArray("cells")
                .get(0)), message);
    }

    static Stream<Arguments> rootFaults() {
        return Stream.of(
                Arguments.of("another format", (Consumer<ObjectNode>) r -> r.put("format", 2),
                        "not a gradcheck result of format 1"),
                Arguments.of("grid size out of range", (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("grid"))
                        .put("size", 3), "grid size must lie in [4, 64], got 3"),
                Arguments.of("grid seeds a string", (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("grid"))
                        .put("seeds", "1"), "grid: \"seeds\" must be an integer, got \"1\""),
                Arguments.of("no cells", (Consumer<ObjectNode>) r -> r.putArray("cells"), "no cells"),
                Arguments.of("a repeated cell", (Consumer<ObjectNode>) r -> {
                    ArrayNode cells = r.withArray("cells");
                    cells.add(cells.get(0).deepCopy());
                }, "cell 4 (cubic|paper|double|separated): the key repeats an earlier cell"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"faults", "rootFaults"})
    void aDamagedBaselineIsRefusedNamingTheFileCellAndField(String name, Consumer<ObjectNode> damage, String message)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(BaselineFile.json("layer-grid", null, GRID, List.of("double"),
                CELLS));
        damage.accept(root);
        Path file = write(mapper.writeValueAsString(root));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BaselineFile.read(file,
                "--baseline"));
        assertTrue(e.getMessage().startsWith("--baseline " + file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aMissingOrMalformedFileIsNamed() throws IOException {
        Path none = dir.resolve("none.json");
        assertEquals("baseline " + none + ": no such file", assertThrows(IllegalArgumentException.class,
                () -> BaselineFile.read(none, "baseline")).getMessage());
        Path garbage = write("{not json");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BaselineFile.read(garbage, "baseline"))
                .getMessage().startsWith("baseline " + garbage + ": not a readable JSON file"));
    }
}
