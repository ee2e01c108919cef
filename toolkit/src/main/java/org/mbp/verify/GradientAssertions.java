package org.mbp.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.dfp.Dfp;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.ErrorBound;
import org.mbp.layer.Layer;
import org.mbp.layer.LayerFactory;
import org.mbp.layer.Linearization;
import org.mbp.precise.HighPrecision;

/**
 * Assertions for users' own layers and tests, usable from JUnit 5 or any framework: a failed
 * check throws {@link AssertionError} with the measured numbers and the input's diagnostics.
 *
 * <p>What each one proves about a layer f with variation L (the paper's eq. 9) and adjoint L*
 * (eq. 10), at one input X and upstream gradient Ȳ:
 * <ul>
 *   <li>{@link #assertAdjointConsistent}: L* is the transpose of L, {@code ⟨Ȳ, L(dX)⟩ = ⟨L*(Ȳ), dX⟩}
 *       for one random pair. It says nothing about f: a variation and an adjoint that share the
 *       same wrong term pass it.</li>
 *   <li>{@link #assertMatchesFiniteDifferences}: L*(Ȳ) is the gradient of {@code ⟨Ȳ, f(X)⟩} along
 *       every coordinate, from differences of f in the backend's own precision. Their accuracy
 *       (about 1e-7 to 1e-10 in double) limits the tolerance; one forward pass per coordinate
 *       and step.</li>
 *   <li>{@link #assertSecondOrderTaylor}: along one random dX, {@code ⟨Ȳ, f(X + h dX)⟩} minus its
 *       linear prediction from L*(Ȳ) falls as h², so L*(Ȳ) is the derivative of f along dX.</li>
 *   <li>{@link #assertMatchesReference}: L*(Ȳ), computed in the backend's precision, agrees with
 *       the exact derivative of f to the tolerance (1e-12 and below in double). The reference
 *       differentiates f's forward pass at {@value HighPrecision#DEFAULT_DIGITS} digits, never its
 *       variation or adjoint.</li>
 * </ul>
 *
 * <pre>{@code
 * @Test
 * void myLayerHasTheRightGradient() {
 *     EjmlOps ops = EjmlOps.DOUBLE;
 *     SimpleMatrix x = SampleMatrices.symmetricWithEigenvalues(ops, new double[] {1, 2, 4}, 7);
 *     SimpleMatrix g = SampleMatrices.gaussian(ops, 3, 3, 8);
 *     GradientAssertions.assertAdjointConsistent(new MyLayer<>(ops), x);
 *     GradientAssertions.assertMatchesFiniteDifferences(new MyLayer<>(ops), x, g, 1e-7);
 *     GradientAssertions.assertMatchesReference(MyLayer::new, ops, x, g, 1e-12);
 * }
 * }</pre>
 */
public final class GradientAssertions {

    /** Seed of the random directions the assertions use. */
    private static final long SEED = 1L;
    /** Random directions the reference differentiates along. */
    private static final int REFERENCE_DIRECTIONS = 4;
    /** The reference's estimated error must lie this far below the tolerance. */
    private static final double REFERENCE_MARGIN = 10;

    private GradientAssertions() {
    }

    /**
     * The dot-product test {@code ⟨Ȳ, L(dX)⟩ = ⟨L*(Ȳ), dX⟩} to {@code 10⁴ ε} of the layer's
     * backend (1e-12 in double), for random admissible Ȳ and dX.
     *
     * @param <M>   the backend's matrix type
     * @param <X>   the layer's input
     * @param <Y>   the layer's output
     * @param layer the layer
     * @param x     the input
     */
    public static <M, X, Y> void assertAdjointConsistent(Layer<M, X, Y> layer, X x) {
        assertAdjointConsistent(layer, x, 1e4 * layer.ops().epsilon());
    }

    /**
     * The dot-product test to the given relative tolerance.
     *
     * @param <M>       the backend's matrix type
     * @param <X>       the layer's input
     * @param <Y>       the layer's output
     * @param layer     the layer
     * @param x         the input
     * @param tolerance the largest relative difference of the two inner products
     */
    public static <M, X, Y> void assertAdjointConsistent(Layer<M, X, Y> layer, X x, double tolerance) {
        DotProductResult r = new Verifier<>(layer.ops(), SEED).dotProduct(layer, x);
        if (!(r.relativeError() <= tolerance)) {
            throw new AssertionError(String.format("%s: adjoint inconsistent with variation: <Y, L(dX)> = %.17g,"
                    + " <L*(Y), dX> = %.17g, relative error %.3g > %.3g; %s", layer.name(), r.outputSide(),
                    r.inputSide(), r.relativeError(), tolerance, r.diagnostics()));
        }
    }

