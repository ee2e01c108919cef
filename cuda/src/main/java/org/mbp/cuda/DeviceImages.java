package org.mbp.cuda;

import org.mbp.nn.Convolution;
import org.mbp.nn.HostImageOps;
import org.mbp.nn.ImageOps;
import org.mbp.nn.ImageShape;

/**
 * {@link ImageOps} on device matrices by the gather kernels of {@code images.cu}, which follow
 * {@link HostImageOps} index for index (the shapes and their checks are HostImageOps' too).
 */
final class DeviceImages implements ImageOps<DeviceMatrix> {

    private final Launcher launcher;

    DeviceImages(Launcher launcher) {
        this.launcher = launcher;
    }

    @Override
    public DeviceMatrix patches(DeviceMatrix x, ImageShape in, int kernel, int padding) {
        ImageShape out = Convolution.outputShape(in, kernel, padding, in.channels());
        requireShape(x, in.locations(), in.channels(), "patches");
        DeviceMatrix p = launcher.allocate(out.locations(), kernel * kernel * in.channels());
        launcher.kernel(KernelEntry.PATCHES).launch(Kernel.Grid.linear((long) p.rows() * p.cols()), x, p,
                in.height(), in.width(), in.channels(), kernel, padding, out.height(), out.width());
        return p;
    }

    @Override
    public DeviceMatrix patchesAdjoint(DeviceMatrix p, ImageShape in, int kernel, int padding) {
        ImageShape out = Convolution.outputShape(in, kernel, padding, in.channels());
        requireShape(p, out.locations(), kernel * kernel * in.channels(), "patchesAdjoint");
        DeviceMatrix x = launcher.allocate(in.locations(), in.channels());
        launcher.kernel(KernelEntry.PATCHES_ADJOINT).launch(Kernel.Grid.linear(in.size()), p, x,
                in.height(), in.width(), in.channels(), kernel, padding, out.height(), out.width());
        return x;
    }

    @Override
    public DeviceMatrix windowSum(DeviceMatrix x, ImageShape in, int kh, int kw) {
        ImageShape out = HostImageOps.pooled(in, kh, kw);
        requireShape(x, in.locations(), in.channels(), "windowSum");
        DeviceMatrix y = launcher.allocate(out.locations(), out.channels());
        launcher.kernel(KernelEntry.WINDOW_SUM).launch(Kernel.Grid.linear(out.size()), x, y,
                in.height(), in.width(), in.channels(), kh, kw);
        return y;
    }

    @Override
    public DeviceMatrix windowSpread(DeviceMatrix g, ImageShape in, int kh, int kw) {
        ImageShape out = HostImageOps.pooled(in, kh, kw);
        requireShape(g, out.locations(), out.channels(), "windowSpread");
        DeviceMatrix x = launcher.allocate(in.locations(), in.channels());
        launcher.kernel(KernelEntry.WINDOW_SPREAD).launch(Kernel.Grid.linear(in.size()), g, x,
                in.height(), in.width(), in.channels(), kh, kw);
        return x;
    }

    @Override
    public DeviceMatrix windowArgMaxMask(DeviceMatrix x, ImageShape in, int kh, int kw) {
        HostImageOps.pooled(in, kh, kw);
        requireShape(x, in.locations(), in.channels(), "windowArgMaxMask");
        DeviceMatrix mask = launcher.allocate(in.locations(), in.channels());
        launcher.kernel(KernelEntry.WINDOW_ARGMAX_MASK).launch(Kernel.Grid.linear(in.size()), x, mask,
                in.height(), in.width(), in.channels(), kh, kw);
        return mask;
    }

    private void requireShape(DeviceMatrix a, int rows, int cols, String op) {
        if (a.precision() != launcher.precision()) {
            throw new IllegalArgumentException(op + ": a " + a + " given to a " + launcher.precision().label()
                    + " backend");
        }
        if (a.rows() != rows || a.cols() != cols) {
            throw new IllegalArgumentException(op + ": image matrix is " + a.rows() + "×" + a.cols() + ", expected "
                    + rows + "×" + cols);
        }
    }
}
