package org.mbp.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.Layers;
import org.mbp.layer.LinearLayer;
import org.mbp.layer.Batched;
import org.mbp.nn.AffineLayer;
import org.mbp.nn.ImageShape;
import org.mbp.nn.Network;
import org.mbp.nn.Parameter;
import org.mbp.nn.Pooling;
import org.mbp.nn.Relu;
import org.mbp.nn.UpperTriangle;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.Form;

/**
 * The §7.1 classifiers: a {@link ConvNet} trunk giving features F (m locations × d channels),
 * then either the second-order pooling of DeepO₂P, {@code C = log(FᵀF/m + εI)} (eq. 4 on
 * {@code F/√m}) in the structured precision with its upper triangle vectorised, or first-order
 * global average pooling; then optionally a fully connected layer (ReLU, dropout) and a linear
 * classifier. On a minibatch (images stacked by rows) every layer runs once over the batch; O₂P
 * runs on the batch's backend ({@link Batched}): each image's m×d block of F gets its own
 * decomposition, all of them in one batch operation.
 *
 * @param structured the structured layer's backend (double by default)
 */
public record ClassifierModel<M>(ClassifierVariant variant, ConvNet<M> trunk, MatrixOps<M> structured, Form form,
        double epsilon, int hidden, double dropout, int classes) {

    /** Name of the pooling stage whose incoming gradient the run monitors. */
    public static final String POOLING_STAGE = "pooling";

    /**
     * The network on images of the given shape.
     *
     * @param image the image
     * @return the network on images of the given shape
     */
    public Network network(ImageShape image) {
        MatrixOps<M> ops = trunk.trunk();
        Network.Builder net = Network.builder();
        ImageShape f = trunk.append(net, image);
        int features;
        if (variant.secondOrder()) {
            int d = f.channels();
            net.then(LinearLayer.convert(ops, structured))
                    .then(Layers.named(POOLING_STAGE, Batched.of("o2p", structured, f.locations(),
                            batch -> LinearLayer.scale(batch, 1 / Math.sqrt(f.locations()))
                                    .then(DeepO2P.eig(batch, epsilon, form)))))
                    .then(UpperTriangle.of(structured, d))
                    .then(LinearLayer.convert(structured, ops));
            features = UpperTriangle.length(d);
        } else {
            net.then(Layers.named(POOLING_STAGE, Pooling.<M>globalAverage(ops, f)));
            features = f.channels();
        }
        if (variant.fullyConnected()) {
            net.then(new AffineLayer<>(ops), new Parameter("fc", features + 1, hidden))
                    .then(new Relu<>(ops))
                    .dropout(ops, dropout, 1, hidden);
            features = hidden;
        }
        return net.then(new AffineLayer<>(ops), new Parameter("classifier", features + 1, classes)).build();
    }

    /**
     * Everything that fixes the network.
     *
     * @return everything that fixes the network
     */
    public Map<String, Object> description() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variant", variant.id());
        m.putAll(trunk.description());
        if (variant.secondOrder()) {
            m.put("structured_precision", structured.name());
            m.put("form", form.label());
            m.put("epsilon", epsilon);
        }
        if (variant.fullyConnected()) {
            m.put("hidden", hidden);
            m.put("dropout", dropout);
        }
        return m;
    }
}
