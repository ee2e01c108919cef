package org.mbp.devicecheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbp.devicecheck.jacobi.JacobiEigen;
import org.mbp.devicecheck.jacobi.OneSidedJacobiSvd;
import org.mbp.cuda.KernelEmulator;

/**
 * The kernels of {@code jacobi.cu} run on the CPU emulator ({@code cuda/src/test/emulator}, built
 * by {@code scripts/emulate-kernels.sh build-jacobi} with g++): 256 threads per block as real
 * threads, {@code __syncthreads} as barriers, the {@code __d*_rn} intrinsics as plain IEEE double
 * operations without contraction. Their outputs must equal, bit for bit, those of the Java
 * references {@link JacobiEigen} and {@link OneSidedJacobiSvd}, which claim the kernel's
 * arithmetic operation for operation: any race, out-of-bounds access or reordered operation in the
 * kernel would show as a difference. Inputs and outputs travel as raw little-endian files.
 * Skipped (assumption) where g++ is not installed.
 */
class JacobiKernelEmulationTest {

    private static final int THREADS = 256;
    private static final int MAX_SWEEPS = 30;
    private static final double SENTINEL = 42.0;
    private static final int SENTINEL_STATUS = 99;
    private static final long RUN_LIMIT_SECONDS = 120;

    private static Path emulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildEmulator() throws IOException, InterruptedException {
        emulator = KernelEmulator.build("build-jacobi", RUN_LIMIT_SECONDS);
    }

    @Test
    void eigenOfOrdersOneToSixtyFourMatchesTheJavaReferenceBitForBit() throws Exception {
        Random random = new Random(2024);
        compareEig(concat(randomSymmetric(1, random), randomSymmetric(1, random), new double[] {0.0}), 1, 3, 3,
                MAX_SWEEPS);
        compareEig(concat(randomSymmetric(2, random), new double[] {3, 0, 0, 3}, new double[] {1, 2, 2, 1}), 2, 3,
                3, MAX_SWEEPS);
        compareEig(concat(randomSymmetric(32, random), withSpectrum(32, i -> i % 4, random)), 32, 2, 2,
                MAX_SWEEPS);
        compareEig(concat(randomSymmetric(64, random), randomSymmetric(64, random)), 64, 2, 2, MAX_SWEEPS);
    }

    @Test
    void eigenWithRepeatedEigenvaluesAndFewerBlocksThanMatrices() throws Exception {
        Random random = new Random(7);
        double[] spectrum = {2, 2, 2, -1, -1, 5, 0};
        double[] a = concat(randomSymmetric(7, random), withSpectrum(7, i -> spectrum[i], random),
                randomSymmetric(7, random));
        compareEig(a, 7, 3, 2, MAX_SWEEPS);
    }

    @Test
    void eigenStoppedBeforeConvergenceMatchesTheJavaState() throws Exception {
        Random random = new Random(11);
        int[] sweeps = compareEig(concat(randomSymmetric(32, random), randomSymmetric(32, random)), 32, 2, 2, 1);
        assertArrayEquals(new int[] {-1, -1}, sweeps, "one sweep cannot converge on a random 32x32 matrix");
    }

    @Test
    void svdOfTallAndSquareMatricesMatchesTheJavaReferenceBitForBit() throws Exception {
        Random random = new Random(5);
        compareSvd(uniform(2 * 20 * 7, random), 20, 7, 2, 1);
        compareSvd(uniform(2 * 64 * 64, random), 64, 64, 2, 2);
    }

    @Test
    void invalidMatrixGetsStatusZeroAndKeepsItsOutputs() throws Exception {
        Random random = new Random(3);
        int d = 7;
        double[] valid = randomSymmetric(d, random);
        double[] invalid = randomSymmetric(d, random);
        invalid[3 * d + 5] = Double.NaN;
        Eig got = emulateEig(concat(valid, invalid), d, 2, MAX_SWEEPS, 2, THREADS);
        Eig want = javaEig(valid, d, 1, MAX_SWEEPS);
        assertArrayEquals(new int[] {want.sweeps[0], 0}, got.sweeps, "statuses");
        assertBitIdentical("values", concat(want.values, filled(d)), got.values);
        assertBitIdentical("vectors", concat(want.vectors, filled(d * d)), got.vectors);
    }

