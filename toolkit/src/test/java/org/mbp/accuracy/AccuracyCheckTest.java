package org.mbp.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mbp.layer.BatchExecutor;

/** The quick accuracy grid: what it must show, and the baseline comparison. */
class AccuracyCheckTest {

    private static List<CellResult> results;
    private static Map<String, CellResult> byKey;

    @BeforeAll
    static void runQuickGrid() {
        try (BatchExecutor executor = new BatchExecutor(2)) {
            results = AccuracyCheck.run(AccuracyGrid.quick(), LayerFamilies.all(), AccuracyCheck.defaultBackends(),
                    executor, r -> { });
        }
        byKey = results.stream().collect(Collectors.toMap(CellResult::key, Function.identity()));
    }

    private static CellResult cell(String layer, String form, String precision, String spectrum) {
        return byKey.get(layer + "|" + form + "|" + precision + "|" + spectrum);
    }

    @Test
    void everyCellPassesAndEveryStableCellIsAccurate() {
        assertEquals(160, results.size());
        for (CellResult r : results) {
            assertTrue(r.verdict().passing(), r.key() + ": " + r.verdict() + " " + r.maxError() + " " + r.note());
            if (r.form().equals("stable")) {
                assertEquals(Verdict.ACCURATE, r.verdict(), r.key());
            }
        }
    }

    /**
     * The paper's EIG form loses accuracy like ε/gap as two eigenvalues approach; the stable form
     * does not: at a relative gap of 1e-12 in double the stable form stays near ε while the
     * paper's form is off by more than 1e-8.
     */
    @Test
    void paperFormDegradesWithTheGapAndTheStableFormDoesNot() {
        double previous = 0;
        for (String spectrum : List.of("separated", "clustered(1.0E-4)", "clustered(1.0E-8)", "clustered(1.0E-12)")) {
            double paper = cell("log(Z)", "paper", "double", spectrum).maxError();
            assertTrue(paper > previous, spectrum + ": " + paper + " after " + previous);
            previous = paper;
            assertTrue(cell("log(Z)", "stable", "double", spectrum).maxError() < 1e-14, spectrum);
        }
        assertTrue(previous > 1e-8, "paper form at gap 1e-12: " + previous);
    }

    @Test
    void baselineFlagsGrowthAndNewFailuresButNotItself() {
        AccuracyGrid grid = AccuracyGrid.quick();
        Baseline baseline = Baseline.of(grid, results);
        assertTrue(baseline.compare(grid, results, 10).isEmpty());
        List<CellResult> worse = new ArrayList<>(results);
        CellResult first = worse.get(0);
        worse.set(0, new CellResult(first.layer(), first.form(), first.precision(), first.spectrum(),
                first.medianError() * 100, first.maxError() * 1e6, first.epsilon(), first.amplification(),
                first.verdict(), first.diagnostics(), ""));
        CellResult last = worse.get(worse.size() - 1);
        worse.set(worse.size() - 1, new CellResult(last.layer(), last.form(), last.precision(), last.spectrum(),
                Double.NaN, Double.NaN, last.epsilon(), 1, Verdict.FAILED, last.diagnostics(), "boom"));
        List<Baseline.Regression> regressions = baseline.compare(grid, worse, 10);
        assertEquals(2, regressions.size(), regressions.toString());
        assertTrue(regressions.get(0).reason().contains("error grew"), regressions.toString());
        assertTrue(regressions.get(1).reason().contains("verdict went from accurate to failed"), regressions.toString());
        IllegalArgumentException grids = assertThrows(IllegalArgumentException.class,
                () -> baseline.compare(new AccuracyGrid(6, 1, 50, grid.seed()), results, 10));
        assertTrue(grids.getMessage().contains("different grid"));
        IllegalArgumentException cells = assertThrows(IllegalArgumentException.class,
                () -> baseline.compare(grid, results.subList(1, results.size()), 10));
        assertTrue(cells.getMessage().contains("not run now"));
    }
}
