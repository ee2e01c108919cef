package org.mbp.cuda;

import org.mbp.backend.Precision;

/**
 * Deterministic two-pass reductions to one host value: the first pass leaves one partial per block
 * of {@link Kernel.Grid#linear} (whose block count depends on the entry count alone), the second
 * combines the partials in one block. The result is therefore the same on every run.
 */
final class DeviceReductions {

    private final Launcher launcher;

    DeviceReductions(Launcher launcher) {
        this.launcher = launcher;
    }

    /** {@code Σ a_e b_e}, products and sums in the launcher's precision. */
    double dot(DeviceMatrix a, DeviceMatrix b) {
        return twoPass(KernelEntry.DOT_PARTIAL, KernelEntry.SUM_PARTIAL, a.size(), a, b);
    }

    /** {@code max |a_e|}: 0 when empty, NaN when an entry is NaN (as {@link Math#max}). */
    double maxAbs(DeviceMatrix a) {
        return twoPass(KernelEntry.MAX_ABS_PARTIAL, KernelEntry.MAX_ABS_PARTIAL, a.size(), a);
    }

    /** The number of NaN and infinite entries. */
    int nonFiniteCount(DeviceMatrix a) {
        long n = a.size();
        Kernel.Grid first = Kernel.Grid.linear(n);
        DeviceBuffer partial = launcher.context().allocate((long) first.gridX() * Integer.BYTES);
        launcher.kernel(KernelEntry.NON_FINITE_PARTIAL).launch(first, a, n, partial);
        DeviceBuffer total = launcher.context().allocate(Integer.BYTES);
        launcher.kernel(KernelEntry.COUNT_PARTIAL).launch(Kernel.Grid.linear(1), partial, (long) first.gridX(), total);
        int[] count = new int[1];
        total.download(count);
        return count[0];
    }

    /** Pass {@code first} over the operands with {@code n} entries, then {@code second} over its partials. */
    private double twoPass(KernelEntry first, KernelEntry second, long n, DeviceMatrix... operands) {
        Kernel.Grid grid = Kernel.Grid.linear(n);
        int bytes = DeviceMatrix.bytesPerEntry(launcher.precision());
        DeviceBuffer partial = launcher.context().allocate((long) grid.gridX() * bytes);
        Object[] args = new Object[operands.length + 2];
        System.arraycopy(operands, 0, args, 0, operands.length);
        args[operands.length] = n;
        args[operands.length + 1] = partial;
        launcher.kernel(first).launch(grid, args);
        DeviceBuffer total = launcher.context().allocate(bytes);
        launcher.kernel(second).launch(Kernel.Grid.linear(1), partial, (long) grid.gridX(), total);
        if (launcher.precision() == Precision.FLOAT) {
            float[] value = new float[1];
            total.download(value);
            return value[0];
        }
        double[] value = new double[1];
        total.download(value);
        return value[0];
    }
}
