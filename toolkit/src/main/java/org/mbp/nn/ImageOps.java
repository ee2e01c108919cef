package org.mbp.nn;

import org.mbp.backend.MatrixOps;

/**
 * The image operations of the convolutional blocks, on images held as {@code locations × channels}
 * matrices ({@link ImageShape}). A device backend implements them with its own kernels so that
 * activations stay on the device; every other backend gets {@link HostImageOps}, the reference
 * whose index conventions all implementations follow.
 *
 * <p>Every operation also takes a batch: {@code count} images stacked by rows (image n in rows
 * {@code [n·HW, (n+1)·HW)}), the count read from the matrix's rows ({@link #count}). Each image is
 * processed as on its own and the results are stacked in the same order, so one call (one gather,
 * scatter or kernel launch) serves a whole minibatch.
 *
 * @param <M> the backend's matrix type
 */
public interface ImageOps<M> {

    /**
     * The patch matrix P(X) of a k×k, padding-p, stride-1 convolution (im2col): an
     * {@code H'W' × k²C} matrix whose row {@code oy·W' + ox} holds the patch at output location
     * (oy, ox), columns ordered (row offset, column offset, channel); pixels outside the image are 0.
     *
     * @param x the input
     * @param in where to read from
     * @param kernel the kernel
     * @param padding the padding
     * @return the patch matrix P(X) of a k×k, padding-p, stride-1 convolution (im2col): an {@code
     *         H'W' × k²C} matrix whose row {@code oy·W' + ox} holds the patch at output location (oy, ox),
     *         columns ordered (row offset, column offset, channel); pixels outside the image are 0
     */
    M patches(M x, ImageShape in, int kernel, int padding);

    /**
     * The adjoint of {@link #patches} (col2im): each input value is the sum of its patch copies.
     *
     * @param p the probability or point
     * @param in where to read from
     * @param kernel the kernel
     * @param padding the padding
     * @return the adjoint of {@link #patches} (col2im): each input value is the sum of its patch
     *         copies
     */
    M patchesAdjoint(M p, ImageShape in, int kernel, int padding);

    /**
     * The sum over each non-overlapping {@code kh × kw} window, per channel: an (H/kh)(W/kw) × C matrix.
     *
     * @param x the input
     * @param in where to read from
     * @param kh the kernel height
     * @param kw the kernel width
     * @return the sum over each non-overlapping {@code kh × kw} window, per channel: an
     *         (H/kh)(W/kw) × C matrix
     */
    M windowSum(M x, ImageShape in, int kh, int kw);

    /**
     * The adjoint of {@link #windowSum}: each window's value copied to every location of the window.
     *
     * @param g the scalar function g
     * @param in where to read from
     * @param kh the kernel height
     * @param kw the kernel width
     * @return the adjoint of {@link #windowSum}: each window's value copied to every location of
     *         the window
     */
    M windowSpread(M g, ImageShape in, int kh, int kw);

    /**
     * A 0/1 matrix of the shape of {@code x} with a single 1 in each window and channel, at the
     * window's maximum (the first in row-major window order at ties).
     *
     * @param x the input
     * @param in where to read from
     * @param kh the kernel height
     * @param kw the kernel width
     * @return a 0/1 matrix of the shape of {@code x} with a single 1 in each window and channel, at
     *         the window's maximum (the first in row-major window order at ties)
     */
    M windowArgMaxMask(M x, ImageShape in, int kh, int kw);

    /**
     * How many images of shape {@code in} the matrix {@code x} stacks.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend
     * @param x the stacked images
     * @param in one image's shape
     * @param op the operation, for the message
     * @return the number of images, at least one
     * @throws IllegalArgumentException unless x has {@code in.channels()} columns and a positive
     *         multiple of {@code in.locations()} rows
     */
    static <M> int count(MatrixOps<M> ops, M x, ImageShape in, String op) {
        int rows = ops.rows(x);
        if (ops.cols(x) != in.channels() || rows == 0 || rows % in.locations() != 0) {
            throw new IllegalArgumentException(op + ": image matrix is " + rows + "×" + ops.cols(x)
                    + ", expected " + in.locations() + "×" + in.channels() + " for a " + in
                    + " image, or a stack of such images (a multiple of " + in.locations() + " rows)");
        }
        return rows / in.locations();
    }

    /**
     * The image operations of {@code ops}: its own when it has them, else {@link HostImageOps}.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @return the image operations of {@code ops}: its own when it has them, else {@link
     *         HostImageOps}
     */
    @SuppressWarnings("unchecked")
    static <M> ImageOps<M> of(MatrixOps<M> ops) {
        return ops instanceof ImageOps<?> own ? (ImageOps<M>) own : new HostImageOps<>(ops);
    }
}
