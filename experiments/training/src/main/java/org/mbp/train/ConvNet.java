package org.mbp.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.mbp.backend.MatrixOps;
import org.mbp.nn.Convolution;
import org.mbp.nn.ImageShape;
import org.mbp.nn.Network;
import org.mbp.nn.Parameter;
import org.mbp.nn.Pooling;
import org.mbp.nn.Relu;

/**
 * The convolutional trunk shared by both experiments: blocks of 3×3 convolution (padding 1) →
 * ReLU → 2×2 max pooling, in the trunk's precision. Blocks after the first {@code pooled} keep
 * their resolution (no pooling), which deepens the trunk without shrinking F's m locations.
 *
 * @param channels output channels of each block, e.g. {16, 32}
 * @param pooled   how many leading blocks end in 2×2 max pooling (at most {@code channels.length})
 * @param trunk    the conventional layers' backend (float by default, as the paper's mixed precision)
 */
public record ConvNet<M>(int[] channels, int pooled, MatrixOps<M> trunk) {

    /**
     * Copies the channels and checks the blocks.
     *
     * @param channels the number of channels
     * @param pooled how many leading blocks end in 2×2 max pooling (at most {@code
     *               channels.length})
     * @param trunk the conventional layers' backend
     */
    public ConvNet {
        channels = channels.clone();
        if (channels.length == 0) {
            throw new IllegalArgumentException("--channels needs at least one convolution block");
        }
        for (int c : channels) {
            if (c < 1) {
                throw new IllegalArgumentException("--channels must be positive, got " + c);
            }
        }
        if (pooled < 0 || pooled > channels.length) {
            throw new IllegalArgumentException("--pooled must lie in [0, " + channels.length
                    + "] (the number of --channels blocks), got " + pooled);
        }
    }

    /**
     * A trunk whose every block ends in pooling.
     *
     * @param channels the number of channels
     * @param trunk the conventional layers' backend
     */
    public ConvNet(int[] channels, MatrixOps<M> trunk) {
        this(channels, channels.length, trunk);
    }

    /**
     * How many times the trunk halves the image's height and width.
     *
     * @return how many times the trunk halves the image's height and width
     */
    public int scale() {
        return 1 << pooled;
    }

    /**
     * Appends the blocks to {@code net} and returns the shape of their output.
     *
     * @param net the net
     * @param in where to read from
     * @return the image shape
     */
    public ImageShape append(Network.Builder net, ImageShape in) {
        ImageShape shape = in;
        for (int b = 0; b < channels.length; b++) {
            ImageShape conv = Convolution.outputShape(shape, 3, 1, channels[b]);
            net.then(Convolution.conv2d(trunk, shape, 3, 1),
                            new Parameter("conv" + (b + 1), Convolution.kernelRows(shape, 3), channels[b]))
                    .then(new Relu<>(trunk));
            shape = conv;
            if (b < pooled) {
                Pooling<M> pool = Pooling.max(trunk, conv, 2);
                net.then(pool);
                shape = pool.outputShape();
            }
        }
        return shape;
    }

    /**
     * The trunk in words, e.g. "3×3 conv → ReLU → 2×2 max-pool blocks of 32/64 channels".
     *
     * @return the trunk in words, e.g. "3×3 conv → ReLU → 2×2 max-pool blocks of 32/64 channels"
     */
    public String layout() {
        String widths = Arrays.stream(channels).mapToObj(String::valueOf).collect(Collectors.joining("/"));
        if (pooled == channels.length) {
            return "3×3 conv → ReLU → 2×2 max-pool blocks of " + widths + " channels";
        }
        return "3×3 conv → ReLU blocks of " + widths + " channels, the first " + pooled + " ending in 2×2 max-pool";
    }

    /**
     * The trunk's settings.
     *
     * @return the trunk's settings
     */
    public Map<String, Object> description() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channels", channels.clone());
        if (pooled < channels.length) {
            m.put("pooled_blocks", pooled);
        }
        m.put("trunk_precision", trunk.name());
        return m;
    }
}
