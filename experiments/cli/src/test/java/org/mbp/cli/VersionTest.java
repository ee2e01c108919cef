package org.mbp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code mbp --version} names the version and the commit the jar was built from. */
class VersionTest {

    private static final Pattern FIRST_LINE = Pattern.compile("mbp (\\S+) \\(commit (\\S+)\\)");

    @Test
    void versionNamesTheCommitGitReportsForThisCheckout() throws IOException, InterruptedException {
        Cli cli = Cli.run("--version");
        assertEquals(0, cli.code(), cli::toString);
        Matcher first = FIRST_LINE.matcher(cli.out().lines().findFirst().orElse(""));
        assertTrue(first.matches(), cli::toString);
        assertTrue(first.group(1).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), cli::toString);
        assertEquals(headOrUnknown(), first.group(2));
    }

    /** The reference: what git says here, or "unknown" where this is no git checkout. */
    private static String headOrUnknown() throws IOException, InterruptedException {
        Process git;
        try {
            git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(false).start();
        } catch (IOException noGit) {
            return "unknown";
        }
        try (InputStream out = git.getInputStream()) {
            String head = new String(out.readAllBytes(), StandardCharsets.US_ASCII).strip();
            return git.waitFor() == 0 && head.matches("[0-9a-f]{12}") ? head : "unknown";
        }
    }
}
