package org.mbp.layer;

import java.util.function.Function;

/** The plain {@link Linearization}: an output, its diagnostics and the two maps. */
record Evaluated<M, X, Y>(Y output, Diagnostics diagnostics, Function<X, Y> variationMap,
        Function<Y, X> adjointMap) implements Linearization<M, X, Y> {

    @Override
    public Y variation(X dx) {
        return variationMap.apply(dx);
    }

    @Override
    public X adjoint(Y upstream) {
        return adjointMap.apply(upstream);
    }
}
