package org.mbp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.Precision;
import org.mbp.device.ComputeDevice;
import org.mbp.device.Device;
import org.mbp.io.DenseMatrix;
import org.mbp.io.MatrixFiles;
import org.mbp.io.NpyFormat;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.Form;
import org.mbp.precise.FieldOps;
import org.mbp.precise.HighPrecision;
import org.mbp.verify.SampleMatrices;
import org.mbp.verify.Verifier;

/** {@code mbp grad} end to end: files in, gradient file and JSON line out, errors as exit 2. */
class GradCommandTest {

    private static final EjmlOps O = EjmlOps.DOUBLE;

    @TempDir
    Path dir;

    private static Cli mbp(String... args) {
        return Cli.run(args);
    }

    private Path save(String name, SimpleMatrix m) throws IOException {
        Path p = dir.resolve(name);
        MatrixFiles.write(p, new DenseMatrix(m.getNumRows(), m.getNumCols(), O.toRowMajor(m)), false);
        return p;
    }

    private Path save(String name, int rows, int cols, double... values) throws IOException {
        return save(name, O.fromRowMajor(rows, cols, values));
    }

    private String[] args(String... a) {
        return a;
    }

    @Test
    void o2pGradientMatchesTheLibraryAndPrintsOneJsonLine() throws IOException {
        SimpleMatrix f = SampleMatrices.gaussian(O, 12, 5, 1);
        SimpleMatrix g = SampleMatrices.gaussian(O, 5, 5, 2);
        Path out = dir.resolve("grad.npy");
        Cli run = mbp("grad", "o2p-svd", "--input", save("f.npy", f).toString(), "--upstream",
                save("g.npy", g).toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        EjmlOps cli = EjmlOps.fastest(Precision.DOUBLE);
        SimpleMatrix expected = DeepO2P.svd(cli, DeepO2P.DEFAULT_EPSILON, Form.PAPER).forward(f).adjoint(g);
        assertArrayEquals(O.toRowMajor(expected), MatrixFiles.read(out).values(), 0.0);
        assertEquals(1, run.out().strip().lines().count(), "exactly one line on stdout");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("o2p-svd", json.get("layer").asText());
        assertEquals(O.dot(g, DeepO2P.svd(O, 1e-3, Form.PAPER).forward(f).output()), json.get("loss").asDouble(), 1e-12);
        assertEquals(12, json.get("input_shape").get(0).asInt());
        JsonNode svd = json.get("diagnostics").get(0);
        assertEquals("svd", svd.get("stage").asText());
        assertEquals(5, svd.get("numerical_rank").asInt());
        assertTrue(svd.get("min_relative_gap").asDouble() > 0 && svd.has("max_abs_k") && svd.has("condition_number"));
    }

    @Test
    void anOutThatIsAnInputUnderAnyNameIsRefusedAndTheInputKept() throws IOException {
        Path f = save("f.npy", SampleMatrices.gaussian(O, 8, 3, 1));
        Path g = save("g.npy", SampleMatrices.gaussian(O, 3, 3, 2));
        byte[] before = Files.readAllBytes(f);
        byte[] upstreamBefore = Files.readAllBytes(g);
        Path link = Files.createSymbolicLink(dir.resolve("link.npy"), f);
        Path hard = Files.createLink(dir.resolve("hard.npy"), g);
        for (String[] out : List.of(args(f.toString(), "--input"), args(dir.resolve("./f.npy").toString(), "--input"),
                args(link.toString(), "--input"), args(hard.toString(), "--upstream"))) {
            Cli run = mbp("grad", "o2p-svd", "--input", f.toString(), "--upstream", g.toString(), "--out", out[0]);
            assertEquals(2, run.code(), run.err());
            assertTrue(run.err().contains("is the " + out[1] + " file"), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
        assertArrayEquals(before, Files.readAllBytes(f));
        assertArrayEquals(upstreamBefore, Files.readAllBytes(g));
    }

    @Test
    void overflowAndUnderflowAreNamedAsSuch() throws IOException {
        SimpleMatrix f = SampleMatrices.gaussian(O, 12, 4, 1);
        String[][] cases = {
            {"1e300", "o2p-svd", "double", "overflow: F'F (eq. 4) exceeds the largest double number"},
            {"1e300", "o2p-eig", "double", "overflow: F'F (eq. 4) exceeds the largest double number"},
            {"1e30", "o2p-svd", "float", "overflow: F'F (eq. 4) exceeds the largest float number"},
            {"1e300", "o2p-eig", "float", "--input entry (0, 0) = "},
            {"1e300", "projector", "float", "overflows float (largest 3.40e+38): use --precision double"},
            {"1e-300", "o2p-svd", "double", "σ² underflow: ‖F‖² ≈ 1e-598 is below the smallest normal double"},
            {"1e-300", "o2p-eig", "double", "σ² underflow"},
            {"1e-300", "o2p-svd", "float", "σ² underflow"},
        };
        for (String[] c : cases) {
            Path in = save("f" + c[0] + ".npy", f.scale(Double.parseDouble(c[0])));
            Cli run = mbp("grad", c[1], "--input", in.toString(), "--precision", c[2], "--out",
                    dir.resolve("g.npy").toString());
            assertEquals(2, run.code(), run.toString());
            assertTrue(run.err().contains(c[3]), String.join(" ", c) + ": " + run.err());
            assertEquals(1, run.err().lines().filter(l -> !l.startsWith("computing on")).count(), run.err());
            for (String symptom : List.of("is Infinity", "non-finite entry", "too close", "Diagnostics[")) {
                assertFalse(run.err().contains(symptom), run.err());
            }
        }
        Path tiny = save("tiny.npy", f.scale(1e-300));
        Cli stable = mbp("grad", "o2p-svd", "--input", tiny.toString(), "--form", "stable", "--out",
                dir.resolve("g.npy").toString());
        assertEquals(0, stable.code(), stable.toString());
    }

    @Test
    void everyLayerRunsInBothPrecisionsAndFormats() throws IOException {
        SimpleMatrix f = SampleMatrices.gaussian(O, 10, 4, 3);
        SimpleMatrix positive = SampleMatrices.uniform(O, 8, 3, 0.1, 1, 4);
        Path e = save("e.csv", SampleMatrices.indicator(O, new int[] {0, 1, 1, 2, 0, 2, 1, 0}, 3));
        Path z = save("z.npy", O.add(O.multTransA(f, f), O.identity(4)));
        List<String[]> runs = new ArrayList<>();
        for (String precision : List.of("double", "float")) {
            runs.add(args("o2p-eig", "--input", save("f.npy", f).toString(), "--precision", precision, "--form", "stable"));
            runs.add(args("o2p-svd", "--input", dir.resolve("f.npy").toString(), "--precision", precision, "--epsilon", "0.01"));
            runs.add(args("eig-fn", "--fn", "exp", "--input", z.toString(), "--precision", precision));
            runs.add(args("eig-fn", "--fn", "sqrt", "--form", "stable", "--input", z.toString(), "--precision", precision));
            runs.add(args("projector", "--input", dir.resolve("f.npy").toString(), "--precision", precision));
            runs.add(args("ncuts-j1", "--input", save("p.npy", positive).toString(), "--target", e.toString(), "--precision", precision));
            runs.add(args("ncuts-j2", "--input", dir.resolve("p.npy").toString(), "--target", e.toString(), "--precision", precision));
        }
        for (String[] a : runs) {
            Path out = dir.resolve("out.npy");
            Files.deleteIfExists(out);
            List<String> all = new ArrayList<>(List.of("grad"));
            all.addAll(List.of(a));
            all.addAll(List.of("--out", out.toString()));
            Cli run = mbp(all.toArray(String[]::new));
            assertEquals(0, run.code(), String.join(" ", a) + ": " + run.err());
            byte[] bytes = Files.readAllBytes(out);
            String header = new String(bytes, 10, 60, java.nio.charset.StandardCharsets.ISO_8859_1);
            boolean single = all.contains("float");
            assertTrue(header.contains(single ? "'<f4'" : "'<f8'"), header);
            DenseMatrix g = MatrixFiles.read(out);
            int inputRows = Integer.parseInt(new ObjectMapper().readTree(run.out()).get("input_shape").get(0).asText());
            assertEquals(inputRows, g.rows());
        }
    }

    @Test
    void eigFnGradientIsTheSymmetricGradient() throws IOException {
        SimpleMatrix z = SampleMatrices.symmetricWithEigenvalues(O, new double[] {1, 2, 4}, 5);
        SimpleMatrix g = SampleMatrices.gaussian(O, 3, 3, 6);
        Path out = dir.resolve("s.npy");
        assertEquals(0, mbp("grad", "eig-fn", "--input", save("z.npy", z).toString(), "--upstream",
                save("g.npy", g).toString(), "--out", out.toString()).code());
        DenseMatrix grad = MatrixFiles.read(out);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(grad.get(i, j), grad.get(j, i), 1e-15);
            }
        }
    }

    /** Every bad input: exit 2, a one-line message naming the problem, and no output written. */
    @Test
    void badInputsExitTwoWithANamedProblemAndWriteNothing() throws IOException {
        Path f = save("f.npy", SampleMatrices.gaussian(O, 6, 3, 7));
        Path nan = save("nan.npy", 2, 2, 1, 0, Double.NaN, 1);
        Path asymmetric = save("asym.npy", 2, 2, 2, 1, 0.5, 2);
        Path negative = save("neg.npy", 3, 2, 1, 0, 0, 1, -0.5, 0);
        Path e3 = save("e3.npy", SampleMatrices.indicator(O, new int[] {0, 1, 1}, 2));
        Path notIndicator = save("e2.npy", 3, 2, 1, 0, 0.5, 0.5, 0, 1);
        Path twoOnes = save("e1.npy", 3, 2, 1, 1, 0, 1, 0, 1);
        Path e6 = save("e6.npy", SampleMatrices.indicator(O, new int[] {0, 1, 1, 0, 1, 0}, 2));
        Path g4 = save("g4.npy", O.identity(4));
        Path tied = save("tied.npy", O.identity(3));
        Path garbage = dir.resolve("garbage.npy");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        Object[][] cases = {
            {"no such file", args("o2p-svd", "--input", dir.resolve("missing.npy").toString())},
            {"not a .npy file", args("o2p-svd", "--input", garbage.toString())},
            {"non-finite entry NaN at row 1, column 0", args("o2p-eig", "--input", nan.toString())},
            {"must be 3×3", args("o2p-svd", "--input", f.toString(), "--upstream", g4.toString())},
            {"not symmetric", args("eig-fn", "--input", asymmetric.toString())},
            {"row 2 of W sums to", args("ncuts-j1", "--input", negative.toString(), "--target", e3.toString())},
            {"row 2 of W sums to", args("ncuts-j2", "--input", negative.toString(), "--target", e3.toString())},
            {"entry (1,0) is 0.5", args("ncuts-j2", "--input", negative.toString(), "--target", notIndicator.toString())},
            {"row 0 has 2 ones", args("ncuts-j2", "--input", negative.toString(), "--target", twoOnes.toString())},
            {"must have 3 rows", args("ncuts-j2", "--input", negative.toString(), "--target", e6.toString())},
            {"--target E is required", args("ncuts-j1", "--input", f.toString())},
            {"--form stable applies to", args("projector", "--form", "stable", "--input", f.toString())},
            {"--epsilon applies to", args("projector", "--epsilon", "0.1", "--input", f.toString())},
            {"unknown layer 'svd'", args("svd", "--input", f.toString())},
            {"expected one of [DOUBLE, FLOAT] (case-insensitive) but was 'half'", args("o2p-svd", "--precision", "half", "--input", f.toString())},
            {"degenerate spectrum", args("eig-fn", "--input", tied.toString())},
        };
        Path out = dir.resolve("keep.npy");
        DenseMatrix previous = new DenseMatrix(1, 1, new double[] {42});
        MatrixFiles.write(out, previous, false);
        byte[] before = Files.readAllBytes(out);
        for (Object[] c : cases) {
            List<String> all = new ArrayList<>(List.of("grad"));
            all.addAll(List.of((String[]) c[1]));
            all.addAll(List.of("--out", out.toString()));
            Cli run = mbp(all.toArray(String[]::new));
            assertEquals(2, run.code(), c[0] + ": " + run.err());
            String first = run.err().lines().filter(l -> !l.startsWith("computing on the")).findFirst().orElse("");
            assertTrue(first.contains((String) c[0]), "expected '" + c[0] + "' in: " + run.err());
            assertTrue(run.out().isEmpty(), "nothing on stdout: " + run.out());
            assertArrayEquals(before, Files.readAllBytes(out), c[0] + ": the existing output is untouched");
        }
        Cli fresh = mbp("grad", "o2p-svd", "--input", nan.toString(), "--out", dir.resolve("new.npy").toString());
        assertEquals(2, fresh.code());
        assertFalse(Files.exists(dir.resolve("new.npy")), "no output file left behind");
        Cli folder = mbp("grad", "o2p-svd", "--input", f.toString(), "--out", dir.resolve("no/such/g.npy").toString());
        assertEquals(2, folder.code());
        assertTrue(folder.err().contains("does not exist"), folder.err());
        Cli extension = mbp("grad", "o2p-svd", "--input", f.toString(), "--out", dir.resolve("g.txt").toString());
        assertEquals(2, extension.code());
        assertTrue(extension.err().contains("unknown file type"), extension.err());
    }

    /** F = A·B, A 20×2 and B 2×6 standard normal: rank 2 of 6, the example of issue 16. */
    private Path rankTwoFeatures() throws IOException {
        return save("rank2.npy", SampleMatrices.gaussian(O, 20, 2, 0).mult(SampleMatrices.gaussian(O, 2, 6, 1)));
    }

    /**
     * Issue 16: the paper's form on a rank-deficient F is tens of percent off. The gradient is
     * still written, one line on stderr names the cause and the remedy, the exit status is 3,
     * and the JSON's error_bound covers the error measured against the 44-digit reference; the
     * stable form exits 0 with a small bound that also covers its error.
     */
    @Test
    void aGradientBeyondItsErrorBoundIsWrittenAndFlaggedWithExitThree() throws IOException {
        Path f = rankTwoFeatures();
        SimpleMatrix upstream = O.sym(SampleMatrices.gaussian(O, 6, 6, 2));
        Path g = save("g.npy", upstream);
        FieldOps<Dfp> reference = HighPrecision.ops();
        double[] exact = reference.toRowMajor(DeepO2P.eig(reference, DeepO2P.DEFAULT_EPSILON, Form.STABLE)
                .forward(reference.copyOf(O, O.fromRowMajor(20, 6, MatrixFiles.read(f).values())))
                .adjoint(reference.copyOf(O, upstream)));
        for (String layer : List.of("o2p-svd", "o2p-eig")) {
            Path out = dir.resolve(layer + ".npy");
            Cli paper = mbp("grad", layer, "--input", f.toString(), "--upstream", g.toString(), "--device", "cpu",
                    "--out", out.toString());
            assertEquals(GradCommand.BEYOND_MAX_ERROR, paper.code(), paper.toString());
            assertEquals(1, paper.err().strip().lines().count(), paper.err());
            assertTrue(paper.err().startsWith("mbp grad: warning: the gradient may be off by "), paper.err());
            assertTrue(paper.err().contains("> --max-error 1.0e-06"), paper.err());
            assertTrue(paper.err().contains("nearly equal") && paper.err().contains("use --form stable"), paper.err());
            double bound = new ObjectMapper().readTree(paper.out()).get("error_bound").asDouble();
            double error = Verifier.relativeError(MatrixFiles.read(out).values(), exact);
            assertTrue(error > 1e-2, layer + " is wrong here: " + error);
            assertTrue(bound >= error, layer + ": bound " + bound + " below the error " + error);
            Cli stable = mbp("grad", layer, "--form", "stable", "--input", f.toString(), "--upstream", g.toString(),
                    "--device", "cpu", "--out", out.toString());
            assertEquals(0, stable.code(), stable.toString());
            assertTrue(stable.err().isEmpty(), stable.err());
            double stableBound = new ObjectMapper().readTree(stable.out()).get("error_bound").asDouble();
            double stableError = Verifier.relativeError(MatrixFiles.read(out).values(), exact);
            assertTrue(stableError <= stableBound && stableBound < 1e-6, stableError + " vs " + stableBound);
        }
        Cli tolerant = mbp("grad", "o2p-svd", "--input", f.toString(), "--max-error", "1e6", "--device", "cpu",
                "--out", dir.resolve("t.npy").toString());
        assertEquals(0, tolerant.code(), tolerant.toString());
        Cli zero = mbp("grad", "o2p-svd", "--input", f.toString(), "--max-error", "0", "--out",
                dir.resolve("z.npy").toString());
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--max-error must be positive"), zero.err());
        assertTrue(mbp("grad", "--help").out().contains("3   gradient written, but its predicted error bound"));
    }

    /**
     * With ε = 0 a rank-deficient F makes log(FᵀF) −∞: every route refuses it with exit 2 and one
     * line (the SVD route used to return entries of 5e16), and nothing is written.
     */
    @Test
    void epsilonZeroWithARankDeficientInputIsRefusedByEveryRoute() throws IOException {
        Path f = rankTwoFeatures();
        for (String[] route : List.of(args("o2p-svd"), args("o2p-eig"), args("o2p-svd", "--form", "stable"),
                args("o2p-eig", "--form", "stable"))) {
            Path out = dir.resolve("zero.npy");
            List<String> all = new ArrayList<>(List.of("grad"));
            all.addAll(List.of(route));
            all.addAll(List.of("--input", f.toString(), "--epsilon", "0", "--device", "cpu", "--out", out.toString()));
            Cli run = mbp(all.toArray(String[]::new));
            assertEquals(2, run.code(), String.join(" ", route) + ": " + run);
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains("--epsilon 0 with a rank-deficient F") && run.err().contains("use --epsilon > 0"),
                    run.err());
            assertFalse(Files.exists(out), "nothing written");
        }
    }

