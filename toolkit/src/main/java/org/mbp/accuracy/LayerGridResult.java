package org.mbp.accuracy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.mbp.io.AtomicFile;

/**
 * What a {@link LayerGrid} measured, with the assertions a test makes on it and the baseline it
 * is compared with ({@link BaselineFile}'s format, the same as {@code mbp gradcheck}'s).
 *
 * @param layer      the layer's name
 * @param grid       the grid
 * @param precisions the names of the backends, in order
 * @param cells      one result per precision and spectrum
 */
public record LayerGridResult(String layer, AccuracyGrid grid, List<String> precisions, List<CellResult> cells) {

    /** What {@link #json()} names as the command that made the file. */
    public static final String COMMAND = "layer-grid";

    /**
     * Copies the lists.
     *
     * @param layer      the layer's name
     * @param grid       the grid
     * @param precisions the names of the backends, in order
     * @param cells      one result per precision and spectrum
     */
    public LayerGridResult {
        precisions = List.copyOf(precisions);
        cells = List.copyOf(cells);
    }

    /**
     * The result in the baseline format.
     *
     * @return indented JSON ending in a newline
     */
    public String json() {
        return BaselineFile.json(COMMAND, null, grid, precisions, cells);
    }

    /**
     * Writes the result as a baseline (atomically: an interrupted write leaves the old file).
     *
     * @param file where
     * @throws IOException when it cannot be written
     */
    public void writeBaseline(Path file) throws IOException {
        AtomicFile.writeString(file, json());
    }

    /**
     * The cells that regressed against a stored baseline (see {@link Baseline} for the rule).
     *
     * @param baseline the stored result
     * @param factor   the largest allowed growth of a cell's error, above 1
     * @return the regressions, empty when there is none
     * @throws IllegalArgumentException when the baseline cannot be read, is invalid (named by
     *                                  file, cell and field), or is of another grid or other cells
     */
    public List<Baseline.Regression> regressions(Path baseline, double factor) {
        return BaselineFile.read(baseline, "baseline").compare(grid, cells, factor);
    }

    /**
     * Fails unless every cell is as accurate as the stored baseline, within {@code factor}.
     *
     * @param baseline the stored result; when it does not exist the assertion fails saying how to
     *                 make it
     * @param factor   the largest allowed growth of a cell's error, above 1
     * @throws AssertionError naming each regressed cell and why
     * @throws IllegalArgumentException when the baseline is invalid or of another grid or cells
     */
    public void assertNoRegression(Path baseline, double factor) {
        if (!Files.exists(baseline)) {
            throw new AssertionError(layer + ": no accuracy baseline at " + baseline + ": write one with"
                    + " writeBaseline, review it, and keep it with the tests");
        }
        List<Baseline.Regression> found = regressions(baseline, factor);
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " accuracy regression(s) of " + layer + " against " + baseline
                    + " (factor " + factor + "):" + found.stream().map(r -> "\n  " + r.key() + ": " + r.reason())
                    .collect(Collectors.joining()));
        }
    }

    /**
     * Fails when a cell is inaccurate (its error exceeds what the input's conditioning explains)
     * or failed (an undocumented exception or a non-finite gradient).
     *
     * @throws AssertionError naming each such cell with its error and bound or note
     */
    public void assertPassing() {
        List<String> bad = cells.stream().filter(c -> !c.verdict().passing()).map(c -> "\n  " + c.key() + ": "
                + c.verdict().label() + (c.note().isEmpty() ? String.format(" (error %.3g, bound %.3g)", c.maxError(),
                c.bound()) : " (" + c.note() + ")")).toList();
        if (!bad.isEmpty()) {
            throw new AssertionError(bad.size() + " cell(s) of " + layer + " not passing:" + String.join("", bad));
        }
    }
}
