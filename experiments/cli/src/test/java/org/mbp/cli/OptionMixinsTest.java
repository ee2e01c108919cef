package org.mbp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.Precision;
import org.mbp.backend.ShapeMismatchException;
import org.mbp.device.DeviceUnavailableException;
import org.mbp.spectral.Form;
import org.mbp.study.Scale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * The shared option mixins and converters, on small probe commands and on the real ones: a bad
 * value names its option and exits 2, --out folders and files are checked once, precision and form
 * are read in any case, and errors reach exit codes in one place.
 */
class OptionMixinsTest {

    @TempDir
    Path dir;

    /** Prints where it would write and how many threads it would use. */
    @Command(name = "folder-probe")
    static final class FolderProbe implements Callable<Integer> {
        @Mixin
        private OutputFolder output = new OutputFolder("probe-default");

        @Mixin
        private ThreadsOption threads;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().printf("%s %d%n", output.prepare(), threads.count());
            return 0;
        }
    }

    /** Prints the file it would write. */
    @Command(name = "file-probe")
    static final class FileProbe implements Callable<Integer> {
        @Mixin
        private OutputFile output;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        FileProbe(OutputFile output) {
            this.output = output;
        }

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(output.prepare());
            return 0;
        }
    }

    /** Throws what it is told to, to see how the one error path reports it. */
    @Command(name = "failing-probe")
    static final class FailingProbe implements Callable<Integer> {
        private final Exception failure;

        FailingProbe(Exception failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }

    private static Cli probe(Object command, String... args) {
        return Cli.on(Mbp.configure(new CommandLine(command)), args);
    }

    private static ParseResult parse(String... args) {
        return Mbp.commandLine().parseArgs(args);
    }

    /** The value an option of the innermost command got, given or by default. */
    private static <T> T value(ParseResult result, String option) {
        ParseResult sub = result;
        while (sub.hasSubcommand()) {
            sub = sub.subcommand();
        }
        return sub.commandSpec().findOption(option).getValue();
    }

    @Test
    void anOutputFolderIsCreatedWhereItIsMissing() {
        Path nested = dir.resolve("a/b/c");
        Cli run = probe(new FolderProbe(), "--out", nested.toString(), "--threads", "3");
        assertEquals(0, run.code(), run.toString());
        assertEquals(nested + " 3", run.out().strip());
        assertTrue(Files.isDirectory(nested));
    }

    @Test
    void anOutputFolderBlockedByAFileIsBadInputNamingTheOption() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "kept");
        Cli run = probe(new FolderProbe(), "--out", file.toString());
        assertEquals(2, run.code(), run.toString());
        assertEquals("folder-probe: error: --out " + file + ": cannot create the folder (" + file + ")",
                run.err().strip());
        assertEquals("kept", Files.readString(file));
    }

    @Test
    void theDefaultsAreTheCommandsFolderAndAllProcessors() {
        CommandLine cli = Mbp.configure(new CommandLine(new FolderProbe()));
        assertTrue(cli.getUsageMessage().contains("output folder, created if missing (default: probe-default)"),
                cli.getUsageMessage());
        assertEquals("probe-default", cli.getCommandSpec().findOption("--out").defaultValueString());
        assertTrue(cli.getUsageMessage().contains("--threads=N"), cli.getUsageMessage());
        Path folder = dir.resolve("probe-default");
        Cli run = probe(new FolderProbe(), "--out", folder.toString());
        assertEquals(folder + " " + Runtime.getRuntime().availableProcessors(), run.out().strip());
    }

    @Test
    void threadsBelowOneOrNotANumberNameTheOption() {
        for (String bad : List.of("0", "-2", "many")) {
            Cli run = probe(new FolderProbe(), "--out", dir.toString(), "--threads", bad);
            assertEquals(2, run.code(), run.toString());
            assertTrue(run.err().startsWith("folder-probe: Invalid value for option '--threads': "), run.err());
            assertTrue(run.err().contains(bad), run.err());
        }
    }

    @Test
    void anOutputFileNeedsAnExistingWritableFolderAndIsNotAFolder() {
        Cli missing = probe(new FileProbe(OutputFile.inExistingFolder()), "--out", dir.resolve("no/g.npy").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--out " + dir.resolve("no/g.npy") + ": folder " + dir.resolve("no")
                + " does not exist or is not writable"), missing.err());
        assertFalse(Files.exists(dir.resolve("no")), "nothing is created");
        Cli folder = probe(new FileProbe(OutputFile.inExistingFolder()), "--out", dir.toString());
        assertEquals(2, folder.code());
        assertTrue(folder.err().contains("--out " + dir + " is a directory"), folder.err());
        Cli absent = probe(new FileProbe(OutputFile.inExistingFolder()));
        assertEquals(2, absent.code());
        assertTrue(absent.err().contains("Missing required option: '--out=FILE'"), absent.err());
        Cli fine = probe(new FileProbe(OutputFile.inExistingFolder()), "--out", dir.resolve("g.npy").toString());
        assertEquals(0, fine.code(), fine.toString());
    }

    @Test
    void anOutputFileCanHaveItsFolderCreated() {
        Path file = dir.resolve("x/y/result.json");
        Cli run = probe(new FileProbe(OutputFile.creatingItsFolder()), "--out", file.toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(Files.isDirectory(file.getParent()));
        assertFalse(Files.exists(file), "the file itself is the command's to write");
    }

    @Test
    void gradcheckWritesToItsDefaultFileUnlessTold() {
        assertEquals(Path.of("mbp-out/gradcheck.json"), value(parse("gradcheck"), "--out"));
        assertEquals(Path.of("x.json"), value(parse("gradcheck", "--out", "x.json"), "--out"));
    }

    @Test
    void precisionAndFormAreReadInAnyCase() {
        ParseResult grad = parse("grad", "o2p-svd", "--input", "f.npy", "--out", "g.npy", "--precision", "FLOAT",
                "--form", "Stable");
        assertEquals(Precision.FLOAT, value(grad, "--precision"));
        assertEquals(Form.STABLE, value(grad, "--form"));
        ParseResult train = parse("train", "deepo2p", "--trunk-precision", "Double", "--structured-precision",
                "FLOAT", "--form", "PAPER");
        assertEquals(Precision.DOUBLE, value(train, "--trunk-precision"));
        assertEquals(Precision.FLOAT, value(train, "--structured-precision"));
        assertEquals(Form.PAPER, value(train, "--form"));
    }

    @Test
    void threadsBeyondTheCapAreRefusedBeforeAnyWork() {
        for (String[] command : new String[][] {{"study", "gap"}, {"gradcheck"}, {"train", "deepo2p"}}) {
            Path out = dir.resolve(command[0]);
            String[] args = Stream.concat(Arrays.stream(command),
                    Stream.of("--threads", "32768", "--out", out.toString())).toArray(String[]::new);
            Cli run = Cli.run(args);
            assertEquals(2, run.code(), run.toString());
            assertTrue(run.err().contains("Invalid value for option '--threads': must be at most 4096"), run.err());
            assertFalse(run.err().contains("null"), run.err());
            assertFalse(Files.exists(out), "nothing written for " + command[0]);
        }
        assertEquals(2, Cli.run("study", "gap", "--threads", "99999999999", "--out", dir.toString()).code());
    }

    @Test
    void badValuesNameTheirOption() {
        String[][] cases = {
            {"--precision", "grad", "o2p-svd", "--input", "f.npy", "--out", "g.npy", "--precision", "half"},
            {"--form", "grad", "o2p-svd", "--input", "f.npy", "--out", "g.npy", "--form", "exact"},
            {"--trunk-precision", "train", "deepo2p", "--trunk-precision", "half"},
            {"--structured-precision", "train", "deepncuts", "--structured-precision", "quad"},
            {"--form", "train", "deepo2p", "--form", "exact"},
            {"--loss", "train", "deepncuts", "--loss", "j3"},
            {"--device", "train", "deepncuts", "--device", "tpu"},
            {"--variant", "train", "deepo2p", "--variant", "gap,o3p"},
            {"--augment", "train", "deepo2p", "--augment", "left"},
            {"--threads", "train", "deepo2p", "--threads", "0"},
            {"--threads", "gradcheck", "--threads", "none"},
            {"--gt", "segeval", "--pred", "m.png", "--gt", "t.txt"},
            {"--shard", "study", "gap", "--shard", "3/3"},
            {"--shard", "study", "gap", "--shard", "half"},
            {"--threads", "study", "gap", "--threads", "0"},
            {"--threads", "report", "--threads", "none"},
            {"--scale", "report", "--scale", "huge"},
            {"--studies", "report", "--studies", "gap,svd"},
            {"--include", "report", "--include", "no-such-folder-of-results"},
        };
        for (String[] c : cases) {
            Cli run = Cli.run(Arrays.copyOfRange(c, 1, c.length));
            assertEquals(2, run.code(), run.toString());
            assertTrue(run.err().contains("Invalid value for option '" + c[0] + "'"), run.err());
            assertTrue(run.out().isEmpty(), run.out());
        }
    }

    @Test
    void studyAndReportShareTheirRunOptions() {
        for (String[] command : new String[][] {{"study", "gap"}, {"report"}}) {
            ParseResult run = parse(command);
            assertEquals(Path.of("mbp-out"), value(run, "--out"));
            assertEquals(20261128L, (long) value(run, "--seed"));
            assertEquals(Scale.QUICK, value(run, "--scale"));
            String help = Mbp.commandLine().getSubcommands().get(command[0]).getUsageMessage();
            assertTrue(help.contains("output folder, created if missing (default:"), help);
        }
    }

    @Test
    void studyNamesAreCheckedAgainstTheKnownOnes() {
        Path out = dir.resolve("out");
        Cli study = Cli.run("study", "spectra", "--out", out.toString());
        assertEquals(2, study.code(), study.toString());
        assertTrue(study.err().startsWith("mbp study: Invalid value for positional parameter at index 0 (STUDY):"
                + " unknown study 'spectra' (known: svd-vs-eig, gap, precision, rank, or all)"), study.err());
        Cli report = Cli.run("report", "--studies", "all", "--out", out.toString());
        assertEquals(2, report.code(), report.toString());
        assertTrue(report.err().contains("unknown study 'all' (known: svd-vs-eig, gap, precision, rank, or none)"),
                report.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void mergeChecksItsFoldersBeforeMerging() throws IOException {
        Path out = dir.resolve("merged");
        Path missing = dir.resolve("missing");
        Path file = Files.writeString(dir.resolve("file"), "kept");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Object[][] cases = {
            {missing, "mbp merge: error: " + missing + ": no such folder"},
            {file, "mbp merge: error: " + file + ": not a folder"},
            {empty, "mbp merge: error: no study results found in [" + empty + "]"},
        };
        for (Object[] c : cases) {
            Cli run = Cli.run("merge", "--out", out.toString(), c[0].toString());
            assertEquals(2, run.code(), run.toString());
            assertEquals(c[1], run.err().strip());
        }
        Cli noOut = Cli.run("merge", empty.toString());
        assertEquals(2, noOut.code());
        assertTrue(noOut.err().contains("Missing required option: '--out=DIR'"), noOut.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void badInputExitsTwoOnOneLineAndAnythingElseIsInternal() {
        Object[][] cases = {
            {new IllegalArgumentException("--size must be positive"), "--size must be positive"},
            {new ArithmeticException("degenerate spectrum"), "degenerate spectrum"},
            {new DeviceUnavailableException("--device gpu: no GPU: no driver"), "--device gpu: no GPU: no driver"},
            {new NoSuchFileException("data/x.idx"), "data/x.idx: no such file"},
        };
        for (Object[] c : cases) {
            Cli run = probe(new FailingProbe((Exception) c[0]));
            assertEquals(2, run.code(), run.toString());
            assertEquals("failing-probe: error: " + c[1], run.err().strip());
        }
        assertEquals(Optional.empty(), BadInput.message(new IllegalStateException("bug")));
        Exception shapes = assertThrows(ShapeMismatchException.class, () -> EjmlOps.DOUBLE.mult(
                EjmlOps.DOUBLE.zeros(2, 3), EjmlOps.DOUBLE.zeros(2, 3)));
        assertEquals(Optional.empty(), BadInput.message(shapes), "a backend's shape mismatch is mbp's defect");
        Cli internal = probe(new FailingProbe(new IllegalStateException("bug")));
        assertEquals(1, internal.code());
        assertTrue(internal.err().startsWith("failing-probe: internal error: java.lang.IllegalStateException: bug"),
                internal.err());
        assertTrue(internal.err().contains("\tat "), "with the stack trace: " + internal.err());
    }
}
