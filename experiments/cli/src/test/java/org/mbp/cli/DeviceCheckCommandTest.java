package org.mbp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mbp device-check}: its help, and bad options refused in one line with exit code 2 before any check. */
class DeviceCheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void theHelpSaysWhatItChecksAndItsExitCodes() {
        Cli help = Cli.run("device-check", "--help");
        assertEquals(0, help.code(), help.toString());
        for (String text : new String[] {"--out", "--torch", "--batch", "--sizes", "--gpu-images", "--cpu-images",
            "--repeats", "Batched Jacobi", "0   passed", "1   a kernel, a layer", "2   bad option"}) {
            assertTrue(help.out().toLowerCase().contains(text.toLowerCase()), text + " in\n" + help.out());
        }
    }

    @Test
    void badOptionsAreRefusedInOneLine() {
        String out = dir.resolve("check").toString();
        assertRefused("Missing required option: '--out=DIR'", "device-check");
        assertRefused("Unknown options: '--colour'", "device-check", "--out", out, "--colour", "red");
        assertRefused("'x' is not a whole number", "device-check", "--out", out, "--sizes", "32,x");
        assertRefused("--batch must be at least 1, got 0", "device-check", "--out", out, "--batch", "0");
        assertRefused("--sizes must be orders in [1, 256], got [64, 300]", "device-check", "--out", out, "--sizes",
                "64,300");
        assertRefused("--cpu-images must be at least 1, got -5", "device-check", "--out", out, "--cpu-images", "-5");
        assertRefused("--repeats must be at least 1, got 0", "device-check", "--out", out, "--repeats", "0");
        assertFalse(Files.exists(dir.resolve("check")), "nothing is checked or written");
    }

    private static void assertRefused(String message, String... args) {
        Cli run = Cli.run(args);
        assertEquals(2, run.code(), run.toString());
        String first = run.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("mbp device-check: ") && first.contains(message), run.toString());
        List<String> lines = run.err().lines().toList();
        assertTrue(lines.size() == 1 || lines.size() == 2 && lines.get(1).startsWith("Try 'mbp device-check --help'"),
                "one line, and where to find help after a usage error: " + run);
        assertEquals("", run.out());
    }
}
