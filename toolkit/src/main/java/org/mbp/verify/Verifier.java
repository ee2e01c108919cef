package org.mbp.verify;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.Layer;
import org.mbp.layer.Linearization;
import org.mbp.layer.Space;

/**
 * The verification engine: checks a layer's {@code variation} and {@code adjoint} against each
 * other (dot-product test) and against its {@code forward} pass (finite differences with
 * Richardson extrapolation and automatic step choice, Taylor remainder test). Losses are
 * {@code L(X) = ⟨Ȳ, f(X)⟩}; outputs defined only up to a gauge (signs of singular vectors) are
 * aligned with the unperturbed output before L is taken.
 *
 * <p>All randomness comes from the seed, so a check is reproducible.
 */
public final class Verifier<M> {

    /** Initial steps tried by the automatic step choice: h₀, h₀/10, …. */
    private static final int STEP_TRIES = 5;
    /** Halvings of h in the Taylor test. */
    private static final int TAYLOR_STEPS = 28;
    /** Steps the Taylor order is fitted over: the smallest ones above the noise. */
    private static final int TAYLOR_FIT = 6;
    /** The smallest steps, where h² is far below rounding: their remainders measure the noise. */
    private static final int TAYLOR_TAIL = 4;

    private final MatrixOps<M> ops;
    private final Directions<M> directions;

    /**
     * A verifier on the backend {@code ops}, with directions drawn from {@code seed}.
     *
     * @param ops the backend that computes
     * @param seed the random seed
     */
    public Verifier(MatrixOps<M> ops, long seed) {
        this.ops = ops;
        this.directions = new Directions<>(ops, seed);
    }

    /**
     * The source of random and basis directions (seeded like this verifier).
     *
     * @return the source of random and basis directions (seeded like this verifier)
     */
    public Directions<M> directions() {
        return directions;
    }

    /**
     * The dot-product test for random admissible dX and random Ȳ.
     *
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param layer the layer
     * @param x the input
     * @return the dot-product test for random admissible dX and random Ȳ
     */
    public <X, Y> DotProductResult dotProduct(Layer<M, X, Y> layer, X x) {
        Linearization<M, X, Y> point = layer.forward(x);
        X dx = directions.random(layer.inputSpace(), x);
        Y upstream = directions.randomLike(layer.outputSpace(), point.output());
        double outputSide = Tangents.dot(ops, layer.outputSpace(), upstream, point.variation(dx));
        double inputSide = Tangents.dot(ops, layer.inputSpace(), point.adjoint(upstream), dx);
        return new DotProductResult(layer.name(), outputSide, inputSide,
                Tangents.relative(outputSide, inputSide), point.diagnostics());
    }

    /**
     * Adjoint against finite differences of {@code ⟨Ȳ, f(X)⟩} along a random admissible dX.
     *
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param layer the layer
     * @param x the input
     * @param upstream the upstream gradient ∂L/∂Y
     * @return adjoint against finite differences of {@code ⟨Ȳ, f(X)⟩} along a random admissible dX
     */
    public <X, Y> DirectionalResult directional(Layer<M, X, Y> layer, X x, Y upstream) {
        return directional(layer, x, upstream, directions.random(layer.inputSpace(), x));
    }

    /**
     * Adjoint against finite differences of {@code ⟨Ȳ, f(X)⟩} along dX.
     *
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param layer the layer
     * @param x the input
     * @param upstream the upstream gradient ∂L/∂Y
     * @param dx the input variation dX
     * @return adjoint against finite differences of {@code ⟨Ȳ, f(X)⟩} along dX
     */
    public <X, Y> DirectionalResult directional(Layer<M, X, Y> layer, X x, Y upstream, X dx) {
        Linearization<M, X, Y> point = layer.forward(x);
        double adjoint = Tangents.dot(ops, layer.inputSpace(), point.adjoint(upstream), dx);
        Ridders.Estimate fd = Ridders.derivativeAutoStep(lossAlong(layer, x, upstream, dx,
                point.output()), initialStep(layer.inputSpace(), x, dx), STEP_TRIES);
        return new DirectionalResult(layer.name(), adjoint, fd.value(), fd.error(), fd.step(),
                Tangents.relative(adjoint, fd.value()), point.diagnostics());
    }

    /**
     * The whole gradient of {@code ⟨Ȳ, f(X)⟩} by finite differences along an orthonormal basis of
     * admissible variations, against the adjoint (one extrapolated difference per coordinate).
     *
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param layer the layer
     * @param x the input
     * @param upstream the upstream gradient ∂L/∂Y
     * @return the whole gradient of {@code ⟨Ȳ, f(X)⟩} by finite differences along an orthonormal
     *         basis of admissible variations, against the adjoint (one extrapolated difference per
     *         coordinate)
     */
    public <X, Y> GradientResult gradient(Layer<M, X, Y> layer, X x, Y upstream) {
        Linearization<M, X, Y> point = layer.forward(x);
        X g = point.adjoint(upstream);
        List<X> basis = directions.basis(layer.inputSpace(), x);
        double errorSquares = 0;
        double boundSquares = 0;
        double normSquares = 0;
        for (X b : basis) {
            double adjoint = Tangents.dot(ops, layer.inputSpace(), g, b);
            Ridders.Estimate fd = Ridders.derivativeAutoStep(lossAlong(layer, x, upstream, b,
                    point.output()), initialStep(layer.inputSpace(), x, b), STEP_TRIES);
            errorSquares += (fd.value() - adjoint) * (fd.value() - adjoint);
            boundSquares += fd.error() * fd.error();
            normSquares += adjoint * adjoint;
        }
        double norm = Math.sqrt(normSquares);
        return new GradientResult(layer.name(), basis.size(), Math.sqrt(errorSquares) / norm,
                Math.sqrt(boundSquares) / norm, norm, point.diagnostics());
    }

