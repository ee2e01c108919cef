package org.mbp.devicecheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.mbp.backend.EjmlOps;
import org.mbp.devicecheck.jacobi.JacobiEigen;
import org.mbp.devicecheck.jacobi.OneSidedJacobiSvd;
import org.mbp.verify.SampleMatrices;
import org.mbp.cuda.CudaContext;
import org.mbp.cuda.BatchedJacobi;
import org.mbp.cuda.DeviceBuffer;

/**
 * The device check of the batched Jacobi kernels ({@link BatchedJacobi}): their results against
 * the CPU references on random inputs, and their time on the batch sizes of the issue. Inputs
 * follow {@code scripts/peer_eigh_torch.py}'s law: symmetric {@code (G + Gᵀ)/2} for EIG and
 * {@code G} for SVD, G standard normal.
 */
public final class JacobiCheck {

    /** The kernel against its CPU reference on one shape: the largest entry-wise difference over the largest entry. */
    public record Agreement(String decomposition, String shape, int batch, double relativeDifference,
            int maxSweeps) {

        /** Relative difference allowed: the algorithms are the same, the rounding identical by construction. */
        public static final double THRESHOLD = 1e-10;

        /**
         * Whether every comparison passed.
         *
         * @return whether every comparison passed
         */
        public boolean passed() {
            return relativeDifference <= THRESHOLD;
        }
    }

    /** A median time of a batch on the device. */
    public record Timing(String decomposition, int order, int batch, double milliseconds, int maxSweeps) {
    }

    private static final int SWEEPS = BatchedJacobi.DEFAULT_MAX_SWEEPS;

    private JacobiCheck() {
    }

    /**
     * Kernel against reference for EIG of order 1, 7, 32, 64, 256 and SVD of 20×7, 64×64, 300×256 (batch 3).
     *
     * @param context the context
     * @return Kernel against reference for EIG of order 1, 7, 32, 64, 256 and SVD of 20×7, 64×64,
     *         300×256 (batch 3)
     */
    public static List<Agreement> agreement(CudaContext context) {
        List<Agreement> out = new ArrayList<>();
        int batch = 3;
        for (int d : new int[] {1, 7, 32, 64, 256}) {
            double[] a = symmetric(batch, d, d);
            BatchedJacobi.Eigen gpu = BatchedJacobi.eig(context, upload(context, a), d, batch, SWEEPS);
            double[] values = new double[batch * d];
            double[] vectors = new double[batch * d * d];
            int[] sweeps = new int[batch];
            JacobiEigen.decompose(a, d, batch, SWEEPS, values, vectors, sweeps);
            double diff = Math.max(difference(download(gpu.values(), values.length), values),
                    difference(download(gpu.vectors(), vectors.length), vectors));
            out.add(new Agreement("eig", d + "×" + d, batch, statusAgrees(gpu.status(), sweeps) ? diff : Double.NaN,
                    max(gpu.status())));
        }
        for (int[] mn : new int[][] {{20, 7}, {64, 64}, {300, 256}}) {
            int m = mn[0];
            int n = mn[1];
            double[] a = SampleMatrices.gaussianValues(batch * m * n, 17L * m + n);
            BatchedJacobi.Svd gpu = BatchedJacobi.svd(context, upload(context, a), m, n, batch, SWEEPS);
            double[] u = new double[batch * m * n];
            double[] sigma = new double[batch * n];
            double[] v = new double[batch * n * n];
            int[] sweeps = new int[batch];
            OneSidedJacobiSvd.decompose(a, m, n, batch, SWEEPS, u, sigma, v, sweeps);
            double diff = Math.max(difference(download(gpu.u(), u.length), u),
                    Math.max(difference(download(gpu.sigma(), sigma.length), sigma),
                            difference(download(gpu.v(), v.length), v)));
            out.add(new Agreement("svd", m + "×" + n, batch, statusAgrees(gpu.status(), sweeps) ? diff : Double.NaN,
                    max(gpu.status())));
        }
        return out;
    }

    /**
     * Median of {@code repeats} timed batches (after one untimed) for each order, EIG then SVD.
     *
     * @param context the context
     * @param batch the batch
     * @param orders the orders
     * @param repeats timed repetitions of each batched EIG/SVD (their median is reported)
     * @return median of {@code repeats} timed batches (after one untimed) for each order, EIG then
     *         SVD
     */
    public static List<Timing> timings(CudaContext context, int batch, int[] orders, int repeats) {
        List<Timing> out = new ArrayList<>();
        for (int d : orders) {
            DeviceBuffer sym = upload(context, symmetric(batch, d, d));
            DeviceBuffer general = upload(context, SampleMatrices.gaussianValues(batch * d * d, 31L * d));
            int[] eigSweeps = new int[1];
            double eig = median(repeats, () -> eigSweeps[0] = max(BatchedJacobi.eig(context, sym, d, batch, SWEEPS).status()));
            int[] svdSweeps = new int[1];
            double svd = median(repeats, () -> svdSweeps[0] = max(BatchedJacobi.svd(context, general, d, d, batch, SWEEPS).status()));
            out.add(new Timing("eig", d, batch, eig, eigSweeps[0]));
            out.add(new Timing("svd", d, batch, svd, svdSweeps[0]));
        }
        return out;
    }

    private static double median(int repeats, Runnable run) {
        run.run();
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            run.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[repeats / 2];
    }

    /** {@code batch} matrices {@code G_sym} of order d, G standard normal, one after another. */
    private static double[] symmetric(int batch, int d, long seed) {
        EjmlOps ops = EjmlOps.DOUBLE;
        SimpleMatrix g = SampleMatrices.gaussian(ops, batch * d, d, seed);
        double[] a = new double[batch * d * d];
        for (int b = 0; b < batch; b++) {
            double[] item = ops.toRowMajor(ops.sym(ops.block(g, b * d, (b + 1) * d, 0, d)));
            System.arraycopy(item, 0, a, b * d * d, d * d);
        }
        return a;
    }

    private static DeviceBuffer upload(CudaContext context, double[] values) {
        DeviceBuffer b = context.allocate((long) values.length * Double.BYTES);
        b.upload(values);
        return b;
    }

    private static double[] download(DeviceBuffer buffer, int count) {
        double[] v = new double[count];
        buffer.download(v);
        return v;
    }

    private static double difference(double[] gpu, double[] cpu) {
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < cpu.length; i++) {
            worst = Math.max(worst, Math.abs(gpu[i] - cpu[i]));
            scale = Math.max(scale, Math.abs(cpu[i]));
        }
        return worst / Math.max(scale, Double.MIN_NORMAL);
    }

    private static boolean statusAgrees(int[] gpu, int[] cpu) {
        return Arrays.equals(gpu, cpu);
    }

    private static int max(int[] status) {
        return Arrays.stream(status).max().orElse(0);
    }
}
