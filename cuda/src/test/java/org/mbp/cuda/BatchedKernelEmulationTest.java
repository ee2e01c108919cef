package org.mbp.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.Outer;
import org.mbp.backend.Precision;

/**
 * The batched kernels behind {@link CudaOps#multBlocks} and {@link CudaOps#outerBlocks} run on the
 * CPU emulator ({@code scripts/emulate-kernels.sh build-dense}: {@code dense.cu} compiled by g++,
 * every CUDA thread a real thread, no floating-point contraction) on the grids {@link Launcher}
 * gives them, against {@link EjmlOps}' batch operations of the same precision, block by block:
 * stacks of one and three blocks, the four transpose combinations, odd shapes (partial tiles, an
 * empty inner dimension). Both sides sum each product's k terms in ascending order in the
 * backend's precision, and {@code outer} evaluates in double and rounds, so the emulated kernels
 * must agree bit for bit (on the GPU, nvcc's fused multiply-adds change the last bits of the
 * products, which the device check's {@code BackendAgreement} bounds). Skipped (assumption) where
 * g++ is not installed.
 */
class BatchedKernelEmulationTest {

    private static final long LIMIT_SECONDS = 120;
    /** m, n, k of op(A) (m×k) times op(B) (k×n): partial 32×32 tiles, one entry, k = 0, a wide slab. */
    private static final int[][] PRODUCTS = {{7, 5, 9}, {33, 65, 40}, {1, 1, 1}, {5, 3, 0}, {2, 40, 3}};
    private static final int STACKED = 3;

    private static Path emulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildEmulator() throws IOException, InterruptedException {
        emulator = KernelEmulator.build("build-dense", LIMIT_SECONDS);
    }

    @Test
    void batchedProductsEqualEjmlsBlockByBlockProducts() throws Exception {
        Random random = new Random(19);
        for (Precision precision : Precision.values()) {
            EjmlOps ejml = precision == Precision.FLOAT ? EjmlOps.FLOAT : EjmlOps.DOUBLE;
            for (int[] shape : PRODUCTS) {
                int m = shape[0];
                int n = shape[1];
                int k = shape[2];
                for (int count : new int[] {1, STACKED}) {
                    for (boolean transA : new boolean[] {false, true}) {
                        for (boolean transB : new boolean[] {false, true}) {
                            SimpleMatrix a = stack(ejml, count, transA ? k : m, transA ? m : k, random);
                            SimpleMatrix b = stack(ejml, count, transB ? n : k, transB ? k : n, random);
                            double[] want = ejml.toRowMajor(ejml.multBlocks(a, transA, b, transB, count));
                            double[] got = emulateProduct(precision, ejml.toRowMajor(a), ejml.toRowMajor(b), m, n, k,
                                    transA, transB, count);
                            assertArrayEquals(want, got, precision.label() + " " + count + " of " + m + "×" + k
                                    + (transA ? "ᵀ" : "") + " times " + k + "×" + n + (transB ? "ᵀ" : ""));
                        }
                    }
                }
            }
        }
    }

    @Test
    void batchedTablesEqualEjmlsBlockByBlockTablesForEveryOperation() throws Exception {
        Random random = new Random(23);
        for (Precision precision : Precision.values()) {
            EjmlOps ejml = precision == Precision.FLOAT ? EjmlOps.FLOAT : EjmlOps.DOUBLE;
            for (int[] shape : new int[][] {{5, 4}, {1, 7}, {6, 1}}) {
                int n = shape[0];
                int k = shape[1];
                double[] v = uniform(STACKED * n, random);
                double[] w = uniform(STACKED * k, random);
                // Every block meets signed zeros and a NaN, whose Math.min/max rules the kernel copies.
                for (int b = 0; b < STACKED; b++) {
                    v[b * n] = -0.0;
                    w[b * k] = 0.0;
                    v[b * n + n - 1] = n > 1 ? Double.NaN : v[b * n + n - 1];
                }
                SimpleMatrix vs = ejml.fromRowMajor(STACKED * n, 1, v);
                SimpleMatrix ws = ejml.fromRowMajor(STACKED * k, 1, w);
                for (Outer op : Outer.values()) {
                    double[] want = ejml.toRowMajor(ejml.outerBlocks(vs, ws, op, STACKED));
                    double[] got = emulateTables(precision, ejml.toRowMajor(vs), ejml.toRowMajor(ws), n, k, op);
                    assertArrayEquals(want, got, precision.label() + " " + op + " of " + STACKED + " pairs of " + n
                            + " and " + k + " entries");
                }
            }
        }
    }

    private double[] emulateProduct(Precision precision, double[] a, double[] b, int m, int n, int k,
            boolean transA, boolean transB, int count) throws IOException, InterruptedException {
        write(dir.resolve("a.bin"), a, precision);
        write(dir.resolve("b.bin"), b, precision);
        Kernel.Grid grid = Launcher.tiles(m, n, count);
        emulate("gemm", precision, m, n, k, transA ? 1 : 0, transB ? 1 : 0, count, grid.gridX(), grid.gridY(),
                grid.gridZ());
        return read(dir.resolve("c.bin"), count * m * n, precision);
    }

    private double[] emulateTables(Precision precision, double[] v, double[] w, int n, int k, Outer op)
            throws IOException, InterruptedException {
        write(dir.resolve("v.bin"), v, precision);
        write(dir.resolve("w.bin"), w, precision);
        emulate("outer", precision, n, k, CudaOps.outerCode(op), STACKED,
                Kernel.Grid.linear((long) STACKED * n * k).gridX());
        return read(dir.resolve("out.bin"), STACKED * n * k, precision);
    }

    private void emulate(String kernel, Precision precision, int... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(emulator.toString(), kernel,
                precision == Precision.FLOAT ? "f32" : "f64", dir.toString()));
        Arrays.stream(args).forEach(x -> command.add(Integer.toString(x)));
        KernelEmulator.Run run = KernelEmulator.run(command, LIMIT_SECONDS);
        assertEquals(0, run.status(), String.join(" ", command) + " failed:\n" + run.output());
    }

    /** {@code count} random blocks of rows×cols stacked, in the backend's precision. */
    private static SimpleMatrix stack(EjmlOps ejml, int count, int rows, int cols, Random random) {
        return ejml.fromRowMajor(count * rows, cols, uniform(count * rows * cols, random));
    }

    private static double[] uniform(int count, Random random) {
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = 2 * random.nextDouble() - 1;
        }
        return x;
    }

    /** The values as little-endian floats (rounded: they are float already) or doubles. */
    private static void write(Path file, double[] x, Precision precision) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(x.length * (precision == Precision.FLOAT ? 4 : 8))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (double v : x) {
            if (precision == Precision.FLOAT) {
                b.putFloat((float) v);
            } else {
                b.putDouble(v);
            }
        }
        Files.write(file, b.array());
    }

    private static double[] read(Path file, int count, Precision precision) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(count * (precision == Precision.FLOAT ? 4 : 8), b.capacity(), file + " has the wrong length");
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = precision == Precision.FLOAT ? b.getFloat() : b.getDouble();
        }
        return x;
    }
}
