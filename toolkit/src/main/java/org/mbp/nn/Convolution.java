package org.mbp.nn;

import org.mbp.backend.MatrixOps;
import org.mbp.layer.Layer;
import org.mbp.layer.Layers;
import org.mbp.layer.LinearLayer;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Pair;
import org.mbp.layer.Space;
import org.mbp.layer.Structure;

/**
 * A k×k convolution with stride 1 and zero padding p, as im2col followed by one matrix product
 * (the GEMM runs in the backend's kernels): {@code Y = [P(X) 1] K}, with P(X) the
 * {@code H'W' × k²C} patch matrix, K the {@code (k²C + 1) × C'} kernel whose last row is the bias,
 * and {@code H' = H + 2p − k + 1}. Patch columns are ordered (row offset, column offset,
 * channel). The adjoint of im2col is col2im, which sums each patch gradient back onto the image.
 */
public final class Convolution {

    private Convolution() {
    }

    /** Output shape of a k×k, padding-p convolution with {@code outChannels} filters. */
    public static ImageShape outputShape(ImageShape in, int kernel, int padding, int outChannels) {
        return new ImageShape(in.height() + 2 * padding - kernel + 1, in.width() + 2 * padding - kernel + 1,
                outChannels);
    }

    /** Rows of the kernel matrix: {@code k²C + 1} (the last is the bias). */
    public static int kernelRows(ImageShape in, int kernel) {
        return kernel * kernel * in.channels() + 1;
    }

    /**
     * The convolution layer {@code (X, K) ↦ Y} on images of shape {@code in}.
     *
     * @throws IllegalArgumentException when the kernel does not fit the padded image
     */
    public static <M> Layer<M, Pair<M>, M> conv2d(MatrixOps<M> ops, ImageShape in, int kernel, int padding) {
        if (kernel <= 0 || padding < 0 || in.height() + 2 * padding < kernel || in.width() + 2 * padding < kernel) {
            throw new IllegalArgumentException("a " + kernel + "×" + kernel + " kernel with padding " + padding
                    + " does not fit a " + in + " image");
        }
        return Layers.named("conv" + kernel + "x" + kernel,
                Layers.onFirst(im2col(ops, in, kernel, padding), "K", Structure.GENERAL).then(new AffineLayer<>(ops)));
    }

    /** The patch matrix P(X) and its adjoint col2im. */
    public static <M> Layer<M, M, M> im2col(MatrixOps<M> ops, ImageShape in, int kernel, int padding) {
        ImageShape out = outputShape(in, kernel, padding, in.channels());
        Space<M, M> image = MatrixSpace.of("X", Structure.GENERAL);
        return LinearLayer.of("im2col", ops, image, MatrixSpace.of("P", Structure.GENERAL),
                x -> ops.fromRowMajor(out.locations(), kernel * kernel * in.channels(),
                        patches(ops.toRowMajor(requireShape(ops, x, in)), in, out, kernel, padding)),
                p -> ops.fromRowMajor(in.locations(), in.channels(),
                        col2im(ops.toRowMajor(p), in, out, kernel, padding)));
    }

    private static <M> M requireShape(MatrixOps<M> ops, M x, ImageShape in) {
        if (ops.rows(x) != in.locations() || ops.cols(x) != in.channels()) {
            throw new IllegalArgumentException("convolution input is " + ops.rows(x) + "×" + ops.cols(x)
                    + ", expected " + in.locations() + "×" + in.channels() + " for a " + in + " image");
        }
        return x;
    }

    private static double[] patches(double[] x, ImageShape in, ImageShape out, int k, int p) {
        double[] cols = new double[out.locations() * k * k * in.channels()];
        forEachPatchEntry(in, out, k, p, (patch, pixel) -> System.arraycopy(x, pixel, cols, patch, in.channels()));
        return cols;
    }

    private static double[] col2im(double[] cols, ImageShape in, ImageShape out, int k, int p) {
        double[] x = new double[in.size()];
        forEachPatchEntry(in, out, k, p, (patch, pixel) -> {
            for (int ch = 0; ch < in.channels(); ch++) {
                x[pixel + ch] += cols[patch + ch];
            }
        });
        return x;
    }

    /** Where a run of C channel values sits in the patch matrix and in the image. */
    @FunctionalInterface
    private interface PatchEntry {
        void at(int patchOffset, int pixelOffset);
    }

    /** Visits every (output location, kernel offset) whose input pixel lies inside the image. */
    private static void forEachPatchEntry(ImageShape in, ImageShape out, int k, int p, PatchEntry entry) {
        int c = in.channels();
        int width = k * k * c;
        for (int oy = 0; oy < out.height(); oy++) {
            for (int ox = 0; ox < out.width(); ox++) {
                int row = (oy * out.width() + ox) * width;
                for (int dy = 0; dy < k; dy++) {
                    int y = oy + dy - p;
                    if (y < 0 || y >= in.height()) {
                        continue;
                    }
                    for (int dx = 0; dx < k; dx++) {
                        int xx = ox + dx - p;
                        if (xx >= 0 && xx < in.width()) {
                            entry.at(row + (dy * k + dx) * c, (y * in.width() + xx) * c);
                        }
                    }
                }
            }
        }
    }
}
