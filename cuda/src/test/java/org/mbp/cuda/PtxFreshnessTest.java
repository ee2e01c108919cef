package org.mbp.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed PTX matches the kernel sources: on every machine by the source hash in each PTX
 * file's first line, and where nvcc exists by recompiling and comparing the whole file, so a
 * machine without nvcc never runs stale kernels.
 */
class PtxFreshnessTest {

    private static final Path SOURCES = Path.of("src/main/cuda");
    private static final Path COMMITTED = Path.of("src/main/resources/org/mbp/cuda/ptx");
    private static final Path NVCC = Path.of("/usr/local/bin/nvcc");

    @Test
    void everyKernelFileHasPtxOfItsCurrentSource() throws IOException {
        List<Path> sources = files(SOURCES, ".cu");
        assertFalse(sources.isEmpty(), "no kernel sources in " + SOURCES.toAbsolutePath());
        TreeSet<String> expected = new TreeSet<>();
        for (Path cu : sources) {
            String name = stem(cu);
            expected.add(name);
            Path ptx = COMMITTED.resolve(name + ".ptx");
            assertTrue(Files.exists(ptx), name + ".cu has no committed PTX: run scripts/build-ptx.sh");
            String header = Files.readAllLines(ptx, StandardCharsets.UTF_8).get(0);
            assertEquals("// mbp-source-sha256 " + sha256(Files.readAllBytes(cu)) + " " + name + ".cu", header,
                    name + ".ptx is stale: run scripts/build-ptx.sh");
        }
        for (Path ptx : files(COMMITTED, ".ptx")) {
            assertFalse(Files.readString(ptx).contains("_INTERNAL_"), ptx.getFileName() + " has internal-linkage"
                    + " symbols, whose names nvcc derives from the checkout path: use a named namespace, not an"
                    + " anonymous one or static functions");
        }
        TreeSet<String> committed = new TreeSet<>();
        files(COMMITTED, ".ptx").forEach(p -> committed.add(stem(p)));
        assertEquals(expected, committed, "PTX without a kernel source");
    }

    @Test
    void recompiledPtxEqualsTheCommittedPtx(@TempDir Path out) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(NVCC), "nvcc is not installed: only the source hashes were checked");
        Process build = new ProcessBuilder("bash", "../scripts/build-ptx.sh", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, build.waitFor(), "scripts/build-ptx.sh failed:\n" + log);
        for (Path cu : files(SOURCES, ".cu")) {
            String name = stem(cu) + ".ptx";
            assertEquals(Files.readString(COMMITTED.resolve(name)), Files.readString(out.resolve(name)),
                    name + " differs from nvcc's output: run scripts/build-ptx.sh");
        }
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
