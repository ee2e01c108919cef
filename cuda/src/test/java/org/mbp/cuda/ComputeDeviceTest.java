package org.mbp.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.MixedPrecision;
import org.mbp.backend.Precision;

/** {@code --device} selection and its fallback, on whatever this machine has. */
class ComputeDeviceTest {

    private final List<String> notices = new ArrayList<>();

    @Test
    void cpuNeverTouchesTheDriverAndSaysNothingWhereOpenBlasLoads() {
        ComputeDevice d = ComputeDevice.select(ComputeDevice.Choice.CPU, notices::add);
        assertFalse(d.isGpu());
        assertEquals("cpu", d.describe());
        assertTrue(notices.isEmpty(), notices.toString());
        MixedPrecision<?> b = d.backends(Precision.FLOAT, Precision.DOUBLE);
        assertEquals(EjmlOps.fastest(Precision.FLOAT), b.trunk());
        assertEquals(EjmlOps.fastest(Precision.DOUBLE), b.structured());
        assertThrows(IllegalStateException.class, d::context);
    }

    @Test
    void autoTakesTheGpuWhenThereIsOneAndSaysWhereItWentInOneLine() {
        ComputeDevice d = ComputeDevice.select(ComputeDevice.Choice.AUTO, notices::add);
        assertEquals(1, notices.size(), notices.toString());
        String line = notices.get(0);
        assertFalse(line.contains("\n"), line);
        if (GpuProbe.probe().available()) {
            assertTrue(d.isGpu());
            assertTrue(line.startsWith("computing on the GPU 0: "), line);
            assertInstanceOf(CudaOps.class, d.backends(Precision.FLOAT, Precision.DOUBLE).trunk());
        } else {
            assertFalse(d.isGpu());
            assertEquals("computing on the CPU (" + GpuProbe.probe().describe() + ")", line);
        }
    }

    @Test
    void gpuWithoutOneFailsWithTheReason() {
        if (GpuProbe.probe().available()) {
            assertTrue(ComputeDevice.select(ComputeDevice.Choice.GPU, notices::add).isGpu());
            assertTrue(notices.isEmpty());
        } else {
            GpuUnavailableException e = assertThrows(GpuUnavailableException.class,
                    () -> ComputeDevice.select(ComputeDevice.Choice.GPU, notices::add));
            assertEquals("--device gpu: " + GpuProbe.probe().describe(), e.getMessage());
        }
    }

    @Test
    void choicesAreParsedAndOthersRefusedByName() {
        assertEquals(ComputeDevice.Choice.GPU, ComputeDevice.Choice.parse(" GPU "));
        assertEquals(ComputeDevice.Choice.AUTO, ComputeDevice.Choice.parse("auto"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComputeDevice.Choice.parse("tpu"));
        assertEquals("--device must be auto, cpu or gpu, got 'tpu'", e.getMessage());
    }
}