    @Test
    void blockOfOtherThan256ThreadsRunsNothing() throws Exception {
        Random random = new Random(4);
        Eig eig = emulateEig(concat(randomSymmetric(7, random), randomSymmetric(7, random)), 7, 2, MAX_SWEEPS, 2,
                128);
        assertArrayEquals(new int[] {0, 0}, eig.sweeps, "eig statuses");
        assertBitIdentical("eig values", filled(14), eig.values);
        Svd svd = emulateSvd(uniform(20 * 7, random), 20, 7, 1, MAX_SWEEPS, 1, 128);
        assertArrayEquals(new int[] {0}, svd.sweeps, "svd statuses");
        assertBitIdentical("svd sigma", filled(7), svd.sigma);
    }

    // ---------------------------------------------------------------- comparisons

    private int[] compareEig(double[] a, int d, int batch, int grid, int maxSweeps) throws Exception {
        Eig want = javaEig(a, d, batch, maxSweeps);
        Eig got = emulateEig(a, d, batch, maxSweeps, grid, THREADS);
        String what = "eig d=" + d + " batch=" + batch + " grid=" + grid + " maxSweeps=" + maxSweeps + ": ";
        assertArrayEquals(want.sweeps, got.sweeps, what + "statuses");
        assertBitIdentical(what + "values", want.values, got.values);
        assertBitIdentical(what + "vectors", want.vectors, got.vectors);
        return got.sweeps;
    }

    private void compareSvd(double[] a, int m, int n, int batch, int grid) throws Exception {
        Svd want = javaSvd(a, m, n, batch);
        Svd got = emulateSvd(a, m, n, batch, MAX_SWEEPS, grid, THREADS);
        String what = "svd " + m + "x" + n + " batch=" + batch + " grid=" + grid + ": ";
        assertArrayEquals(want.sweeps, got.sweeps, what + "statuses");
        assertTrue(Arrays.stream(want.sweeps).allMatch(s -> s > 0), what + "converged " + Arrays.toString(want.sweeps));
        assertBitIdentical(what + "sigma", want.sigma, got.sigma);
        assertBitIdentical(what + "u", want.u, got.u);
        assertBitIdentical(what + "v", want.v, got.v);
    }

    /** Equal bits (so also the sign of zero); on failure the count and largest difference. */
    private static void assertBitIdentical(String what, double[] want, double[] got) {
        assertEquals(want.length, got.length, what + ": length");
        int differing = 0;
        int first = -1;
        double largest = 0;
        for (int i = 0; i < want.length; i++) {
            if (Double.doubleToLongBits(want[i]) != Double.doubleToLongBits(got[i])) {
                differing++;
                first = first < 0 ? i : first;
                largest = Math.max(largest, Math.abs(want[i] - got[i]));
            }
        }
        if (differing > 0) {
            fail(what + ": " + differing + " of " + want.length + " entries differ, largest |difference| " + largest
                    + ", first at " + first + ": Java " + want[first] + ", kernel " + got[first]);
        }
    }

    private record Eig(double[] values, double[] vectors, int[] sweeps) {
    }

    private record Svd(double[] u, double[] sigma, double[] v, int[] sweeps) {
    }

    private static Eig javaEig(double[] a, int d, int batch, int maxSweeps) {
        Eig e = new Eig(new double[batch * d], new double[batch * d * d], new int[batch]);
        JacobiEigen.decompose(a, d, batch, maxSweeps, e.values, e.vectors, e.sweeps);
        return e;
    }

    private static Svd javaSvd(double[] a, int m, int n, int batch) {
        Svd s = new Svd(new double[batch * m * n], new double[batch * n], new double[batch * n * n], new int[batch]);
        OneSidedJacobiSvd.decompose(a, m, n, batch, MAX_SWEEPS, s.u, s.sigma, s.v, s.sweeps);
        return s;
    }

