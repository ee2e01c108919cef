package org.mbp.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.Precision;
import org.mbp.nn.OperationCount;
import org.mbp.nn.Weights;

/**
 * The DeepNCuts J2 pass on the path a device backend takes (the counting backend of
 * {@link OperationCount} does not hold its matrices on the host): the loss runs as one layer over
 * the pass, so a pass costs the same number of operations for 1, 2 and 4 scenes (the scenes
 * differ in their numbers of segments) and reads twice ({@link OperationCounts#segmentationPass});
 * and its loss and gradients are the host path's, scene by
 * scene, to rounding (sums in other orders of a few thousand products of O(1) values: 1e-9
 * relative).
 */
class SegmentationTaskTest {

    @Test
    void j2RunsOverThePassOnADevicePath() {
        OperationCount count = new OperationCount();
        SegmentationTask<SimpleMatrix> counted = OperationCounts.segmentationTask(
                count.counted(EjmlOps.fastest(Precision.FLOAT)), count.counted(EjmlOps.fastest(Precision.DOUBLE)), 4);
        SegmentationTask<SimpleMatrix> host = OperationCounts.segmentationTask(EjmlOps.fastest(Precision.FLOAT),
                EjmlOps.fastest(Precision.DOUBLE), 4);
        Weights weights = Weights.initialise(host.network().parameters(), 3);
        List<Long> operations = new ArrayList<>();
        for (int n : new int[] {1, 2, 4}) {
            int[] indices = IntStream.range(0, n).toArray();
            long[] seeds = IntStream.range(0, n).mapToLong(i -> 100 + i).toArray();
            counted.train(weights, indices, seeds);
            long before = count.operations();
            BatchResult device = counted.train(weights, indices, seeds);
            operations.add(count.operations() - before);
            BatchResult reference = host.train(weights, indices, seeds);
            assertEquals(reference.loss(), device.loss(), 1e-9 * Math.abs(reference.loss()), n + " scenes");
            double[][] a = reference.gradient().parameters();
            double[][] b = device.gradient().parameters();
            for (int k = 0; k < a.length; k++) {
                double scale = 0;
                double difference = 0;
                for (int i = 0; i < a[k].length; i++) {
                    scale = Math.max(scale, Math.abs(a[k][i]));
                    difference = Math.max(difference, Math.abs(a[k][i] - b[k][i]));
                }
                assertTrue(difference <= 1e-9 * scale, "parameter " + k + ": " + difference + " against " + scale);
            }
        }
        assertEquals(List.of(operations.get(0), operations.get(0), operations.get(0)), operations);
        for (OperationCounts.Count c : OperationCounts.segmentationPass(1, 2, 4)) {
            assertEquals(operations.get(0), c.operations(), c.toString());
            assertEquals(2, c.reads(), c.toString());
        }
    }
}
