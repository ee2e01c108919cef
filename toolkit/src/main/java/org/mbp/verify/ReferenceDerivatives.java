package org.mbp.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hipparchus.dfp.Dfp;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.Layer;
import org.mbp.layer.LayerFactory;
import org.mbp.layer.Space;
import org.mbp.precise.FieldDense;
import org.mbp.precise.FieldOps;
import org.mbp.precise.HighPrecision;

/**
 * The reference of {@link GradientAssertions#assertMatchesReference}: directional derivatives of
 * {@code L(X) = ⟨Ȳ, f(X)⟩} from the layer's forward pass alone, by Richardson-extrapolated central
 * differences ({@link Ridders}) computed entirely at {@value HighPrecision#DEFAULT_DIGITS} digits.
 * The layer's variation and adjoint play no part, so a wrong derivative cannot agree with it.
 *
 * <p>Rounding in a central difference of step h is about {@code 10⁻⁴⁴ |L| / h}, and the
 * extrapolated tableau removes the truncation terms {@code h², h⁴, …}; the tableau's own
 * disagreement is kept as the reference's error estimate. Outputs with a gauge are aligned with
 * the unperturbed output before L is taken, as in {@link Verifier}.
 *
 * @param <M> the matrix type of the backend under test
 */
final class ReferenceDerivatives<M> {

    /** Initial steps tried, from a tenth of the input's size down by factors of 10. */
    private static final int STEP_TRIES = 12;

    private final FieldOps<Dfp> precise = HighPrecision.ops();
    private final LayerFactory factory;
    private final MatrixOps<M> ops;

    ReferenceDerivatives(LayerFactory factory, MatrixOps<M> ops) {
        this.factory = factory;
        this.ops = ops;
    }

    /**
     * The derivatives of {@code ⟨upstream, f(x)⟩} along each direction, at the input's and the
     * upstream's values as the backend holds them.
     *
     * @param <X>        the layer's input variable
     * @param space      the input space of the layer under test
     * @param x          the input
     * @param upstream   the upstream gradient Ȳ, one matrix
     * @param directions the directions, admissible at x
     * @param steps      the initial step of each direction
     * @param acceptable an absolute error small enough to stop refining each derivative at
     * @return one estimate per direction
     */
    <X> List<Ridders.FieldEstimate<Dfp>> along(Space<M, X> space, X x, M upstream, List<X> directions,
            double[] steps, double acceptable) {
        return along(factory.on(precise), space, x, upstream, directions, steps, acceptable);
    }

    private <X, P, Q> List<Ridders.FieldEstimate<Dfp>> along(Layer<FieldDense<Dfp>, P, Q> layer, Space<M, X> space,
            X x, M upstream, List<X> directions, double[] steps, double acceptable) {
        Space<FieldDense<Dfp>, P> in = layer.inputSpace();
        Space<FieldDense<Dfp>, Q> out = layer.outputSpace();
        P px = in.assemble(converted(space.parts(x)));
        Q py = out.single(precise.copyOf(ops, upstream));
        Q y0 = layer.forward(px).output();
        List<Ridders.FieldEstimate<Dfp>> estimates = new ArrayList<>(directions.size());
        for (int k = 0; k < directions.size(); k++) {
            List<FieldDense<Dfp>> dx = converted(space.parts(directions.get(k)));
            UnaryOperator<Dfp> loss = h -> dot(out.parts(py), out.parts(out.align(layer.forward(
                    in.assemble(step(in.parts(px), h, dx))).output(), y0)));
            estimates.add(Ridders.derivativeAutoStep(loss, precise.field().getZero().newInstance(steps[k]),
                    STEP_TRIES, acceptable));
        }
        return estimates;
    }

    private List<FieldDense<Dfp>> converted(List<M> parts) {
        return parts.stream().map(p -> precise.copyOf(ops, p)).toList();
    }

    /** {@code x + h·dx}, part by part, at full precision (h is a field element, not a double). */
    private List<FieldDense<Dfp>> step(List<FieldDense<Dfp>> x, Dfp h, List<FieldDense<Dfp>> dx) {
        List<FieldDense<Dfp>> out = new ArrayList<>(x.size());
        for (int p = 0; p < x.size(); p++) {
            Dfp[] a = x.get(p).data();
            Dfp[] d = dx.get(p).data();
            Dfp[] sum = new Dfp[a.length];
            for (int i = 0; i < a.length; i++) {
                sum[i] = a[i].add(h.multiply(d[i]));
            }
            out.add(precise.of(x.get(p).rows(), x.get(p).cols(), sum));
        }
        return out;
    }

    /** {@code Σ_parts a_p : b_p} at full precision. */
    private Dfp dot(List<FieldDense<Dfp>> a, List<FieldDense<Dfp>> b) {
        Dfp sum = precise.field().getZero();
        for (int p = 0; p < a.size(); p++) {
            Dfp[] u = a.get(p).data();
            Dfp[] v = b.get(p).data();
            for (int i = 0; i < u.length; i++) {
                sum = sum.add(u[i].multiply(v[i]));
            }
        }
        return sum;
    }
}
