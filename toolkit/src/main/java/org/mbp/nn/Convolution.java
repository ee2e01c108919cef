package org.mbp.nn;

import org.mbp.backend.MatrixOps;
import org.mbp.layer.Layer;
import org.mbp.layer.Layers;
import org.mbp.layer.LinearLayer;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Pair;
import org.mbp.layer.Structure;

/**
 * A k×k convolution with stride 1 and zero padding p, as im2col followed by one matrix product
 * (the GEMM runs in the backend's kernels): {@code Y = [P(X) 1] K}, with P(X) the
 * {@code H'W' × k²C} patch matrix, K the {@code (k²C + 1) × C'} kernel whose last row is the bias,
 * and {@code H' = H + 2p − k + 1}. Patch columns are ordered (row offset, column offset,
 * channel). The adjoint of im2col is col2im, which sums each patch gradient back onto the image.
 * A minibatch of images stacked by rows ({@link ImageOps}) gives the stacked patch matrices, so one
 * GEMM convolves the whole batch and the kernel's gradient {@code [P 1]ᵀ Ȳ} is summed over the
 * batch inside that product.
 */
public final class Convolution {

    private Convolution() {
    }

    /**
     * Output shape of a k×k, padding-p convolution with {@code outChannels} filters.
     *
     * @param in where to read from
     * @param kernel the kernel
     * @param padding the padding
     * @param outChannels the out channels
     * @return output shape of a k×k, padding-p convolution with {@code outChannels} filters
     */
    public static ImageShape outputShape(ImageShape in, int kernel, int padding, int outChannels) {
        return new ImageShape(in.height() + 2 * padding - kernel + 1, in.width() + 2 * padding - kernel + 1,
                outChannels);
    }

    /**
     * Rows of the kernel matrix: {@code k²C + 1} (the last is the bias).
     *
     * @param in where to read from
     * @param kernel the kernel
     * @return rows of the kernel matrix: {@code k²C + 1} (the last is the bias)
     */
    public static int kernelRows(ImageShape in, int kernel) {
        return kernel * kernel * in.channels() + 1;
    }

    /**
     * The convolution layer {@code (X, K) ↦ Y} on images of shape {@code in}.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param in where to read from
     * @param kernel the kernel
     * @param padding the padding
     * @return the convolution layer {@code (X, K) ↦ Y} on images of shape {@code in}
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

    /**
     * The patch matrix P(X) and its adjoint col2im, in the backend's {@link ImageOps}.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param in where to read from
     * @param kernel the kernel
     * @param padding the padding
     * @return the patch matrix P(X) and its adjoint col2im, in the backend's {@link ImageOps}
     */
    public static <M> Layer<M, M, M> im2col(MatrixOps<M> ops, ImageShape in, int kernel, int padding) {
        ImageOps<M> images = ImageOps.of(ops);
        return LinearLayer.of("im2col", ops, MatrixSpace.of("X", Structure.GENERAL), MatrixSpace.of("P", Structure.GENERAL),
                x -> {
                    ImageOps.count(ops, x, in, "convolution input");
                    return images.patches(x, in, kernel, padding);
                }, p -> images.patchesAdjoint(p, in, kernel, padding));
    }
}
