package org.mbp.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Access of the tests to the CPU kernel emulator ({@code cuda/src/test/emulator}, built and run by
 * {@code scripts/emulate-kernels.sh}): whether g++ exists, and running a command of it.
 */
public final class KernelEmulator {

    /** The build and run script, found from the running module's folder upwards. */
    public static final String SCRIPT = script();

    /** Exit status and combined stdout and stderr of a finished command. */
    public record Run(int status, String output) {
    }

    private KernelEmulator() {
    }

    /** Whether g++ is an executable on the PATH. */
    public static boolean compilerAvailable() {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "g++")));
    }

    /** {@code scripts/emulate-kernels.sh} in the nearest folder above the working directory that has it. */
    private static String script() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path script = folder.resolve("scripts/emulate-kernels.sh");
            if (Files.isRegularFile(script)) {
                return script.toString();
            }
        }
        throw new IllegalStateException("no scripts/emulate-kernels.sh above " + Path.of("").toAbsolutePath());
    }

    /**
     * Builds one of the script's emulators ({@code build-dense}, {@code build-jacobi}, …) and returns
     * the binary, the last line the build prints; skips the test where g++ is missing and fails it
     * when the build fails.
     */
    public static Path build(String mode, long limitSeconds) throws IOException, InterruptedException {
        assumeTrue(compilerAvailable(), "g++ is not installed: the " + mode + " emulation is skipped");
        Run build = run(List.of("bash", SCRIPT, mode), limitSeconds);
        assertEquals(0, build.status(), "scripts/emulate-kernels.sh " + mode + " failed:\n" + build.output());
        String[] lines = build.output().strip().split("\n");
        Path emulator = Path.of(lines[lines.length - 1]);
        assertTrue(Files.isExecutable(emulator), "no emulator binary at " + emulator + ":\n" + build.output());
        return emulator;
    }

    /** Runs command with stdout and stderr into a temporary file; fails the test past limitSeconds. */
    public static Run run(List<String> command, long limitSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("emulator", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                fail(String.join(" ", command) + " ran past " + limitSeconds + " s:\n" + Files.readString(log));
            }
            return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
