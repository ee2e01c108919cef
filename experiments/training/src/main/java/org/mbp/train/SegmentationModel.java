package org.mbp.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.Layers;
import org.mbp.layer.LinearLayer;
import org.mbp.nn.Convolution;
import org.mbp.nn.ConstantFeature;
import org.mbp.nn.ImageShape;
import org.mbp.nn.Network;
import org.mbp.nn.Parameter;
import org.mbp.nn.Relu;

/**
 * The DeepNCuts feature network of §7.2: a {@link ConvNet} trunk, then two convolution–ReLU
 * pairs (3×3 to {@code wide} channels, then 1×1 to {@code features} dimensions, the paper's 20),
 * giving features F at the trunk's reduced resolution; a constant feature is appended (see
 * {@link ConstantFeature}) so that {@code W = FFᵀ} has positive degrees. F is handed to the
 * structured layers (W = FFᵀ and the J1/J2 loss) in the structured precision.
 */
public record SegmentationModel<M>(ConvNet<M> trunk, int wide, int features, double constant, MatrixOps<M> structured) {

    /** Name of the stage that outputs F. */
    public static final String FEATURES_STAGE = "features";

    /**
     * Checks that the widths are positive.
     *
     * @param trunk the conventional layers' backend
     * @param wide whether wide
     * @param features the features
     * @param constant the constant
     * @param structured the structured layer
     */
    public SegmentationModel {
        if (wide < 1 || features < 1) {
            throw new IllegalArgumentException("--wide and --features must be positive, got " + wide + " and " + features);
        }
        if (!(constant > 0)) {
            throw new IllegalArgumentException("the constant feature must be positive, got " + constant);
        }
    }

    /**
     * The network from an image to F (locations × (features + 1)).
     *
     * @param image the image
     * @return the network from an image to F (locations × (features + 1))
     */
    public Network network(ImageShape image) {
        MatrixOps<M> ops = trunk.trunk();
        Network.Builder net = Network.builder();
        ImageShape f = trunk.append(net, image);
        ImageShape w = f.withChannels(wide);
        net.then(Convolution.conv2d(ops, f, 3, 1), new Parameter("conv-wide", Convolution.kernelRows(f, 3), wide))
                .then(new Relu<>(ops))
                .then(Convolution.conv2d(ops, w, 1, 0), new Parameter("conv-features", Convolution.kernelRows(w, 1),
                        features))
                .then(new Relu<>(ops))
                .then(LinearLayer.convert(ops, structured))
                .then(Layers.named(FEATURES_STAGE, new ConstantFeature<>(structured, constant)));
        return net.build();
    }

    /**
     * The resolution of F for images of the given shape.
     *
     * @param image the image
     * @return the resolution of F for images of the given shape
     */
    public ImageShape featureShape(ImageShape image) {
        int scale = trunk.scale();
        return new ImageShape(image.height() / scale, image.width() / scale, features + 1);
    }

    /**
     * Everything that fixes the network.
     *
     * @return everything that fixes the network
     */
    public Map<String, Object> description() {
        Map<String, Object> m = new LinkedHashMap<>(trunk.description());
        m.put("wide", wide);
        m.put("features", features);
        m.put("constant_feature", constant);
        m.put("structured_precision", structured.name());
        return m;
    }
}
