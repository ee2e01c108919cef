package org.mbp.nn;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mbp.backend.MatrixOps;

/**
 * {@link ImageOps} by index loops over the row-major entries, for the CPU and high-precision
 * backends. Each operation pair reads one index table, built once per geometry by one traversal:
 * {@link PatchTable} for the convolution pair, {@link WindowTable} for the window pair, so that an
 * operation and its adjoint cannot disagree on an index.
 *
 * @param <M> the backend's matrix type
 */
public final class HostImageOps<M> implements ImageOps<M> {

    private static final Map<PatchGeometry, PatchTable> PATCH_TABLES = new ConcurrentHashMap<>();
    private static final Map<WindowGeometry, int[]> WINDOW_TABLES = new ConcurrentHashMap<>();

    private final MatrixOps<M> ops;

    public HostImageOps(MatrixOps<M> ops) {
        this.ops = ops;
    }

    @Override
    public M patches(M x, ImageShape in, int kernel, int padding) {
        double[] image = ops.toRowMajor(requireShape(x, in));
        PatchTable table = patchTable(in, kernel, padding);
        int c = in.channels();
        double[] cols = new double[table.rows * table.width];
        for (int j = 0; j < table.patch.length; j++) {
            System.arraycopy(image, table.pixel[j], cols, table.patch[j], c);
        }
        return ops.fromRowMajor(table.rows, table.width, cols);
    }

    @Override
    public M patchesAdjoint(M p, ImageShape in, int kernel, int padding) {
        PatchTable table = patchTable(in, kernel, padding);
        double[] cols = ops.toRowMajor(requireShape(p, table.rows, table.width));
        int c = in.channels();
        double[] x = new double[in.size()];
        for (int j = 0; j < table.patch.length; j++) {
            int pixel = table.pixel[j];
            int patch = table.patch[j];
            for (int ch = 0; ch < c; ch++) {
                x[pixel + ch] += cols[patch + ch];
            }
        }
        return ops.fromRowMajor(in.locations(), in.channels(), x);
    }

    @Override
    public M windowSum(M x, ImageShape in, int kh, int kw) {
        double[] v = ops.toRowMajor(requireShape(x, in));
        ImageShape out = pooled(in, kh, kw);
        int[] window = windowTable(in, kh, kw);
        double[] y = new double[out.size()];
        for (int i = 0; i < window.length; i++) {
            y[window[i]] += v[i];
        }
        return ops.fromRowMajor(out.locations(), out.channels(), y);
    }

    @Override
    public M windowSpread(M g, ImageShape in, int kh, int kw) {
        ImageShape out = pooled(in, kh, kw);
        double[] v = ops.toRowMajor(requireShape(g, out));
        int[] window = windowTable(in, kh, kw);
        double[] x = new double[in.size()];
        for (int i = 0; i < window.length; i++) {
            x[i] = v[window[i]];
        }
        return ops.fromRowMajor(in.locations(), in.channels(), x);
    }

    @Override
    public M windowArgMaxMask(M x, ImageShape in, int kh, int kw) {
        double[] v = ops.toRowMajor(requireShape(x, in));
        ImageShape out = pooled(in, kh, kw);
        int[] window = windowTable(in, kh, kw);
        int[] best = new int[out.size()];
        Arrays.fill(best, -1);
        for (int i = 0; i < window.length; i++) {
            int o = window[i];
            if (best[o] < 0 || v[i] > v[best[o]]) {
                best[o] = i;
            }
        }
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

    private record PatchGeometry(ImageShape in, int kernel, int padding) {
    }

    /**
     * The runs of C channel values that im2col copies: run j goes from image offset {@code pixel[j]}
     * to patch-matrix offset {@code patch[j]}; the patch matrix is {@code rows × width}.
     */
    private record PatchTable(int rows, int width, int[] patch, int[] pixel) {
    }

    private static PatchTable patchTable(ImageShape in, int kernel, int padding) {
        return PATCH_TABLES.computeIfAbsent(new PatchGeometry(in, kernel, padding), g -> buildPatchTable(in, kernel,
                padding));
    }

    /** Visits every (output location, kernel offset) whose input pixel lies inside the image. */
    private static PatchTable buildPatchTable(ImageShape in, int k, int p) {
        ImageShape out = Convolution.outputShape(in, k, p, in.channels());
        int c = in.channels();
        int width = k * k * c;
        int[] patch = new int[out.locations() * k * k];
        int[] pixel = new int[patch.length];
        int runs = 0;
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
                            patch[runs] = row + (dy * k + dx) * c;
                            pixel[runs] = (y * in.width() + xx) * c;
                            runs++;
                        }
                    }
                }
            }
        }
        return new PatchTable(out.locations(), width, Arrays.copyOf(patch, runs), Arrays.copyOf(pixel, runs));
    }

    private record WindowGeometry(ImageShape in, int kh, int kw) {
    }

    private static int[] windowTable(ImageShape in, int kh, int kw) {
        return WINDOW_TABLES.computeIfAbsent(new WindowGeometry(in, kh, kw), g -> buildWindowTable(in, kh, kw));
    }

    /** For every input value, row-major, the index of the output value of its window. */
    private static int[] buildWindowTable(ImageShape in, int kh, int kw) {
        int c = in.channels();
        int outWidth = in.width() / kw;
        int[] window = new int[in.size()];
        for (int yy = 0; yy < in.height(); yy++) {
            for (int xx = 0; xx < in.width(); xx++) {
                int o = ((yy / kh) * outWidth + xx / kw) * c;
                int i = (yy * in.width() + xx) * c;
                for (int ch = 0; ch < c; ch++) {
                    window[i + ch] = o + ch;
                }
            }
        }
        return window;
    }
}
