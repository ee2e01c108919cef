package org.mbp.verify;

import org.mbp.layer.Layer;

/**
 * A layer with a representative input and upstream gradient Ȳ, ready for the checks of
 * {@link Verifier}.
 *
 * @param name      a short identifier, e.g. {@code "svd"}
 * @param reference where the layer comes from in the paper, e.g. {@code "Prop. 1, eqs. 11–17"}
 */
public record LayerCase<M, X, Y>(String name, String reference, Layer<M, X, Y> layer, X input,
        Y upstream) {
}
