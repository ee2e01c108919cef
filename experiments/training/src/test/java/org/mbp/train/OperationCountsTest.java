package org.mbp.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batched pass costs the conventional layers the same number of backend operations and reads
 * whatever the number of images (one launch per layer on a device), and O₂P, which runs per
 * image, the same number per image.
 */
class OperationCountsTest {

    @Test
    void firstOrderNetworksAreFlatInTheBatchSize() {
        for (ClassifierVariant v : List.of(ClassifierVariant.GAP, ClassifierVariant.GAP_FC)) {
            List<OperationCounts.Count> counts = OperationCounts.trainingPass(v, 1, 4, 16);
            assertTrue(counts.get(0).operations() > 20, counts.toString());
            for (OperationCounts.Count c : counts) {
                assertEquals(counts.get(0).operations(), c.operations(), v + " " + counts);
                assertEquals(counts.get(0).reads(), c.reads(), v + " " + counts);
            }
        }
    }

    @Test
    void secondOrderPoolingAddsTheSameOperationsPerImage() {
        List<OperationCounts.Count> counts = OperationCounts.trainingPass(ClassifierVariant.O2P_FC, 1, 2, 4);
        long perImage = counts.get(1).operations() - counts.get(0).operations();
        assertTrue(perImage > 0, counts.toString());
        assertEquals(perImage * 2, counts.get(2).operations() - counts.get(1).operations(), counts.toString());
    }
}
