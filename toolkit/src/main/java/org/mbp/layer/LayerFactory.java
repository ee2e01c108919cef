package org.mbp.layer;

import org.mbp.backend.MatrixOps;

/**
 * Builds a user's layer on any backend, so that the same layer can run in double, in float and
 * in the high-precision reference ({@code org.mbp.verify.GradientAssertions},
 * {@code org.mbp.accuracy.LayerGrid}). A lambda or a constructor reference implements it:
 *
 * <pre>{@code
 * LayerFactory covariance = o -> new CovarianceLayer<>(o, 1e-3);
 * LayerFactory projector = ProjectorLayer::new;
 * LayerFactory composed = MyLayers::sqrtOfCovariance;   // static <M> Layer<M, M, M> sqrtOfCovariance(MatrixOps<M> o)
 * }</pre>
 *
 * A lambda names its backend once per use, and Java gives each use its own type: a lambda that
 * composes layers ({@code o -> a(o).then(b(o))}) does not compile, a reference to a generic
 * method as in the third line does.
 */
@FunctionalInterface
public interface LayerFactory {

    /**
     * The layer on {@code ops}.
     *
     * @param ops the backend the layer must compute on
     * @return a layer whose {@link Layer#ops()} is {@code ops}
     */
    Layer<?, ?, ?> create(MatrixOps<?> ops);

    /**
     * The layer on {@code ops}, typed by the backend's matrix type.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend
     * @return the layer {@link #create} built
     * @throws IllegalArgumentException when the factory built no layer, or one on another backend
     */
    default <M> Layer<M, ?, ?> on(MatrixOps<M> ops) {
        Layer<?, ?, ?> layer = create(ops);
        if (layer == null || layer.ops() != ops) {
            throw new IllegalArgumentException("the layer factory must build its layer on the backend it is given ("
                    + ops.name() + "), it built " + (layer == null ? "none" : "one on " + layer.ops().name()));
        }
        @SuppressWarnings("unchecked") // the layer computes on ops, so its matrices are ops' matrices
        Layer<M, ?, ?> typed = (Layer<M, ?, ?>) layer;
        return typed;
    }
}