    @Test
    void float32InputFilesAreRead() throws IOException {
        Path f32 = dir.resolve("f32.npy");
        DenseMatrix f = new DenseMatrix(4, 2, new double[] {1, 0.5, 0.25, 2, 3, 1, 0, 1});
        try (var out = Files.newOutputStream(f32)) {
            NpyFormat.write(out, f, NpyFormat.DType.FLOAT32);
        }
        Cli run = mbp("grad", "o2p-svd", "--input", f32.toString(), "--out", dir.resolve("g.npy").toString());
        assertEquals(0, run.code(), run.err());
    }

    @Test
    void theDeviceIsChosenSilentlyOrWithOneLineAtVerboseAndAGpuThatIsNotThereIsAnError() throws IOException {
        Path f = save("f.npy", SampleMatrices.gaussian(O, 12, 5, 1));
        Path out = dir.resolve("g.npy");
        Cli cpu = mbp("grad", "o2p-eig", "--input", f.toString(), "--device", "cpu", "--out", out.toString());
        assertEquals(0, cpu.code(), cpu.err());
        assertTrue(cpu.err().isEmpty(), "--device cpu says nothing: " + cpu.err());
        assertTrue(cpu.out().contains("\"device\":\"cpu\""), cpu.out());
        Cli bad = mbp("grad", "o2p-eig", "--input", f.toString(), "--device", "tpu", "--out", dir.resolve("x.npy").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--device must be auto, cpu or gpu, got 'tpu'"), bad.err());
        assertFalse(Files.exists(dir.resolve("x.npy")));
        List<String> notices = new ArrayList<>();
        Assumptions.assumeFalse(ComputeDevice.select(Device.AUTO, notices::add).isGpu(), "this machine has a GPU");
        Cli auto = mbp("grad", "o2p-eig", "--input", f.toString(), "--out", dir.resolve("auto.npy").toString());
        assertEquals(0, auto.code(), auto.err());
        assertTrue(auto.err().isEmpty(), "--device auto says nothing without -v: " + auto.err());
        Cli verbose = mbp("grad", "o2p-eig", "--input", f.toString(), "-v", "--out", dir.resolve("v.npy").toString());
        assertEquals(0, verbose.code(), verbose.err());
        assertEquals(notices.get(0), verbose.err().strip());
        assertTrue(verbose.err().startsWith("computing on the CPU (no GPU: "), verbose.err());
        Cli gpu = mbp("grad", "o2p-eig", "--input", f.toString(), "--device", "gpu", "--out", dir.resolve("y.npy").toString());
        assertEquals(2, gpu.code());
        assertTrue(gpu.err().contains("--device gpu: no GPU: "), gpu.err());
        assertFalse(Files.exists(dir.resolve("y.npy")));
    }
}
