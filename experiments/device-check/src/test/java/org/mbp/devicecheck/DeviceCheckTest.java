package org.mbp.devicecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.mbp.cuda.GpuProbe;

/**
 * The device check's CPU path, which is all this machine can run: it reports the GPU as pending;
 * and its request, which refuses bad values by their option's name.
 */
class DeviceCheckTest {

    @TempDir
    Path dir;

    @Test
    void withoutAGpuItTimesTheCpuEpochAndReportsTheGpuAsPending() throws IOException {
        assumeFalse(GpuProbe.probe().available(), "this machine has a GPU: scripts/device-check.sh runs it all");
        StringWriter out = new StringWriter();
        assertTrue(DeviceCheck.run(new DeviceCheck.Request(dir, null, 128, List.of(32, 64, 128, 256), 2048, 128, 5),
                new PrintWriter(out), new PrintWriter(new StringWriter())));
        String table = Files.readString(dir.resolve("device-check.md"));
        assertTrue(table.contains("| GPU | no GPU: "), table);
        assertTrue(table.contains("| pending |"), table);
        assertEquals("\n" + table, out.toString(), "the table is printed last");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("device-check.json").toFile());
        JsonNode cpu = json.path("epochs").path("cpu");
        assertEquals(128, cpu.path("images").asInt());
        assertTrue(cpu.path("trainImagesPerSecond").asDouble() > 0, json.toString());
        assertTrue(json.path("passed").asBoolean());
        assertFalse(json.has("kernels"));
    }

    @Test
    void badValuesAreRefusedByName() {
        assertEquals("--batch must be at least 1, got 0", refused(() -> request(0, List.of(32), 1, 1, 1)));
        assertEquals("--sizes must be orders in [1, 256], got [32, 512]",
                refused(() -> request(1, List.of(32, 512), 1, 1, 1)));
        assertEquals("--sizes must be orders in [1, 256], got []", refused(() -> request(1, List.of(), 1, 1, 1)));
        assertEquals("--gpu-images must be at least 1, got 0", refused(() -> request(1, List.of(32), 0, 1, 1)));
        assertEquals("--cpu-images must be at least 1, got -5", refused(() -> request(1, List.of(32), 1, -5, 1)));
        assertEquals("--repeats must be at least 1, got 0", refused(() -> request(1, List.of(32), 1, 1, 0)));
        assertFalse(Files.exists(dir.resolve("device-check.md")));
    }

    private DeviceCheck.Request request(int batch, List<Integer> sizes, int gpuImages, int cpuImages, int repeats) {
        return new DeviceCheck.Request(dir, null, batch, sizes, gpuImages, cpuImages, repeats);
    }

    private static String refused(Executable request) {
        return assertThrows(IllegalArgumentException.class, request).getMessage();
    }
}