    /** The kernel's outputs, the buffers pre-filled with {@value #SENTINEL} and status 99. */
    private Eig emulateEig(double[] a, int d, int batch, int maxSweeps, int grid, int threads) throws Exception {
        Path work = Files.createTempDirectory(dir, "eig");
        writeDoubles(work.resolve("a.bin"), a);
        writeDoubles(work.resolve("values.bin"), filled(batch * d));
        writeDoubles(work.resolve("vectors.bin"), filled(batch * d * d));
        writeInts(work.resolve("sweeps.bin"), batch);
        emulate("eig", work, d, batch, maxSweeps, grid, threads);
        return new Eig(readDoubles(work.resolve("values.bin"), batch * d),
                readDoubles(work.resolve("vectors.bin"), batch * d * d), readInts(work.resolve("sweeps.bin"), batch));
    }

    private Svd emulateSvd(double[] a, int m, int n, int batch, int maxSweeps, int grid, int threads)
            throws Exception {
        Path work = Files.createTempDirectory(dir, "svd");
        writeDoubles(work.resolve("a.bin"), a);
        writeDoubles(work.resolve("u.bin"), filled(batch * m * n));
        writeDoubles(work.resolve("sigma.bin"), filled(batch * n));
        writeDoubles(work.resolve("v.bin"), filled(batch * n * n));
        writeInts(work.resolve("sweeps.bin"), batch);
        emulate("svd", work, m, n, batch, maxSweeps, grid, threads);
        return new Svd(readDoubles(work.resolve("u.bin"), batch * m * n), readDoubles(work.resolve("sigma.bin"),
                batch * n), readDoubles(work.resolve("v.bin"), batch * n * n), readInts(work.resolve("sweeps.bin"),
                batch));
    }

    private static void emulate(String mode, Path work, int... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(emulator.toString(), mode, work.toString()));
        Arrays.stream(args).forEach(x -> command.add(Integer.toString(x)));
        KernelEmulator.Run r = KernelEmulator.run(command, RUN_LIMIT_SECONDS);
        assertEquals(0, r.status(), String.join(" ", command) + " failed:\n" + r.output());
    }

    // ---------------------------------------------------------------- inputs

    private static double[] uniform(int count, Random random) {
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = 2 * random.nextDouble() - 1;
        }
        return x;
    }

    private static double[] randomSymmetric(int d, Random random) {
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                a[i * d + j] = 2 * random.nextDouble() - 1;
                a[j * d + i] = a[i * d + j];
            }
        }
        return a;
    }

    /** H·diag(λ)·H with the Householder reflection H = I − 2vvᵀ/vᵀv, upper triangle mirrored. */
    private static double[] withSpectrum(int d, IntToDoubleFunction lambda, Random random) {
        double[] v = uniform(d, random);
        double vv = Arrays.stream(v).map(x -> x * x).sum();
        double[] h = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                h[i * d + j] = (i == j ? 1 : 0) - 2 * v[i] * v[j] / vv;
            }
        }
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += h[i * d + k] * lambda.applyAsDouble(k) * h[j * d + k];
                }
                a[i * d + j] = s;
                a[j * d + i] = s;
            }
        }
        return a;
    }

    private static double[] filled(int count) {
        double[] x = new double[count];
        Arrays.fill(x, SENTINEL);
        return x;
    }

    private static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }

    // ---------------------------------------------------------------- files and processes

    private static void writeDoubles(Path file, double[] x) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(x);
        Files.write(file, b.array());
    }

    private static void writeInts(Path file, int count) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            b.putInt(SENTINEL_STATUS);
        }
        Files.write(file, b.array());
    }

    private static double[] readDoubles(Path file, int count) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(8L * count, bytes.length, file + ": size");
        double[] x = new double[count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(x);
        return x;
    }

    private static int[] readInts(Path file, int count) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(4L * count, bytes.length, file + ": size");
        int[] x = new int[count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(x);
        return x;
    }
}