    /**
     * The whole gradient of {@code ⟨upstream, f(x)⟩} against Richardson-extrapolated finite
     * differences of the forward pass, in the layer's precision, along every admissible direction.
     *
     * @param <M>       the backend's matrix type
     * @param <X>       the layer's input
     * @param <Y>       the layer's output
     * @param layer     the layer
     * @param x         the input
     * @param upstream  the upstream gradient Ȳ
     * @param tolerance the largest relative error {@code ‖g − g_fd‖ / ‖g‖}
     */
    public static <M, X, Y> void assertMatchesFiniteDifferences(Layer<M, X, Y> layer, X x, Y upstream,
            double tolerance) {
        GradientResult r = new Verifier<>(layer.ops(), SEED).gradient(layer, x, upstream);
        if (!(r.relativeError() <= tolerance)) {
            throw new AssertionError(String.format("%s: gradient differs from finite differences by %.3g > %.3g"
                    + " (the differences claim %.3g); %s", layer.name(), r.relativeError(), tolerance,
                    r.relativeErrorBound(), r.diagnostics()));
        }
    }

    /**
     * The Taylor remainder along a random admissible direction falls as h² (observed order 2 ± 0.1).
     *
     * @param <M>      the backend's matrix type
     * @param <X>      the layer's input
     * @param <Y>      the layer's output
     * @param layer    the layer
     * @param x        the input
     * @param upstream the upstream gradient Ȳ
     */
    public static <M, X, Y> void assertSecondOrderTaylor(Layer<M, X, Y> layer, X x, Y upstream) {
        TaylorResult r = new Verifier<>(layer.ops(), SEED).taylor(layer, x, upstream);
        if (!(Math.abs(r.observedOrder() - Acceptance.TAYLOR_ORDER) <= Acceptance.TAYLOR_ORDER_TOLERANCE)) {
            throw new AssertionError(String.format("%s: Taylor remainder of order %.3f, expected 2 ± %.1f"
                    + " (%d steps fitted); %s", layer.name(), r.observedOrder(), Acceptance.TAYLOR_ORDER_TOLERANCE,
                    r.pointsUsed(), r.diagnostics()));
        }
    }

    /**
     * The predicted relative error bound of the layer's gradients at x ({@link ErrorBound}: from
     * the spectra the layer meets and its backend's ε). A test can say "this input is beyond the
     * paper's form" as {@code assertTrue(errorBound(layer, x).exceeds(1e-6))}.
     *
     * @param layer the layer
     * @param x     the input
     * @param <M>   the backend's matrix type
     * @param <X>   the layer's input type
     * @param <Y>   the layer's output type
     * @return the predicted bound, with its cause
     */
    public static <M, X, Y> ErrorBound errorBound(Layer<M, X, Y> layer, X x) {
        return ErrorBound.of(layer.forward(x).diagnostics(), layer.ops().epsilon());
    }

    /**
     * The predicted relative error bound of the layer's gradients at x is at most
     * {@code tolerance}: the input is within what the layer's formula computes accurately.
     *
     * @param layer     the layer
     * @param x         the input
     * @param tolerance the largest acceptable predicted relative error
     * @param <M>       the backend's matrix type
     * @param <X>       the layer's input type
     * @param <Y>       the layer's output type
     * @throws AssertionError naming the bound and its cause when it is larger
     */
    public static <M, X, Y> void assertErrorBoundBelow(Layer<M, X, Y> layer, X x, double tolerance) {
        ErrorBound bound = errorBound(layer, x);
        if (bound.exceeds(tolerance)) {
            throw new AssertionError(String.format("%s: predicted gradient error bound %.3g > %.3g: %s",
                    layer.name(), bound.relative(), tolerance, bound.cause()));
        }
    }

