package org.mbp.layer;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The plain {@link Linearization}: an output, its diagnostics (made when first asked for, then
 * kept) and the two maps.
 */
final class Evaluated<M, X, Y> implements Linearization<M, X, Y> {

    private final Y output;
    private final Function<X, Y> variationMap;
    private final Function<Y, X> adjointMap;
    private Supplier<Diagnostics> source;
    private Diagnostics diagnostics;

    Evaluated(Y output, Supplier<Diagnostics> diagnostics, Function<X, Y> variationMap, Function<Y, X> adjointMap) {
        this.output = output;
        this.source = diagnostics;
        this.variationMap = variationMap;
        this.adjointMap = adjointMap;
    }

    @Override
    public Y output() {
        return output;
    }

    @Override
    public synchronized Diagnostics diagnostics() {
        if (diagnostics == null) {
            diagnostics = source.get();
            source = null;
        }
        return diagnostics;
    }

    @Override
    public Y variation(X dx) {
        return variationMap.apply(dx);
    }

    @Override
    public X adjoint(Y upstream) {
        return adjointMap.apply(upstream);
    }
}
