package org.mbp.cuda;

import org.mbp.backend.MatrixOps;
import org.mbp.nn.Convolution;
import org.mbp.nn.HostImageOps;
import org.mbp.nn.ImageOps;
import org.mbp.nn.ImageShape;

/**
 * {@link ImageOps} on device matrices by the gather kernels of {@code images.cu}, which follow
 * {@link HostImageOps} index for index (the shapes and their checks are HostImageOps' too). A stack
 * of images ({@link ImageOps#count}) goes through one launch over all images' entries.
 */
final class DeviceImages implements ImageOps<DeviceMatrix> {

    private final MatrixOps<DeviceMatrix> ops;
    private final Launcher launcher;

    /** Image operations for the matrices of {@code ops}, whose shapes it reads, launched by {@code launcher}. */
    DeviceImages(MatrixOps<DeviceMatrix> ops, Launcher launcher) {
        this.ops = ops;
        this.launcher = launcher;
    }

    @Override
    public DeviceMatrix patches(DeviceMatrix x, ImageShape in, int kernel, int padding) {
        int count = count(x, in, "patches");
        ImageShape out = Convolution.outputShape(in, kernel, padding, in.channels());
        DeviceMatrix p = launcher.allocate(count * out.locations(), kernel * kernel * in.channels());
        launcher.kernel(KernelEntry.PATCHES).launch(Kernel.Grid.linear(p.size()), x, p, count,
                in.height(), in.width(), in.channels(), kernel, padding, out.height(), out.width());
        return p;
    }

    @Override
    public DeviceMatrix patchesAdjoint(DeviceMatrix p, ImageShape in, int kernel, int padding) {
        ImageShape out = Convolution.outputShape(in, kernel, padding, in.channels());
        int count = count(p, new ImageShape(out.height(), out.width(), kernel * kernel * in.channels()),
                "patchesAdjoint");
        DeviceMatrix x = launcher.allocate(count * in.locations(), in.channels());
        launcher.kernel(KernelEntry.PATCHES_ADJOINT).launch(Kernel.Grid.linear(x.size()), p, x, count,
                in.height(), in.width(), in.channels(), kernel, padding, out.height(), out.width());
        return x;
    }

    @Override
    public DeviceMatrix windowSum(DeviceMatrix x, ImageShape in, int kh, int kw) {
        int count = count(x, in, "windowSum");
        ImageShape out = HostImageOps.pooled(in, kh, kw);
        DeviceMatrix y = launcher.allocate(count * out.locations(), out.channels());
        launcher.kernel(KernelEntry.WINDOW_SUM).launch(Kernel.Grid.linear(y.size()), x, y, count,
                in.height(), in.width(), in.channels(), kh, kw);
        return y;
    }

    @Override
    public DeviceMatrix windowSpread(DeviceMatrix g, ImageShape in, int kh, int kw) {
        ImageShape out = HostImageOps.pooled(in, kh, kw);
        int count = count(g, out, "windowSpread");
        DeviceMatrix x = launcher.allocate(count * in.locations(), in.channels());
        launcher.kernel(KernelEntry.WINDOW_SPREAD).launch(Kernel.Grid.linear(x.size()), g, x, count,
                in.height(), in.width(), in.channels(), kh, kw);
        return x;
    }

    @Override
    public DeviceMatrix windowArgMaxMask(DeviceMatrix x, ImageShape in, int kh, int kw) {
        int count = count(x, in, "windowArgMaxMask");
        HostImageOps.pooled(in, kh, kw);
        DeviceMatrix mask = launcher.allocate(count * in.locations(), in.channels());
        launcher.kernel(KernelEntry.WINDOW_ARGMAX_MASK).launch(Kernel.Grid.linear(mask.size()), x, mask, count,
                in.height(), in.width(), in.channels(), kh, kw);
        return mask;
    }

    /** The precision check of every operation, then {@link ImageOps#count}'s shape check and count. */
    private int count(DeviceMatrix a, ImageShape in, String op) {
        if (a.precision() != launcher.precision()) {
            throw new IllegalArgumentException(op + ": a " + a + " given to a " + launcher.precision().label()
                    + " backend");
        }
        return ImageOps.count(ops, a, in, op);
    }
}
