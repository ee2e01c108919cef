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
import org.mbp.device.ComputeDevice;
import org.mbp.device.Device;
import org.mbp.device.DeviceUnavailableException;

/** {@code --device} selection with the CUDA provider on the class path, on whatever this machine has. */
class CudaBackendProviderTest {

    private final List<String> notices = new ArrayList<>();

    @Test
    void cpuNeverTouchesTheDriverAndSaysNothingWhereOpenBlasLoads() {
        ComputeDevice d = ComputeDevice.select(Device.CPU, notices::add);
        assertFalse(d.isGpu());
        assertEquals("cpu", d.describe());
        assertTrue(notices.isEmpty(), notices.toString());
        MixedPrecision<?> b = d.backends(Precision.FLOAT, Precision.DOUBLE);
        assertEquals(EjmlOps.fastest(Precision.FLOAT), b.trunk());
        assertEquals(EjmlOps.fastest(Precision.DOUBLE), b.structured());
    }

    @Test
    void autoTakesTheGpuWhenThereIsOneAndSaysWhereItWentInOneLine() {
        ComputeDevice d = ComputeDevice.select(Device.AUTO, notices::add);
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
            assertTrue(ComputeDevice.select(Device.GPU, notices::add).isGpu());
            assertTrue(notices.isEmpty());
        } else {
            DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                    () -> ComputeDevice.select(Device.GPU, notices::add));
            assertEquals("--device gpu: " + GpuProbe.probe().describe(), e.getMessage());
        }
    }
}
