package org.mbp.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batched pass of every §7.1 classifier costs the same number of backend operations and reads
 * whatever the number of images: one launch per operation on a device, O₂P's decompositions
 * included (one batch operation for all the images' FᵀF), and two reads: the logits with every
 * forward check after the forward pass, the gradients with every backward check at the end
 * ({@link org.mbp.layer.HostReads}). No upload waits for queued work, which would count as a
 * read: the images, weights and dropout masks go up before the first layer, the loss gradient
 * right after the logits' read.
 */
class OperationCountsTest {

    @Test
    void everyNetworkIsFlatInTheBatchSize() {
        for (ClassifierVariant v : ClassifierVariant.values()) {
            List<OperationCounts.Count> counts = OperationCounts.trainingPass(v, 1, 4, 16);
            assertTrue(counts.get(0).operations() > 20, counts.toString());
            for (OperationCounts.Count c : counts) {
                assertEquals(counts.get(0).operations(), c.operations(), v + " " + counts);
                assertEquals(2, c.reads(), v + " " + counts);
            }
        }
    }
}