    /**
     * The gradient {@code g = L*(upstream)} of {@code ⟨upstream, f(x)⟩}, computed on {@code ops},
     * against a reference that is independent of the layer's derivative: the derivatives of
     * {@code ⟨upstream, f(x + h d)⟩} at h = 0 along {@value #REFERENCE_DIRECTIONS} random
     * admissible directions d, by Richardson-extrapolated central differences of the layer's
     * forward pass at {@value HighPrecision#DEFAULT_DIGITS} digits. The reference's rounding and
     * truncation, estimated from its tableau, must lie ten times below the tolerance; otherwise
     * (an input too close to a degenerate spectrum for the steps to resolve) the assertion fails
     * as inconclusive rather than pass.
     *
     * <p>Measured: {@code ‖Pg − r‖ / ‖r‖}, P the Gaussian directions as rows, r the reference
     * derivatives. For random P this estimates the gradient's relative error
     * {@code ‖g − ∇‖ / ‖∇‖}, and it cannot vanish for a wrong g. What the backend's rounding
     * leaves in a right gradient is about ε times the input's amplification (its condition
     * numbers, and 1/gap where a formula divides by spectral gaps, printed in the message):
     * choose the tolerance above that, e.g. 1e-12 for a well-conditioned input in double.
     *
     * @param <M>       the backend's matrix type
     * @param factory   builds the layer, on {@code ops} and on the high-precision backend; the
     *                  layer must take one matrix and give one matrix
     * @param ops       the backend under test
     * @param x         the input
     * @param upstream  the upstream gradient Ȳ
     * @param tolerance the largest relative error of the gradient
     */
    public static <M> void assertMatchesReference(LayerFactory factory, MatrixOps<M> ops, M x, M upstream,
            double tolerance) {
        matchesReference(factory.on(ops), factory, x, upstream, tolerance);
    }

    private static <M, X, Y> void matchesReference(Layer<M, X, Y> layer, LayerFactory factory, M x, M upstream,
            double tolerance) {
        MatrixOps<M> ops = layer.ops();
        X input = layer.inputSpace().single(x);
        Linearization<M, X, Y> point = layer.forward(input);
        X gradient = point.adjoint(layer.outputSpace().single(upstream));
        Verifier<M> verifier = new Verifier<>(ops, SEED);
        List<X> directions = new ArrayList<>(REFERENCE_DIRECTIONS);
        double[] steps = new double[REFERENCE_DIRECTIONS];
        BigDecimal[] projected = new BigDecimal[REFERENCE_DIRECTIONS];
        double smallest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < REFERENCE_DIRECTIONS; k++) {
            X d = verifier.directions().random(layer.inputSpace(), input);
            directions.add(d);
            steps[k] = verifier.initialStep(layer.inputSpace(), input, d);
            projected[k] = new BigDecimal(Tangents.dot(ops, layer.inputSpace(), gradient, d));
            smallest = Math.min(smallest, Tangents.norm(ops, layer.inputSpace(), d));
        }
        double acceptable = tolerance / REFERENCE_MARGIN / 100 * Tangents.norm(ops, layer.inputSpace(), gradient)
                * smallest;
        List<Ridders.FieldEstimate<Dfp>> reference = new ReferenceDerivatives<>(factory, ops)
                .along(layer.inputSpace(), input, upstream, directions, steps, acceptable);
        BigDecimal[] expected = reference.stream().map(e -> HighPrecision.decimal(e.value())).toArray(BigDecimal[]::new);
        double norm = Math.sqrt(reference.stream().mapToDouble(e -> e.value().getReal() * e.value().getReal()).sum());
        double referenceError = Math.sqrt(reference.stream().mapToDouble(e -> e.error() * e.error()).sum()) / norm;
        double error = HighPrecision.relativeDifference(projected, expected);
        String where = String.format("%d-digit finite-difference reference along %d random directions",
                HighPrecision.DEFAULT_DIGITS, REFERENCE_DIRECTIONS);
        if (!(referenceError <= tolerance / REFERENCE_MARGIN)) {
            throw new AssertionError(String.format("%s: inconclusive: the %s is accurate only to %.3g, not to"
                    + " %.3g (a tenth of the tolerance); the input may be too close to a degenerate spectrum; %s",
                    layer.name(), where, referenceError, tolerance / REFERENCE_MARGIN, point.diagnostics()));
        }
        if (!(error <= tolerance)) {
            throw new AssertionError(String.format("%s: gradient differs from the %s by %.3g > %.3g"
                    + " (the reference is good to %.1g); %s", layer.name(), where, error, tolerance, referenceError,
                    point.diagnostics()));
        }
    }
}
