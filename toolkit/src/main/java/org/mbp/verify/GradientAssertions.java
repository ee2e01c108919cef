package org.mbp.verify;

import java.math.BigDecimal;
import java.util.Arrays;
import org.hipparchus.dfp.Dfp;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.Layer;
import org.mbp.precise.FieldDense;
import org.mbp.precise.FieldOps;
import org.mbp.precise.HighPrecision;

/**
 * Assertions for users' own layers and tests, usable from JUnit 5 or any framework: a failed
 * check throws {@link AssertionError} with the measured numbers and the input's diagnostics.
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

    private GradientAssertions() {
    }

    /** Builds a layer of one matrix on any backend; implement it with a constructor reference. */
    @FunctionalInterface
    public interface LayerFactory {
        /**
         * A fresh layer on the backend {@code ops}.
         *
         * @param <M> the backend's matrix type
         * @param ops the backend that computes
         * @return a fresh layer on the backend {@code ops}
         */
        <M> Layer<M, M, M> create(MatrixOps<M> ops);
    }

    /**
     * The dot-product test {@code ⟨Ȳ, L(dX)⟩ = ⟨L*(Ȳ), dX⟩} to {@code 10⁴ ε} of the layer's
     * backend (1e-12 in double), for random admissible Ȳ and dX.
     *
     * @param <M> the backend's matrix type
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param layer the layer
     * @param x the input
     */
    public static <M, X, Y> void assertAdjointConsistent(Layer<M, X, Y> layer, X x) {
        assertAdjointConsistent(layer, x, 1e4 * layer.ops().epsilon());
    }

    /**
     * The dot-product test to the given relative tolerance.
     *
     * @param <M> the backend's matrix type
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param layer the layer
     * @param x the input
     * @param tolerance the tolerance
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
     * differences along every admissible direction.
     *
     * @param <M> the backend's matrix type
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param layer the layer
     * @param x the input
     * @param upstream the upstream gradient ∂L/∂Y
     * @param tolerance the tolerance
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
     * The Taylor remainder falls as h² (observed order 2 ± 0.1).
     *
     * @param <M> the backend's matrix type
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param layer the layer
     * @param x the input
     * @param upstream the upstream gradient ∂L/∂Y
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
     * The gradient of {@code ⟨upstream, f(x)⟩} on the given backend against the same layer on
     * the {@link HighPrecision} backend at the same (rounded) input, to a relative tolerance.
     *
     * @param <M> the backend's matrix type
     * @param factory the factory
     * @param ops the backend that computes
     * @param x the input
     * @param upstream the upstream gradient ∂L/∂Y
     * @param tolerance the tolerance
     */
    public static <M> void assertMatchesReference(LayerFactory factory, MatrixOps<M> ops, M x, M upstream,
            double tolerance) {
        Layer<M, M, M> layer = factory.create(ops);
        double[] gradient = ops.toRowMajor(layer.forward(x).adjoint(upstream));
        FieldOps<Dfp> reference = HighPrecision.ops();
        Layer<FieldDense<Dfp>, FieldDense<Dfp>, FieldDense<Dfp>> precise = factory.create(reference);
        FieldDense<Dfp> preciseGradient = precise.forward(reference.fromRowMajor(ops.rows(x), ops.cols(x),
                ops.toRowMajor(x))).adjoint(reference.fromRowMajor(ops.rows(upstream), ops.cols(upstream),
                ops.toRowMajor(upstream)));
        BigDecimal[] expected = HighPrecision.decimals(preciseGradient);
        BigDecimal[] actual = Arrays.stream(gradient).mapToObj(BigDecimal::new).toArray(BigDecimal[]::new);
        double error = HighPrecision.relativeDifference(actual, expected);
        if (!(error <= tolerance)) {
            throw new AssertionError(String.format("%s: gradient differs from the %d-digit reference by %.3g > %.3g;"
                    + " %s", layer.name(), HighPrecision.DEFAULT_DIGITS, error, tolerance,
                    layer.forward(x).diagnostics()));
        }
    }
}
