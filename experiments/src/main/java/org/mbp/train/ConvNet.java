package org.mbp.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mbp.backend.MatrixOps;
import org.mbp.nn.Convolution;
import org.mbp.nn.ImageShape;
import org.mbp.nn.Network;
import org.mbp.nn.Parameter;
import org.mbp.nn.Pooling;
import org.mbp.nn.Relu;

/**
 * The convolutional trunk shared by both experiments: blocks of 3×3 convolution (padding 1) →
 * ReLU → 2×2 max pooling, in the trunk's precision.
 *
 * @param channels output channels of each block, e.g. {16, 32}
 * @param trunk    the conventional layers' backend (float by default, as the paper's mixed precision)
 */
public record ConvNet<M>(int[] channels, MatrixOps<M> trunk) {

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
    }

    /** Appends the blocks to {@code net} and returns the shape of their output. */
    public ImageShape append(Network.Builder net, ImageShape in) {
        ImageShape shape = in;
        for (int b = 0; b < channels.length; b++) {
            ImageShape conv = Convolution.outputShape(shape, 3, 1, channels[b]);
            Pooling<M> pool = Pooling.max(trunk, conv, 2);
            net.then(Convolution.conv2d(trunk, shape, 3, 1),
                            new Parameter("conv" + (b + 1), Convolution.kernelRows(shape, 3), channels[b]))
                    .then(new Relu<>(trunk))
                    .then(pool);
            shape = pool.outputShape();
        }
        return shape;
    }

    /** The trunk's settings. */
    public Map<String, Object> description() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channels", channels.clone());
        m.put("trunk_precision", trunk.name());
        return m;
    }
}
