package org.mbp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbp.accuracy.LayerFamilies;
import org.mbp.accuracy.LayerFamily;
import org.mbp.backend.Elementwise;
import org.mbp.backend.MatrixOps;
import org.mbp.backend.Outer;
import org.mbp.function.Domain;
import org.mbp.function.SpectralFunction;
import org.mbp.spectra.ControlledSpectra;
import org.mbp.spectra.Spectrum;
import org.mbp.spectral.Form;
import org.mbp.spectral.SpectralFunctionLayer;
import org.mbp.verify.LayerCase;
import picocli.CommandLine;

/**
 * {@code mbp gradcheck} against the project's baseline (the CI check), and the baseline
 * mechanism both ways: the real code passes, a test double with a numerically worse formula
 * fails, and unusable baselines are bad input.
 */
class GradCheckCommandTest {

    /** The project's baseline of the quick grid, kept in docs/. */
    static final Path BASELINE = Path.of("..", "..", "docs", "gradcheck", "baseline-quick.json");

    @TempDir
    Path dir;

    private static Cli gradcheck(List<LayerFamily> families, String... args) {
        return Cli.on(Mbp.configure(new CommandLine(new GradCheckCommand(families))), args);
    }

    @Test
    void quickGridHasNoRegressionAgainstTheProjectsBaseline() {
        assertTrue(Files.isRegularFile(BASELINE), "the project keeps its baseline at " + BASELINE.toAbsolutePath());
        Cli run = gradcheck(LayerFamilies.all(), "--grid", "quick", "--threads", "2", "--out",
                dir.resolve("now.json").toString(), "--baseline", BASELINE.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("no regression against"), run.out());
        assertTrue(run.out().contains("160 cells:"), run.out());
    }

