package org.mbp.nn;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.mbp.backend.Gather;
import org.mbp.backend.MatrixOps;

/**
 * {@link ImageOps} as index maps on the backend: im2col is a {@link MatrixOps#gather} (zero where
 * a patch reaches into the padding) and col2im its adjoint {@link MatrixOps#scatterAdd}; the
 * window sum is a scatter-add and the window spread its adjoint gather; the max-pooling selection
 * is an {@link MatrixOps#argMaxMask} over the windows' members. The index tables are built
 * once per geometry by one traversal each ({@link #patchIndex}, {@link #windowIndex}), so that an
 * operation and its adjoint cannot disagree on an index, and sums run in increasing source index;
 * a call finds its table by a lock-free read.
 * A matrix of {@code count} stacked images (a minibatch) goes through one gather or scatter with
 * the one-image table repeated at each image's offset.
 *
 * @param <M> the backend's matrix type
 */
public final class HostImageOps<M> implements ImageOps<M> {

    private static final Map<PatchGeometry, int[]> PATCH_INDEX = new ConcurrentHashMap<>();
    private static final Map<WindowGeometry, int[]> WINDOW_INDEX = new ConcurrentHashMap<>();
    private static final Map<WindowGeometry, int[]> WINDOW_MEMBERS = new ConcurrentHashMap<>();

    private final MatrixOps<M> ops;

    /**
     * Image operations on the host, for matrices of the backend {@code ops}.
     *
     * @param ops the backend that computes
     */
    public HostImageOps(MatrixOps<M> ops) {
        this.ops = ops;
    }

    @Override
    public M patches(M x, ImageShape in, int kernel, int padding) {
        int count = ImageOps.count(ops, x, in, "patches");
        ImageShape out = Convolution.outputShape(in, kernel, padding, in.channels());
        return ops.gather(x, patchIndex(in, kernel, padding, count), count * out.locations(),
                kernel * kernel * in.channels());
    }

    @Override
    public M patchesAdjoint(M p, ImageShape in, int kernel, int padding) {
        ImageShape out = Convolution.outputShape(in, kernel, padding, in.channels());
        int count = ImageOps.count(ops, p, new ImageShape(out.height(), out.width(), kernel * kernel * in.channels()),
                "patchesAdjoint");
        return ops.scatterAdd(p, patchIndex(in, kernel, padding, count), count * in.locations(), in.channels());
    }

    @Override
    public M windowSum(M x, ImageShape in, int kh, int kw) {
        int count = ImageOps.count(ops, x, in, "windowSum");
        ImageShape out = pooled(in, kh, kw);
        return ops.scatterAdd(x, windowIndex(in, kh, kw, count), count * out.locations(), out.channels());
    }

    @Override
    public M windowSpread(M g, ImageShape in, int kh, int kw) {
        ImageShape out = pooled(in, kh, kw);
        int count = ImageOps.count(ops, g, out, "windowSpread");
        return ops.gather(g, windowIndex(in, kh, kw, count), count * in.locations(), in.channels());
    }

    /**
     * One {@link MatrixOps#argMaxMask} over the windows, each window's inputs in increasing
     * row-major order, so ties go to the first, as in the device kernels.
     */
    @Override
    public M windowArgMaxMask(M x, ImageShape in, int kh, int kw) {
        int count = ImageOps.count(ops, x, in, "windowArgMaxMask");
        pooled(in, kh, kw);
        return ops.argMaxMask(x, windowMembers(in, kh, kw, count), kh * kw);
    }

    /**
     * The shape after non-overlapping {@code kh × kw} windows (also the check of the device backends).
     *
     * @param in where to read from
     * @param kh the kernel height
     * @param kw the kernel width
     * @return the shape after non-overlapping {@code kh × kw} windows (also the check of the device
     *         backends)
     * @throws IllegalArgumentException when the window does not tile the image
     */
    public static ImageShape pooled(ImageShape in, int kh, int kw) {
        if (kh <= 0 || kw <= 0 || in.height() % kh != 0 || in.width() % kw != 0) {
            throw new IllegalArgumentException(kh + "×" + kw + " pooling needs the image size to be a multiple"
                    + " of the window, got a " + in + " image");
        }
        return new ImageShape(in.height() / kh, in.width() / kw, in.channels());
    }

