package org.example.layers;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mbp.accuracy.LayerGrid;
import org.mbp.accuracy.LayerGridResult;

/**
 * Both layers on mbp's accuracy grid, against the baselines kept in {@code src/test/baselines}.
 * After a deliberate change of accuracy, refresh them with {@code -Dbaselines.update=true} and
 * review the diff.
 */
class AccuracyTest {

    /** How much a cell's error may grow over its baseline before the test fails. */
    private static final double FACTOR = 10;

    private static void check(LayerGridResult result) throws IOException {
        result.assertPassing();
        Path baseline = Path.of("src", "test", "baselines", result.layer() + ".json");
        if (Boolean.getBoolean("baselines.update")) {
            result.writeBaseline(baseline);
        }
        result.assertNoRegression(baseline, FACTOR);
    }

    @Test
    void cubic() throws IOException {
        check(LayerGrid.of("cubic", Cubic::new).run());
    }

    @Test
    void sqrtOfGram() throws IOException {
        check(LayerGrid.of("sqrt-of-gram", MyLayers::sqrtOfGram).run());
    }
}
