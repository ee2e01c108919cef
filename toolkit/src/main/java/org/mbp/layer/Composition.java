package org.mbp.layer;

import org.mbp.backend.MatrixOps;

/** Two layers in sequence; variations compose forwards and adjoints backwards (eq. 8). */
final class Composition<M, X, Y, Z> implements Layer<M, X, Z> {

    private final Layer<M, X, Y> first;
    private final Layer<M, Y, Z> second;

    Composition(Layer<M, X, Y> first, Layer<M, Y, Z> second) {
        if (first.ops() != second.ops()) {
            throw new IllegalArgumentException("cannot compose " + first.name() + " on "
                    + first.ops().name() + " with " + second.name() + " on " + second.ops().name());
        }
        this.first = first;
        this.second = second;
    }

    @Override
    public String name() {
        return first.name() + " → " + second.name();
    }

    @Override
    public MatrixOps<M> ops() {
        return first.ops();
    }

    @Override
    public Space<M, X> inputSpace() {
        return first.inputSpace();
    }

    @Override
    public Space<M, Z> outputSpace() {
        return second.outputSpace();
    }

    @Override
    public Linearization<M, X, Z> forward(X x) {
        Linearization<M, X, Y> a = first.forward(x);
        Linearization<M, Y, Z> b = second.forward(a.output());
        Diagnostics diagnostics = a.diagnostics().plus(b.diagnostics());
        return new Linearization<>() {
            @Override
            public Z output() {
                return b.output();
            }

            @Override
            public Diagnostics diagnostics() {
                return diagnostics;
            }

            @Override
            public Z variation(X dx) {
                return b.variation(a.variation(dx));
            }

            @Override
            public X adjoint(Z upstream) {
                return a.adjoint(b.adjoint(upstream));
            }
        };
    }
}
