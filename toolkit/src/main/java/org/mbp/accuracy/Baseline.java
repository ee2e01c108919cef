package org.mbp.accuracy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A stored accuracy grid to compare a new run with, so that CI notices when a change makes a
 * gradient less accurate.
 *
 * <p>A cell regresses when its verdict stops passing, when it goes from accurate to
 * ill-conditioned (still within its bound, but no longer usable), when it stops producing an
 * error (it now refuses or fails where it did not), or when its largest error grows by more than
 * {@code factor} over {@code max(stored error, 10 ε)} — the floor keeps last-bit differences of
 * library functions between machines from counting.
 *
 * @param grid  the grid the stored cells were made on (must equal the new run's)
 * @param cells stored cells by key
 */
public record Baseline(AccuracyGrid grid, Map<String, Cell> cells) {

    /** What is kept of a cell. */
    public record Cell(String key, double maxError, double epsilon, Verdict verdict) {
    }

    /** A cell that got worse. */
    public record Regression(String key, String reason) {
    }

    /**
     * The baseline of a run.
     *
     * @param grid the grid
     * @param results the results
     * @return the baseline of a run
     */
    public static Baseline of(AccuracyGrid grid, List<CellResult> results) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (CellResult r : results) {
            cells.put(r.key(), new Cell(r.key(), r.maxError(), r.epsilon(), r.verdict()));
        }
        return new Baseline(grid, cells);
    }

    /**
     * The cells of {@code current} that regressed against this baseline.
     *
     * @param currentGrid the current grid
     * @param current the current
     * @param factor the factor
     * @return the cells of {@code current} that regressed against this baseline
     * @throws IllegalArgumentException when the run is not of this baseline's grid or cells
     */
    public List<Regression> compare(AccuracyGrid currentGrid, List<CellResult> current, double factor) {
        if (!(factor > 1)) {
            throw new IllegalArgumentException("the growth factor must exceed 1, got " + factor);
        }
        if (!grid.equals(currentGrid)) {
            throw new IllegalArgumentException("the baseline was made on a different grid: " + grid
                    + " (this run: " + currentGrid + ")");
        }
        Map<String, CellResult> byKey = new LinkedHashMap<>();
        current.forEach(r -> byKey.put(r.key(), r));
        TreeSet<String> missing = new TreeSet<>(cells.keySet());
        missing.removeAll(byKey.keySet());
        TreeSet<String> extra = new TreeSet<>(byKey.keySet());
        extra.removeAll(cells.keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new IllegalArgumentException("the baseline does not match this run's cells: "
                    + (missing.isEmpty() ? "" : "not run now: " + missing + " ")
                    + (extra.isEmpty() ? "" : "not in the baseline: " + extra));
        }
        List<Regression> regressions = new ArrayList<>();
        for (Cell before : cells.values()) {
            CellResult now = byKey.get(before.key());
            if (before.verdict().passing() && !now.verdict().passing()
                    || before.verdict() == Verdict.ACCURATE && now.verdict() == Verdict.ILL_CONDITIONED) {
                regressions.add(new Regression(before.key(), "verdict went from " + before.verdict().label()
                        + " to " + now.verdict().label() + (now.note().isEmpty() ? "" : " (" + now.note() + ")")));
            } else if (Double.isFinite(before.maxError()) && !Double.isFinite(now.maxError())) {
                regressions.add(new Regression(before.key(), "error was " + before.maxError() + ", now "
                        + now.verdict().label() + (now.note().isEmpty() ? "" : " (" + now.note() + ")")));
            } else if (Double.isFinite(before.maxError())
                    && now.maxError() > factor * Math.max(before.maxError(), 10 * before.epsilon())) {
                regressions.add(new Regression(before.key(), String.format("error grew from %.3g to %.3g (×%.3g,"
                        + " allowed ×%.3g)", before.maxError(), now.maxError(), now.maxError() / before.maxError(),
                        factor)));
            }
        }
        return regressions;
    }
}
