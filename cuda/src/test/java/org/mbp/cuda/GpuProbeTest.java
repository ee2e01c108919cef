package org.mbp.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbp.device.DeviceUnavailableException;

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
            DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, () -> CudaContext.open(0));
            assertEquals(probe.describe(), e.getMessage());
        }
    }

    @Test
    void cStringStopsAtTheTerminator() {
        assertEquals("NVIDIA H200", GpuProbe.cString(new byte[] {'N', 'V', 'I', 'D', 'I', 'A', ' ', 'H', '2', '0', '0',
            0, 'x'}));
    }

    @Test
    void aMissingDriverIsNamedFromJCudasNestedMessage() {
        String message = String.join("\n", "Error while loading native library \"JCudaDriver-12.0.0-linux-x86_64\"",
                "Stack trace from the attempt to load the library as a file:",
                "java.lang.UnsatisfiedLinkError: no JCudaDriver-12.0.0-linux-x86_64 in java.library.path: /usr/lib",
                "Stack trace from the attempt to load the library as a resource:",
                "java.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver-12.0.0-linux-x86_64.so: libcuda.so.1: cannot open"
                        + " shared object file: No such file or directory",
                "\tat java.base/jdk.internal.loader.NativeLibraries.load(Native Method)");
        assertEquals("no CUDA driver (libcuda.so.1: cannot open shared object file: No such file or directory)",
                GpuProbe.linkFailure(message));
        assertEquals("the CUDA driver binding did not load (undefined symbol: cuCtxCreate_v2)",
                GpuProbe.linkFailure("java.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver-12.0.0-linux-x86_64.so:"
                        + " undefined symbol: cuCtxCreate_v2"));
        assertEquals("the CUDA driver binding did not load (something else)", GpuProbe.linkFailure("something else"));
    }
}
