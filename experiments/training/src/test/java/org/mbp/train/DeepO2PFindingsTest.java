package org.mbp.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mbp.run.Chart;

/** The Table-1 findings: the verdict's cases, the table and the numbers, from typed epochs. */
class DeepO2PFindingsTest {

    /** A run of {@code accuracies.length} epochs ending at the last accuracy, 10 s and 100 images/s each. */
    private static DeepO2PFindings.VariantRun run(ClassifierVariant variant, double... accuracies) {
        List<Epoch> history = new ArrayList<>();
        for (int e = 0; e < accuracies.length; e++) {
            history.add(new Epoch(e + 1, 0.01, 1.0 / (e + 1), Map.of("test_accuracy", accuracies[e]), 10, 100 + e,
                    640, 1000));
        }
        return new DeepO2PFindings.VariantRun(variant, history);
    }

    private static String verdict(double o2p, double gap, int testImages) {
        return new DeepO2PFindings(List.of(run(ClassifierVariant.O2P_FC, o2p), run(ClassifierVariant.GAP_FC, gap)),
                testImages).verdict().labelled();
    }

    @Test
    void theVerdictNamesWhatHeldAndWhatDidNot() {
        assertEquals("Supported: DeepO2P-FC 93.00% vs GAP-FC 92.50% on 10000 test images.",
                verdict(0.93, 0.925, 10000));
        assertEquals("Not met: DeepO2P-FC 93.00% vs GAP-FC 94.00% on 10000 test images; DeepO2P-FC does not beat its"
                + " baseline.", verdict(0.93, 0.94, 10000));
        assertEquals("Not met: DeepO2P-FC 91.00% vs GAP-FC 90.00% on 10000 test images; DeepO2P-FC beats its baseline,"
                + " below the 92% target.", verdict(0.91, 0.90, 10000));
        assertEquals("Not met: DeepO2P-FC 95.00% vs GAP-FC 90.00% on 1000 test images; DeepO2P-FC beats its baseline"
                + " (the target is set on the full 10k test set).", verdict(0.95, 0.90, 1000));
        assertEquals("Not assessed: the claim compares DeepO2P-FC with GAP-FC, and this run trained [deepo2p-fc, gap].",
                new DeepO2PFindings(List.of(run(ClassifierVariant.O2P_FC, 0.9), run(ClassifierVariant.GAP, 0.8)), 64)
                        .verdict().labelled());
    }

    @Test
    void tableNumbersAndResultsComeFromTheLastEpochs() {
        DeepO2PFindings f = new DeepO2PFindings(List.of(run(ClassifierVariant.O2P_FC, 0.5, 0.75),
                run(ClassifierVariant.GAP, 0.25, 0.5, 0.625)), 64);
        assertEquals(List.of(List.of("DeepO2P-FC", "2", "25.00", "0.7500", "101", "1000", "20"),
                List.of("First-order (GAP)", "3", "37.50", "0.6250", "101", "1000", "30")), f.rows());
        assertEquals(f.header().size(), f.rows().get(0).size());
        assertEquals(Map.of("deepo2p-fc_test_accuracy", 0.75, "gap_test_accuracy", 0.625), f.numbers());
        assertEquals(50, f.trainingSeconds());
        String csv = f.resultsCsv();
        assertTrue(csv.startsWith("variant,epoch,lr,train_loss,test_accuracy,train_seconds,"), csv);
        assertEquals(1 + 5, csv.lines().count());
        assertTrue(csv.lines().skip(3).findFirst().orElseThrow().startsWith("gap,1,0.01,1.0,0.25,"), csv);
        assertEquals(List.of("test-accuracy", "train-loss", "batch-time"),
                f.charts(64).stream().map(Chart::file).toList(), "charts of columns no run has are left out");
    }
}