    /**
     * The stable log layer with the naive divided difference {@code (log λ_i − log λ_j)/(λ_i − λ_j)}
     * instead of the log1p form: exact in the high-precision reference, but it cancels in double
     * and float as eigenvalues cluster, so the stable cells' errors grow by orders of magnitude.
     */
    @Test
    void aNumericallyWorseFormulaIsCaughtAsARegression() {
        List<LayerFamily> families = new ArrayList<>(LayerFamilies.all());
        int index = families.indexOf(families.stream().filter(f -> f.name().equals("log(Z)")).findFirst().orElseThrow());
        LayerFamily real = families.get(index);
        families.set(index, new LayerFamily() {
            @Override
            public String name() {
                return real.name();
            }

            @Override
            public List<Form> forms() {
                return real.forms();
            }

            @Override
            public <M> LayerCase<M, ?, ?> build(MatrixOps<M> ops, Form form, Spectrum spectrum, ControlledSpectra inputs,
                    long seed, double relativeTolerance) {
                LayerCase<M, ?, ?> c = real.build(ops, form, spectrum, inputs, seed, relativeTolerance);
                return form == Form.STABLE ? withNaiveLog(c, ops) : c;
            }
        });
        Cli run = gradcheck(families, "--grid", "quick", "--threads", "2", "--out",
                dir.resolve("worse.json").toString(), "--baseline", BASELINE.toString());
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("log(Z)|stable|double|clustered(1.0E-12): verdict went from accurate to"
                + " inaccurate"), run.out());
        assertTrue(run.out().contains("log(Z)|stable|float|clustered(1.0E-4): error grew"), run.out());
        List<String> regressions = run.out().lines().filter(l -> l.startsWith("  ")).toList();
        assertTrue(regressions.stream().allMatch(l -> l.startsWith("  log(Z)|stable|")), regressions.toString());
    }

    @SuppressWarnings("unchecked")
    private static <M> LayerCase<M, ?, ?> withNaiveLog(LayerCase<M, ?, ?> c, MatrixOps<M> ops) {
        LayerCase<M, M, M> same = (LayerCase<M, M, M>) c;
        return new LayerCase<>(same.name(), same.reference(), SpectralFunctionLayer.ofSymmetric(ops, new NaiveLog()),
                same.input(), same.upstream());
    }

    /** log with the textbook divided difference, which cancels for close eigenvalues. */
    private static final class NaiveLog implements SpectralFunction {

        private final SpectralFunction log = SpectralFunction.log();

        @Override
        public String name() {
            return log.name();
        }

        @Override
        public Domain domain() {
            return log.domain();
        }

        @Override
        public <M> M value(MatrixOps<M> ops, M x) {
            return log.value(ops, x);
        }

        @Override
        public <M> M derivative(MatrixOps<M> ops, M x) {
            return log.derivative(ops, x);
        }

        @Override
        public <M> M dividedDifferences(MatrixOps<M> ops, M lambda) {
            M g = value(ops, lambda);
            M gap = ops.outer(lambda, lambda, Outer.DIFFERENCE);
            return ops.choose(ops.apply(gap, Elementwise.ABS), 0, derivative(ops, ops.outer(lambda, lambda, Outer.MIN)),
                    ops.divide(ops.outer(g, g, Outer.DIFFERENCE), gap));
        }
    }

    @Test
    void unusableBaselinesAreBadInput() throws IOException {
        Path out = dir.resolve("out.json");
        Cli missing = gradcheck(LayerFamilies.all(), "--grid", "quick", "--out", out.toString(),
                "--baseline", dir.resolve("none.json").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{not json");
        Cli malformed = gradcheck(LayerFamilies.all(), "--grid", "quick", "--out", out.toString(),
                "--baseline", garbage.toString());
        assertEquals(2, malformed.code());
        assertTrue(malformed.err().contains("not a readable JSON file"), malformed.err());
        Path other = Files.writeString(dir.resolve("other.json"), "{\"format\": 7, \"cells\": []}");
        Cli wrongFormat = gradcheck(LayerFamilies.all(), "--grid", "quick", "--out", out.toString(),
                "--baseline", other.toString());
        assertEquals(2, wrongFormat.code());
        assertTrue(wrongFormat.err().contains("not a gradcheck result"), wrongFormat.err());
        Cli otherGrid = gradcheck(LayerFamilies.all(), "--grid", "quick", "--size", "6", "--threads", "2",
                "--out", out.toString(), "--baseline", BASELINE.toString());
        assertEquals(2, otherGrid.code());
        assertTrue(otherGrid.err().contains("different grid"), otherGrid.err());
        Path banana = Files.writeString(dir.resolve("banana.json"), Files.readString(BASELINE)
                .replaceFirst("\"verdict\"\\s*:\\s*\"[a-z-]+\"", "\"verdict\": \"banana\""));
        Cli unknownVerdict = gradcheck(LayerFamilies.all(), "--grid", "quick", "--out", out.toString(),
                "--baseline", banana.toString());
        assertEquals(2, unknownVerdict.code());
        assertTrue(unknownVerdict.err().contains("\"verdict\" must be one of accurate, ill-conditioned,"),
                unknownVerdict.err());
        assertFalse(unknownVerdict.err().contains("org.mbp"), unknownVerdict.err());
        assertEquals(2, gradcheck(LayerFamilies.all(), "--update-baseline").code());
        assertEquals(2, gradcheck(LayerFamilies.all(), "--factor", "0.5").code());
    }

    @Test
    void updateBaselineWritesTheRunThatThenComparesClean() {
        Path baseline = dir.resolve("sub").resolve("baseline.json");
        Cli update = gradcheck(List.of(LayerFamilies.all().get(0)), "--grid", "quick", "--out",
                dir.resolve("a.json").toString(), "--baseline", baseline.toString(), "--update-baseline");
        assertEquals(0, update.code(), update.err());
        assertTrue(Files.isRegularFile(baseline));
        Cli compare = gradcheck(List.of(LayerFamilies.all().get(0)), "--grid", "quick", "--out",
                dir.resolve("b.json").toString(), "--baseline", baseline.toString());
        assertEquals(0, compare.code(), compare.out() + compare.err());
    }

    @Test
    void aFactorWithoutABaselineToCompareWithIsRefused() {
        Cli alone = gradcheck(LayerFamilies.all(), "--grid", "quick", "--factor", "5", "--out",
                dir.resolve("x.json").toString());
        assertEquals(2, alone.code(), alone.err());
        assertTrue(alone.err().contains("--factor applies only when comparing with --baseline FILE"), alone.err());
        Cli updating = gradcheck(LayerFamilies.all(), "--grid", "quick", "--factor", "5", "--baseline",
                dir.resolve("b.json").toString(), "--update-baseline", "--out", dir.resolve("x.json").toString());
        assertEquals(2, updating.code(), updating.err());
        assertTrue(Files.notExists(dir.resolve("x.json")) && Files.notExists(dir.resolve("b.json")));
    }

    @Test
    void outMayNameAFolderAndTheJsonHoldsNoTiming() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("results"));
        Cli run = gradcheck(List.of(LayerFamilies.all().get(0)), "--grid", "quick", "--out", folder.toString());
        assertEquals(0, run.code(), run.err());
        String json = Files.readString(folder.resolve("gradcheck.json"));
        assertTrue(json.contains("\"key\" : \"svd|paper|double|separated\""), json);
        assertTrue(!json.contains("\"created\"") && !json.contains("\"seconds\""), json);
    }

    /** Issue 16: a word for an error used to switch the regression gate off for that cell. */
    @Test
    void aBaselineWithAWordForAnErrorIsBadInputNamingTheCellAndField() throws IOException {
        Path damaged = Files.writeString(dir.resolve("damaged.json"), Files.readString(BASELINE)
                .replaceFirst("\"max_error\" : [^,]*,", "\"max_error\" : \"abc\","));
        Path out = dir.resolve("out.json");
        Cli run = gradcheck(LayerFamilies.all(), "--grid", "quick", "--out", out.toString(), "--baseline",
                damaged.toString());
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("--baseline " + damaged + ": cell 1 (svd|paper|double|separated): \"max_error\""
                + " must be a number ≥ 0, got \"abc\""), run.err());
        assertTrue(Files.notExists(out), "nothing is run or written on a bad baseline");
    }
}
