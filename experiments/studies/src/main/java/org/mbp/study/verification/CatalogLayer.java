package org.mbp.study.verification;

/**
 * A point of the verification grid: the layer of the {@link org.mbp.verify.CatalogCheck} at the
 * cell's index, which has no parameters of its own.
 */
public record CatalogLayer() {
}
