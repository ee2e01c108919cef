package org.mbp.devicecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbp.cuda.GpuProbe;

/** The device check's CPU path, which is all this machine can run: it reports the GPU as pending. */
class DeviceCheckTest {

    @TempDir
    Path dir;

    @Test
    void withoutAGpuItTimesTheCpuEpochAndReportsTheGpuAsPending() throws IOException {
        assumeFalse(GpuProbe.probe().available(), "this machine has a GPU: scripts/device-check.sh runs it all");
        assertEquals(0, DeviceCheck.check("--out", dir.toString(), "--cpu-images", "128"));
        String table = Files.readString(dir.resolve("device-check.md"));
        assertTrue(table.contains("| GPU | no GPU: "), table);
        assertTrue(table.contains("| pending |"), table);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("device-check.json").toFile());
        JsonNode cpu = json.path("epochs").path("cpu");
        assertEquals(128, cpu.path("images").asInt());
        assertTrue(cpu.path("trainImagesPerSecond").asDouble() > 0, json.toString());
        assertTrue(json.path("passed").asBoolean());
        assertFalse(json.has("kernels"));
    }

    @Test
    void badArgumentsExitTwo() throws IOException {
        assertEquals(2, DeviceCheck.check("--out"));
        assertEquals(2, DeviceCheck.check("--cpu-images", "5"));
        assertEquals(2, DeviceCheck.check("--out", dir.toString(), "--colour", "red"));
        assertFalse(Files.exists(dir.resolve("device-check.md")));
    }
}
