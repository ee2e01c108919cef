package org.mbp.verify;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.differentiation.Gradient;
import org.mbp.backend.MatrixOps;
import org.mbp.precise.FieldDense;
import org.mbp.precise.ForwardMode;

/**
 * The independent check by forward-mode automatic differentiation: the same layer's forward
 * pass, run on {@link ForwardMode#OPS} at {@code X + t·dX}, carries {@code d/dt f(X + t dX)}
 * through every operation, the field Jacobi solvers included. That derivative must agree with
 * the hand-derived {@code variation} and, through ⟨Ȳ, ·⟩, with the {@code adjoint}.
 *
 * <p>It needs distinct eigen/singular values where the layer's output depends on the vectors:
 * at a tie, forward mode through Jacobi rotations has no defined derivative.
 */
public final class ForwardModeCheck {

    /**
     * @param variationError {@code ‖dY_AD − L(dX)‖ / ‖L(dX)‖}, over all output parts
     * @param adjointError   {@code |⟨Ȳ, dY_AD⟩ − ⟨L*(Ȳ), dX⟩| / |⟨L*(Ȳ), dX⟩|}
     */
    public record Result(String layer, double variationError, double adjointError) {
    }

    private ForwardModeCheck() {
    }

    /**
     * Compares a case on any backend with the same case built on {@link ForwardMode#OPS} (same
     * layer, same input values), along a random admissible direction from the seed.
     *
     * @param <M> the backend's matrix type
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param <X2> the other input variable type
     * @param <Y2> the other output variable type
     * @param c the column
     * @param ad the automatic-differentiation result
     * @param seed the random seed
     * @return the result
     */
    public static <M, X, Y, X2, Y2> Result compare(LayerCase<M, X, Y> c, LayerCase<FieldDense<Gradient>, X2, Y2> ad,
            long seed) {
        MatrixOps<M> ops = c.layer().ops();
        X dx = new Directions<>(ops, seed).random(c.layer().inputSpace(), c.input());
        var point = c.layer().forward(c.input());
        List<M> values = c.layer().inputSpace().parts(c.input());
        List<M> directions = c.layer().inputSpace().parts(dx);
        List<FieldDense<Gradient>> seeded = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            seeded.add(ForwardMode.along(ops, values.get(i), directions.get(i)));
        }
        Y2 output = ad.layer().forward(ad.layer().inputSpace().assemble(seeded)).output();
        List<FieldDense<Gradient>> derivative = ad.layer().outputSpace().parts(output);
        List<M> variation = c.layer().outputSpace().parts(point.variation(dx));
        List<M> upstream = c.layer().outputSpace().parts(c.upstream());
        double difference = 0;
        double norm = 0;
        double adSide = 0;
        for (int p = 0; p < derivative.size(); p++) {
            double[] fromAd = ForwardMode.derivative(derivative.get(p));
            double[] fromVariation = ops.toRowMajor(variation.get(p));
            double[] weights = ops.toRowMajor(upstream.get(p));
            for (int k = 0; k < fromAd.length; k++) {
                difference += (fromAd[k] - fromVariation[k]) * (fromAd[k] - fromVariation[k]);
                norm += fromVariation[k] * fromVariation[k];
                adSide += weights[k] * fromAd[k];
            }
        }
        List<M> gradient = c.layer().inputSpace().parts(point.adjoint(c.upstream()));
        double adjointSide = 0;
        for (int p = 0; p < gradient.size(); p++) {
            adjointSide += ops.dot(gradient.get(p), directions.get(p));
        }
        double relative = norm == 0 ? Math.sqrt(difference) : Math.sqrt(difference / norm);
        double scale = Math.max(Math.abs(adjointSide), Math.abs(adSide));
        return new Result(c.name(), relative, scale == 0 ? 0 : Math.abs(adSide - adjointSide) / scale);
    }
}
