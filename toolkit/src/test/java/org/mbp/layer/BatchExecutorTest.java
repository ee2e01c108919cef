package org.mbp.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.Form;
import org.mbp.verify.SampleMatrices;

class BatchExecutorTest {

    private static final EjmlOps O = EjmlOps.DOUBLE;

    @Test
    void parallelBatchGivesTheSequentialResultsInOrder() {
        Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> layer = DeepO2P.svd(O, 1e-3, Form.PAPER);
        List<SimpleMatrix> inputs = IntStream.range(0, 12)
                .mapToObj(i -> SampleMatrices.gaussian(O, 12, 6, i)).toList();
        List<SimpleMatrix> upstreams = IntStream.range(0, 12)
                .mapToObj(i -> SampleMatrices.gaussian(O, 6, 6, 100 + i)).toList();
        List<SimpleMatrix> sequential;
        try (BatchExecutor one = new BatchExecutor(1)) {
            sequential = one.gradients(layer, inputs, upstreams);
        }
        try (BatchExecutor four = new BatchExecutor(4)) {
            List<SimpleMatrix> parallel = four.gradients(layer, inputs, upstreams);
            assertEquals(12, parallel.size());
            for (int i = 0; i < 12; i++) {
                assertArrayEquals(O.toRowMajor(sequential.get(i)), O.toRowMajor(parallel.get(i)), 0.0,
                        "item " + i);
            }
        }
    }

    @Test
    void anItemsErrorReachesTheCaller() {
        try (BatchExecutor two = new BatchExecutor(2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> two.map(
                    List.of(1, 2, 3), i -> {
                        if (i == 2) {
                            throw new IllegalArgumentException("item two");
                        }
                        return i;
                    }));
            assertEquals("item two", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new BatchExecutor(0));
    }
}