    /**
     * The Taylor remainder test along a random admissible dX.
     *
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param layer the layer
     * @param x the input
     * @param upstream the upstream gradient ∂L/∂Y
     * @return the Taylor remainder test along a random admissible dX
     */
    public <X, Y> TaylorResult taylor(Layer<M, X, Y> layer, X x, Y upstream) {
        return taylor(layer, x, upstream, directions.random(layer.inputSpace(), x));
    }

    /**
     * The Taylor remainder test along dX.
     *
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param layer the layer
     * @param x the input
     * @param upstream the upstream gradient ∂L/∂Y
     * @param dx the input variation dX
     * @return the Taylor remainder test along dX
     */
    public <X, Y> TaylorResult taylor(Layer<M, X, Y> layer, X x, Y upstream, X dx) {
        Linearization<M, X, Y> point = layer.forward(x);
        double slope = Tangents.dot(ops, layer.inputSpace(), point.adjoint(upstream), dx);
        DoubleUnaryOperator loss = lossAlong(layer, x, upstream, dx, point.output());
        double base = loss.applyAsDouble(0);
        double h = Math.min(10 * initialStep(layer.inputSpace(), x, dx),
                0.9 * directions.maxStep(layer.inputSpace(), x, dx));
        double[] steps = new double[TAYLOR_STEPS];
        double[] remainders = new double[TAYLOR_STEPS];
        double[] scales = new double[TAYLOR_STEPS];
        for (int k = 0; k < TAYLOR_STEPS; k++, h /= 2) {
            steps[k] = h;
            try {
                double value = loss.applyAsDouble(h);
                remainders[k] = Math.abs(value - base - h * slope);
                scales[k] = Math.abs(base) + Math.abs(value) + Math.abs(h * slope);
            } catch (IllegalArgumentException | ArithmeticException outsideDomain) {
                remainders[k] = Double.NaN;
            }
        }
        double tailNoise = 0;
        for (int k = TAYLOR_STEPS - TAYLOR_TAIL; k < TAYLOR_STEPS; k++) {
            tailNoise = Double.isNaN(remainders[k]) ? tailNoise : Math.max(tailNoise, remainders[k]);
        }
        boolean[] used = new boolean[TAYLOR_STEPS];
        SimpleRegression fit = new SimpleRegression();
        for (int k = TAYLOR_STEPS - 1; k >= 0 && fit.getN() < TAYLOR_FIT; k--) {
            double floor = Math.max(10 * ops.epsilon() * scales[k], 30 * tailNoise);
            if (remainders[k] > floor) {
                used[k] = true;
                fit.addData(Math.log(steps[k]), Math.log(remainders[k]));
            }
        }
        double order = fit.getN() >= 3 ? fit.getSlope() : Double.NaN;
        return new TaylorResult(layer.name(), order, steps, remainders, used, point.diagnostics());
    }

    /**
     * The dot-product test of a catalogued case.
     *
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param c the column
     * @return the dot-product test of a catalogued case
     */
    public <X, Y> DotProductResult dotProduct(LayerCase<M, X, Y> c) {
        return dotProduct(c.layer(), c.input());
    }

    /**
     * The whole-gradient finite-difference check of a catalogued case.
     *
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param c the column
     * @return the whole-gradient finite-difference check of a catalogued case
     */
    public <X, Y> GradientResult gradient(LayerCase<M, X, Y> c) {
        return gradient(c.layer(), c.input(), c.upstream());
    }

    /**
     * The directional finite-difference check of a catalogued case along a random direction.
     *
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param c the column
     * @return the directional finite-difference check of a catalogued case along a random direction
     */
    public <X, Y> DirectionalResult directional(LayerCase<M, X, Y> c) {
        return directional(c.layer(), c.input(), c.upstream());
    }

    /**
     * The Taylor remainder test of a catalogued case along a random direction.
     *
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param c the column
     * @return the Taylor remainder test of a catalogued case along a random direction
     */
    public <X, Y> TaylorResult taylor(LayerCase<M, X, Y> c) {
        return taylor(c.layer(), c.input(), c.upstream());
    }

    /**
     * {@code ‖a − b‖_F / ‖b‖_F} of two matrices of any backends, widened to double.
     *
     * @param a the matrix A
     * @param b the matrix B
     * @return {@code ‖a − b‖_F / ‖b‖_F} of two matrices of any backends, widened to double
     */
    public static double relativeError(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("relativeError: " + a.length + " vs " + b.length + " entries");
        }
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            norm += b[i] * b[i];
        }
        return norm == 0 ? Math.sqrt(diff) : Math.sqrt(diff / norm);
    }

    private <X, Y> DoubleUnaryOperator lossAlong(Layer<M, X, Y> layer, X x, Y upstream, X dx,
            Y reference) {
        Space<M, X> in = layer.inputSpace();
        Space<M, Y> out = layer.outputSpace();
        return h -> {
            Y y = layer.forward(Tangents.step(ops, in, x, h, dx)).output();
            return Tangents.dot(ops, out, upstream, out.align(y, reference));
        };
    }

    /** A tenth of the input's size over the direction's, kept inside positive structures. */
    <X> double initialStep(Space<M, X> space, X x, X dx) {
        double scale = Tangents.norm(ops, space, x) / Tangents.norm(ops, space, dx);
        double h = 0.1 * (scale > 0 && Double.isFinite(scale) ? scale : 1.0);
        return Math.min(h, 0.5 * directions.maxStep(space, x, dx));
    }
}
