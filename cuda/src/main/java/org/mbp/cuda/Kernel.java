package org.mbp.cuda;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;

import java.lang.ref.Reference;
import java.util.List;
import jcuda.Pointer;
import jcuda.driver.CUfunction;

/** One kernel entry point, launched on its context's default stream. */
public final class Kernel {

    /**
     * A launch configuration: grid and block dimensions and the dynamic shared memory in bytes.
     */
    public record Grid(int gridX, int gridY, int gridZ, int blockX, int blockY, int blockZ, int sharedBytes) {

        /** Threads per block of {@link #linear}. */
        public static final int LINEAR_BLOCK = 256;
        /** Most blocks of {@link #linear}: kernels use grid-stride loops beyond it. */
        public static final int LINEAR_MAX_BLOCKS = 4096;

        /** Largest grid extent in y and z, threads per block, and shared memory without opt-in. */
        static final int MAX_GRID_YZ = 65535;
        static final int MAX_THREADS = 1024;
        static final int MAX_SHARED_BYTES = 48 * 1024;

        /**
         * Checks the extents against the device limits.
         *
         * @param gridX the grid x
         * @param gridY the grid y
         * @param gridZ the grid z
         * @param blockX the block x
         * @param blockY the block y
         * @param blockZ the block z
         * @param sharedBytes the shared bytes
         */
        public Grid {
            if (gridX <= 0 || gridY <= 0 || gridZ <= 0 || blockX <= 0 || blockY <= 0 || blockZ <= 0
                    || sharedBytes < 0 || gridY > MAX_GRID_YZ || gridZ > MAX_GRID_YZ
                    || (long) blockX * blockY * blockZ > MAX_THREADS || sharedBytes > MAX_SHARED_BYTES) {
                throw new IllegalArgumentException("bad launch configuration " + gridX + "×" + gridY + "×" + gridZ
                        + " blocks of " + blockX + "×" + blockY + "×" + blockZ + ", " + sharedBytes + " B shared");
            }
        }

        /**
         * 256-thread blocks covering {@code n} items (at most 4096 blocks; grid-stride loops do the rest).
         *
         * @param n the size
         * @return 256-thread blocks covering {@code n} items (at most 4096 blocks; grid-stride
         *         loops do the rest)
         */
        public static Grid linear(long n) {
            long blocks = Math.max(1, Math.min(LINEAR_MAX_BLOCKS, (n + LINEAR_BLOCK - 1) / LINEAR_BLOCK));
            return new Grid((int) blocks, 1, 1, LINEAR_BLOCK, 1, 1, 0);
        }

        /**
         * One block of {@code threads} threads per item of a batch of {@code batch}.
         *
         * @param batch the batch
         * @param threads the number of threads
         * @param sharedBytes the shared bytes
         * @return one block of {@code threads} threads per item of a batch of {@code batch}
         */
        public static Grid perItem(int batch, int threads, int sharedBytes) {
            return new Grid(batch, 1, 1, threads, 1, 1, sharedBytes);
        }
    }

    private final CudaContext context;
    private final String name;
    private final CUfunction function;
    private final List<String> parameterTypes;

    Kernel(CudaContext context, String name, CUfunction function, List<String> parameterTypes) {
        this.context = context;
        this.name = name;
        this.function = function;
        this.parameterTypes = parameterTypes;
    }

    /**
     * {@code module.entry}.
     *
     * @return {@code module.entry}
     */
    public String name() {
        return name;
    }

    /**
     * Launches the kernel (asynchronously; later launches and copies on the context are ordered
     * after it) and counts the launch on the context. Arguments are passed by value in order: a
     * {@link DeviceBuffer} or {@link DeviceMatrix} as its device address, Integer as {@code int},
     * Long as {@code long long}, Float as {@code float}, Double as {@code double}.
     *
     * @param grid the grid
     * @param args the command-line arguments
     * @throws IllegalArgumentException for an argument of another type, or one that does not match
     *                                  the kernel's PTX parameter (count and width)
     */
    public void launch(Grid grid, Object... args) {
        PtxSignatures.check(name, parameterTypes, args);
        Pointer[] params = new Pointer[args.length];
        for (int i = 0; i < args.length; i++) {
            params[i] = parameter(args[i], i);
        }
        context.makeCurrent();
        try {
            cuLaunchKernel(function, grid.gridX(), grid.gridY(), grid.gridZ(), grid.blockX(), grid.blockY(),
                    grid.blockZ(), grid.sharedBytes(), null, Pointer.to(params), null);
            context.countLaunch();
        } finally {
            // The buffers must stay reachable until the launch is issued: a collected buffer's block
            // could otherwise be reused by another thread before this launch is queued.
            Reference.reachabilityFence(args);
        }
    }

    private Pointer parameter(Object arg, int index) {
        if (arg instanceof DeviceMatrix m) {
            return Pointer.to(m.buffer().pointer());
        } else if (arg instanceof DeviceBuffer b) {
            return Pointer.to(b.pointer());
        } else if (arg instanceof Integer v) {
            return Pointer.to(new int[] {v});
        } else if (arg instanceof Long v) {
            return Pointer.to(new long[] {v});
        } else if (arg instanceof Float v) {
            return Pointer.to(new float[] {v});
        } else if (arg instanceof Double v) {
            return Pointer.to(new double[] {v});
        }
        throw new IllegalArgumentException(name + ": argument " + index + " has unsupported type "
                + (arg == null ? "null" : arg.getClass().getSimpleName()));
    }
}
