package org.mbp.cuda;

import org.mbp.backend.Precision;

/**
 * The kernels of one precision on one context, with the launch shapes they were written for
 * (documented in {@code dense.cu} and {@code images.cu}): 256-thread blocks for entry-wise and
 * reduction kernels, 32×8-thread blocks over 32×32 tiles for {@code gemm} and {@code transpose}
 * (and over a stack's matrices in z for {@code gemm}).
 */
final class Launcher {

    /** Output tile edge of the tiled kernels. */
    static final int TILE = 32;
    /** Thread rows of a tiled block (each thread covers {@code TILE / TILE_ROWS} rows of a tile). */
    static final int TILE_ROWS = 8;
    /** Rows one 256-thread block reduces at a time in the warp-per-row kernels. */
    static final int WARPS_PER_BLOCK = Kernel.Grid.LINEAR_BLOCK / 32;
    /** Cap on each grid dimension of the tiled kernels (they loop over tiles beyond it). */
    static final int MAX_TILE_GRID = 65535;

    private final CudaContext context;
    private final Precision precision;

    /**
     * Loads both modules and resolves every entry point now, so that a PTX without one of them fails
     * here rather than in the middle of a computation.
     */
    Launcher(CudaContext context, Precision precision) {
        this.context = context;
        this.precision = precision;
        for (KernelEntry entry : KernelEntry.values()) {
            for (String name : entry.entryNames()) {
                context.kernels(entry.module().resource()).function(name);
            }
        }
    }

    CudaContext context() {
        return context;
    }

    Precision precision() {
        return precision;
    }

    /** The kernel in this launcher's precision. */
    Kernel kernel(KernelEntry entry) {
        return kernel(entry, precision);
    }

    /** The kernel of element type {@code type}. */
    Kernel kernel(KernelEntry entry, Precision type) {
        return context.kernels(entry.module().resource()).function(entry.entryName(type));
    }

    /** An uninitialised matrix of this precision. */
    DeviceMatrix allocate(int rows, int cols) {
        return DeviceMatrix.allocate(context, rows, cols, precision);
    }

    /** {@code value} rounded to this precision, boxed as the kernel argument type T. */
    Object scalar(double value) {
        return precision == Precision.FLOAT ? (Object) (float) value : (Object) value;
    }

    /** Warp-per-row kernels over {@code rows} rows. */
    static Kernel.Grid warpPerRow(int rows) {
        return Kernel.Grid.linear((long) rows * 32);
    }

    /** Tiled kernels over a {@code rows × cols} matrix: x across column tiles, y down row tiles. */
    static Kernel.Grid tiles(int rows, int cols) {
        return tiles(rows, cols, 1);
    }

    /**
     * Tiled kernels over a stack of {@code count} {@code rows × cols} matrices: x across column
     * tiles, y down row tiles, z over the matrices (capped too; the kernel loops beyond it).
     */
    static Kernel.Grid tiles(int rows, int cols, int count) {
        int across = Math.max(1, Math.min(MAX_TILE_GRID, (cols + TILE - 1) / TILE));
        int down = Math.max(1, Math.min(MAX_TILE_GRID, (rows + TILE - 1) / TILE));
        int deep = Math.max(1, Math.min(MAX_TILE_GRID, count));
        return new Kernel.Grid(across, down, deep, TILE, TILE_ROWS, 1, 0);
    }
}
