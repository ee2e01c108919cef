package org.mbp.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mbp.run.Chart;

/** The Table-2 findings: the margin over the stronger baseline decides the verdict; table and numbers. */
class DeepNCutsFindingsTest {

    private static final CoveringFigures UNTRAINED = new CoveringFigures(0.5, 0.55, 0.6, 0.7, 0.75, 0.8);
    private static final CoveringFigures COLOUR = new CoveringFigures(0.52, 0.5, 0.5, 0.5, 0.5, 0.5);

    /** Two epochs, the last scoring {@code ods} (and fixed other figures). */
    private static DeepNCutsFindings findings(double ods) {
        List<Epoch> history = new ArrayList<>();
        for (int e = 1; e <= 2; e++) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("train_rank_W", 19.0);
            metrics.put("train_segments", 10.0);
            double[] figures = {e == 2 ? ods : 0.3, 0.61, 0.62, 0.63, 0.64, 0.65};
            for (int i = 0; i < figures.length; i++) {
                metrics.put("test_" + CoveringFigures.COLUMNS.get(i), figures[i]);
            }
            history.add(new Epoch(e, 0.1, 9.0 / e, metrics, 4, 3, 2, 1));
        }
        Map<String, CoveringFigures> baselines = new LinkedHashMap<>();
        baselines.put("NCuts on untrained features", UNTRAINED);
        baselines.put("NCuts on colour + position", COLOUR);
        return new DeepNCutsFindings(SegmentationTask.Loss.J2, history, baselines);
    }

    @Test
    void theMarginOverTheStrongerBaselineDecides() {
        assertEquals("Supported: ODS 0.5700 vs the best baseline's 0.5200 (margin +0.0500, target +0.04).",
                findings(0.57).verdict().labelled());
        assertEquals("Not met: ODS 0.5500 vs the best baseline's 0.5200 (margin +0.0300, target +0.04).",
                findings(0.55).verdict().labelled());
        assertEquals("Not met: ODS 0.4000 vs the best baseline's 0.5200 (margin -0.1200, target +0.04).",
                findings(0.40).verdict().labelled());
    }

    @Test
    void theTableListsTheBaselinesThenTheLastEpoch() {
        DeepNCutsFindings f = findings(0.57);
        assertEquals(List.of(
                List.of("NCuts on untrained features", "0.5000", "0.5500", "0.6000", "0.7000", "0.7500", "0.8000"),
                List.of("NCuts on colour + position", "0.5200", "0.5000", "0.5000", "0.5000", "0.5000", "0.5000"),
                List.of("DeepNCuts, J2 (epoch 2)", "0.5700", "0.6100", "0.6200", "0.6300", "0.6400", "0.6500")),
                f.rows());
        assertEquals(List.of("learned_ods", "NCuts on untrained features", "NCuts on colour + position",
                "margin_over_best_baseline"), List.copyOf(f.numbers().keySet()));
        assertEquals(0.57 - 0.52, (Double) f.numbers().get("margin_over_best_baseline"), 0);
        assertEquals(8, f.trainingSeconds());
        assertEquals(List.of("covering", "objective", "rank", "batch-time"), f.charts(4).stream().map(Chart::file)
                .toList(), "no features-gradient column, no chart");
        assertEquals(2, f.charts(4).get(0).spec().guides().size(), "one guide per baseline");
    }
}
