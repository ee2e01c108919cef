package org.mbp.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbp.precise.HighPrecision;

/** The host backends launch nothing and never wait for a device: their counters are {@link DeviceCounters#NONE}. */
class DeviceCountersTest {

    @Test
    void hostBackendsCountNothing() {
        for (MatrixOps<?> ops : List.of(EjmlOps.DOUBLE, EjmlOps.FLOAT, EjmlOps.fastest(Precision.FLOAT),
                HighPrecision.ops())) {
            DeviceCounters counters = DeviceCounters.of(ops);
            assertSame(DeviceCounters.NONE, counters, ops.name());
            assertEquals(0, counters.launches());
            assertEquals(0, counters.synchronizations());
        }
    }
}
