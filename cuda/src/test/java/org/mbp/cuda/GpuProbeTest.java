package org.mbp.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The probe's answer is cached and consistent with what opening a context does. */
class GpuProbeTest {

    @Test
    void probeIsCachedAndOneLine() {
        GpuProbe.Result first = GpuProbe.probe();
        assertSame(first, GpuProbe.probe());
        assertFalse(first.describe().contains("\n"), first.describe());
        if (!first.available()) {
            assertTrue(first.describe().startsWith("no GPU: "), first.describe());
            assertFalse(first.reason().isBlank());
        } else {
            assertFalse(first.device().isBlank());
        }
    }

    @Test
    void openingAContextFollowsTheProbe() {
        GpuProbe.Result probe = GpuProbe.probe();
        if (probe.available()) {
            assertSame(CudaContext.open(0), CudaContext.open(0));
        } else {
            GpuUnavailableException e = assertThrows(GpuUnavailableException.class, () -> CudaContext.open(0));
            assertEquals(probe.describe(), e.getMessage());
        }
    }

    @Test
    void cStringStopsAtTheTerminator() {
        assertEquals("NVIDIA H200", GpuProbe.cString(new byte[] {'N', 'V', 'I', 'D', 'I', 'A', ' ', 'H', '2', '0', '0',
            0, 'x'}));
    }
}
