package org.mbp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README shows the example project {@code docs/examples/user-layer} in full: every file of it,
 * as it is (scripts/test.sh builds and tests the project itself).
 */
class UserLayerExampleTest {

    private static final Path ROOT = Path.of("..");
    private static final Path EXAMPLE = ROOT.resolve("docs/examples/user-layer");

    @Test
    void theReadmeShowsEveryFileOfTheExampleAsItIs() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<Path> files;
        try (Stream<Path> sources = Files.walk(EXAMPLE.resolve("src"))) {
            files = Stream.concat(Stream.of(EXAMPLE.resolve("pom.xml")), sources.filter(p -> p.toString()
                    .endsWith(".java"))).toList();
        }
        assertEquals(6, files.size(), files.toString());
        for (Path file : files) {
            String text = Files.readString(file).stripTrailing();
            assertTrue(readme.contains(text), "README.md lacks the current " + EXAMPLE.relativize(file));
        }
    }
}
