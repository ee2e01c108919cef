package org.mbp.layer;

/** Two layers in sequence; variations compose forwards and adjoints backwards (eq. 8). */
final class Composition<M, X, Y, Z> extends AbstractLayer<M, X, Z> {

    private final Layer<M, X, Y> first;
    private final Layer<M, Y, Z> second;

    Composition(Layer<M, X, Y> first, Layer<M, Y, Z> second) {
        super(first.name() + " → " + second.name(), first.ops(), first.inputSpace(), second.outputSpace());
        if (first.ops() != second.ops()) {
            throw new IllegalArgumentException("cannot compose " + first.name() + " on "
                    + first.ops().name() + " with " + second.name() + " on " + second.ops().name());
        }
        this.first = first;
        this.second = second;
    }

    @Override
    public Linearization<M, X, Z> forward(X x) {
        return checked(x, evaluate(x));
    }

    private Linearization<M, X, Z> evaluate(X x) {
        Linearization<M, X, Y> a = first.forward(x);
        Linearization<M, Y, Z> b = second.forward(a.output());
        return Linearization.withLaterDiagnostics(b.output(), () -> a.diagnostics().plus(b.diagnostics()),
                dx -> b.variation(a.variation(dx)), upstream -> a.adjoint(b.adjoint(upstream)));
    }
}
