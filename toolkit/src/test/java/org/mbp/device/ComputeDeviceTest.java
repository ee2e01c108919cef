package org.mbp.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.MixedPrecision;
import org.mbp.backend.Precision;

/** Device selection against a provider that never has a GPU ({@link RecordingProvider}, registered for the tests). */
class ComputeDeviceTest {

    private final List<String> notices = new ArrayList<>();

    @Test
    void cpuAsksNoProviderAndSaysNothingWhereOpenBlasLoads() {
        int before = RecordingProvider.OPENED.get();
        ComputeDevice d = ComputeDevice.select(Device.CPU, notices::add);

        assertEquals(before, RecordingProvider.OPENED.get(), "--device cpu consulted a GPU provider");
        assertSame(ComputeDevice.cpu(), d);
        assertFalse(d.isGpu());
        assertEquals("cpu", d.describe());
        assertEquals(EjmlOps.openBlasUnavailableReason().isEmpty(), notices.isEmpty(), notices.toString());
        MixedPrecision<?> b = d.backends(Precision.FLOAT, Precision.DOUBLE);
        assertEquals(EjmlOps.fastest(Precision.FLOAT), b.trunk());
        assertEquals(EjmlOps.fastest(Precision.DOUBLE), b.structured());
        assertEquals(EjmlOps.fastest(Precision.DOUBLE), d.backend(Precision.DOUBLE));
    }

    @Test
    void autoFallsBackToTheCpuSayingWhyInOneLine() {
        int before = RecordingProvider.OPENED.get();
        ComputeDevice d = ComputeDevice.select(Device.AUTO, notices::add);

        assertEquals(before + 1, RecordingProvider.OPENED.get());
        assertFalse(d.isGpu());
        assertEquals("computing on the CPU (" + RecordingProvider.REASON + ")", notices.get(0));
    }

    @Test
    void gpuWithoutOneFailsWithTheProvidersReason() {
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> ComputeDevice.select(Device.GPU, notices::add));
        assertEquals("--device gpu: " + RecordingProvider.REASON, e.getMessage());
        assertTrue(notices.isEmpty(), notices.toString());
    }

    @Test
    void choicesAreParsedAndOthersRefusedByName() {
        assertEquals(Device.GPU, Device.parse(" GPU "));
        assertEquals(Device.AUTO, Device.parse("auto"));
        assertEquals("cpu", Device.CPU.label());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Device.parse("tpu"));
        assertEquals("--device must be auto, cpu or gpu, got 'tpu'", e.getMessage());
    }
}