    private record PatchGeometry(ImageShape in, int kernel, int padding, int count) {
    }

    /**
     * For every entry of the patch matrix of {@code count} stacked images (row-major,
     * {@code count·H'W' × k²C}), the row-major index of the image entry it copies, or
     * {@link Gather#ZERO} where the patch reaches into the padding.
     */
    private static int[] patchIndex(ImageShape in, int kernel, int padding, int count) {
        return table(PATCH_INDEX, new PatchGeometry(in, kernel, padding, count), () -> count == 1
                ? buildPatchIndex(in, kernel, padding) : stacked(patchIndex(in, kernel, padding, 1), count, in.size()));
    }

    /**
     * The table of {@code key}, found by a lock-free read; on the first miss built (outside the
     * map, so that a build may look up another table) and kept, the first one kept if two threads
     * built it.
     */
    private static <K> int[] table(Map<K, int[]> tables, K key, Supplier<int[]> build) {
        int[] table = tables.get(key);
        if (table == null) {
            table = build.get();
            int[] earlier = tables.putIfAbsent(key, table);
            if (earlier != null) {
                table = earlier;
            }
        }
        return table;
    }

    /**
     * One image's index table repeated for {@code count} stacked images: image n's entries point
     * {@code n·sourceSize} further ({@link Gather#ZERO} stays).
     */
    private static int[] stacked(int[] one, int count, int sourceSize) {
        int[] all = new int[one.length * count];
        for (int n = 0, at = 0; n < count; n++) {
            int offset = n * sourceSize;
            for (int i : one) {
                all[at++] = i == Gather.ZERO ? Gather.ZERO : i + offset;
            }
        }
        return all;
    }

    private static int[] buildPatchIndex(ImageShape in, int k, int p) {
        ImageShape out = Convolution.outputShape(in, k, p, in.channels());
        int c = in.channels();
        int width = k * k * c;
        int[] index = new int[out.locations() * width];
        Arrays.fill(index, Gather.ZERO);
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
                            for (int ch = 0; ch < c; ch++) {
                                index[row + (dy * k + dx) * c + ch] = (y * in.width() + xx) * c + ch;
                            }
                        }
                    }
                }
            }
        }
        return index;
    }

    private record WindowGeometry(ImageShape in, int kh, int kw, int count) {
    }

    /**
     * For every input value of {@code count} stacked images, row-major, the row-major index of the
     * output value of its window.
     */
    private static int[] windowIndex(ImageShape in, int kh, int kw, int count) {
        return table(WINDOW_INDEX, new WindowGeometry(in, kh, kw, count), () -> count == 1
                ? buildWindowIndex(in, kh, kw) : stacked(windowIndex(in, kh, kw, 1), count, pooled(in, kh, kw).size()));
    }

    private static int[] buildWindowIndex(ImageShape in, int kh, int kw) {
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

    /**
     * The inverse of {@link #windowIndex}: for every output value in turn, the {@code kh·kw}
     * inputs of its window in increasing row-major order.
     */
    private static int[] windowMembers(ImageShape in, int kh, int kw, int count) {
        return table(WINDOW_MEMBERS, new WindowGeometry(in, kh, kw, count), () -> {
            int[] window = windowIndex(in, kh, kw, count);
            int size = kh * kw;
            int[] members = new int[window.length];
            int[] filled = new int[window.length / size];
            for (int i = 0; i < window.length; i++) {
                int o = window[i];
                members[o * size + filled[o]++] = i;
            }
            return members;
        });
    }
}
