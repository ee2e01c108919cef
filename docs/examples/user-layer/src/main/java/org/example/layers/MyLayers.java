package org.example.layers;

import org.mbp.backend.MatrixOps;
import org.mbp.function.SpectralFunction;
import org.mbp.layer.Layer;
import org.mbp.spectral.CovarianceLayer;
import org.mbp.spectral.SpectralFunctionLayer;

/** Layers composed from mbp's own. */
public final class MyLayers {

    /** The regulariser ε of {@link #sqrtOfGram}. */
    public static final double EPSILON = 1e-3;

    private MyLayers() {
    }

    /**
     * {@code A ↦ sqrt(AᵀA + εI)}: mbp's covariance layer followed by its gap-stable square root.
     * A generic method, so that {@code MyLayers::sqrtOfGram} serves as a layer factory.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend
     * @return the layer
     */
    public static <M> Layer<M, M, M> sqrtOfGram(MatrixOps<M> ops) {
        return new CovarianceLayer<>(ops, EPSILON).then(SpectralFunctionLayer.ofSymmetric(ops, SpectralFunction.sqrt()));
    }
}
