package org.mbp.nn;

import org.mbp.backend.MatrixOps;

/**
 * {@link ImageOps} by index loops over the row-major entries, for the CPU and high-precision
 * backends. Each operation is one traversal: {@link #forEachPatchEntry} for the convolution pair,
 * {@link #forEachWindowEntry} for the window pair, so that an operation and its adjoint cannot
 * disagree on an index.
 *
 * @param <M> the backend's matrix type
 */
public final class HostImageOps<M> implements ImageOps<M> {

    private final MatrixOps<M> ops;

    public HostImageOps(MatrixOps<M> ops) {
        this.ops = ops;
    }

    @Override
    public M patches(M x, ImageShape in, int kernel, int padding) {
        double[] image = ops.toRowMajor(requireShape(x, in));
        ImageShape out = Convolution.outputShape(in, kernel, padding, in.channels());
        int c = in.channels();
        double[] cols = new double[out.locations() * kernel * kernel * c];
        forEachPatchEntry(in, out, kernel, padding, (patch, pixel) -> System.arraycopy(image, pixel, cols, patch, c));
        return ops.fromRowMajor(out.locations(), kernel * kernel * c, cols);
    }

    @Override
    public M patchesAdjoint(M p, ImageShape in, int kernel, int padding) {
        ImageShape out = Convolution.outputShape(in, kernel, padding, in.channels());
        double[] cols = ops.toRowMajor(requireShape(p, out.locations(), kernel * kernel * in.channels()));
        double[] x = new double[in.size()];
        forEachPatchEntry(in, out, kernel, padding, (patch, pixel) -> {
            for (int ch = 0; ch < in.channels(); ch++) {
                x[pixel + ch] += cols[patch + ch];
            }
        });
        return ops.fromRowMajor(in.locations(), in.channels(), x);
    }

    @Override
    public M windowSum(M x, ImageShape in, int kh, int kw) {
        double[] v = ops.toRowMajor(requireShape(x, in));
        ImageShape out = pooled(in, kh, kw);
        double[] y = new double[out.size()];
        forEachWindowEntry(in, kh, kw, (input, output) -> y[output] += v[input]);
        return ops.fromRowMajor(out.locations(), out.channels(), y);
    }

    @Override
    public M windowSpread(M g, ImageShape in, int kh, int kw) {
        ImageShape out = pooled(in, kh, kw);
        double[] v = ops.toRowMajor(requireShape(g, out));
        double[] x = new double[in.size()];
        forEachWindowEntry(in, kh, kw, (input, output) -> x[input] = v[output]);
        return ops.fromRowMajor(in.locations(), in.channels(), x);
    }

    @Override
    public M windowArgMaxMask(M x, ImageShape in, int kh, int kw) {
        double[] v = ops.toRowMajor(requireShape(x, in));
        ImageShape out = pooled(in, kh, kw);
        int[] best = new int[out.size()];
        java.util.Arrays.fill(best, -1);
        forEachWindowEntry(in, kh, kw, (input, output) -> {
            if (best[output] < 0 || v[input] > v[best[output]]) {
                best[output] = input;
            }
        });
        double[] mask = new double[in.size()];
        for (int b : best) {
            mask[b] = 1;
        }
        return ops.fromRowMajor(in.locations(), in.channels(), mask);
    }

    /**
     * The shape after non-overlapping {@code kh × kw} windows (also the check of the device backends).
     *
     * @throws IllegalArgumentException when the window does not tile the image
     */
    public static ImageShape pooled(ImageShape in, int kh, int kw) {
        if (kh <= 0 || kw <= 0 || in.height() % kh != 0 || in.width() % kw != 0) {
            throw new IllegalArgumentException(kh + "×" + kw + " pooling needs the image size to be a multiple"
                    + " of the window, got a " + in + " image");
        }
        return new ImageShape(in.height() / kh, in.width() / kw, in.channels());
    }

    private M requireShape(M a, ImageShape shape) {
        return requireShape(a, shape.locations(), shape.channels());
    }

    private M requireShape(M a, int rows, int cols) {
        if (ops.rows(a) != rows || ops.cols(a) != cols) {
            throw new IllegalArgumentException("image matrix is " + ops.rows(a) + "×" + ops.cols(a) + ", expected "
                    + rows + "×" + cols);
        }
        return a;
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

    /** An input value's index and that of the output value of its window. */
    @FunctionalInterface
    private interface WindowEntry {
        void at(int input, int output);
    }

    /** Visits every input value, row-major, with the index of the output value of its window. */
    private static void forEachWindowEntry(ImageShape in, int kh, int kw, WindowEntry entry) {
        int c = in.channels();
        int outWidth = in.width() / kw;
        for (int yy = 0; yy < in.height(); yy++) {
            for (int xx = 0; xx < in.width(); xx++) {
                int o = ((yy / kh) * outWidth + xx / kw) * c;
                int i = (yy * in.width() + xx) * c;
                for (int ch = 0; ch < c; ch++) {
                    entry.at(i + ch, o + ch);
                }
            }
        }
    }
}
