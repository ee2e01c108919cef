package org.mbp.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;

/**
 * Γ for eigenvalues a and b = a(1 + δ), δ = 2⁻³⁰ (exactly representable), against each function's
 * Taylor series in δ, truncated where the next term is below 1e-40: an independent reference
 * accurate to rounding. The naive quotient (g(b) − g(a))/(b − a) loses about |log₂ δ| = 30 bits
 * there; the stable forms must stay within a few ε.
 */
class DividedDifferencesTest {

    private static final EjmlOps O = EjmlOps.DOUBLE;
    private static final double A = 1.7;
    private static final double DELTA = Math.scalb(1.0, -30);
    private static final double B = A * (1 + DELTA);
    private static final double H = B - A;

    private static double gamma(SpectralFunction g, double a, double b) {
        SimpleMatrix lambda = O.fromRowMajor(2, 1, new double[] {a, b});
        return O.get(g.dividedDifferences(O, lambda), 0, 1);
    }

    private static void assertStable(SpectralFunction g, DoubleUnaryOperator value, double series,
            double bound) {
        double stable = gamma(g, A, B);
        double naive = (value.applyAsDouble(B) - value.applyAsDouble(A)) / H;
        assertEquals(series, stable, bound * Math.abs(series), g.name());
        assertTrue(Math.abs(naive - series) > 1e3 * bound * Math.abs(series),
                g.name() + ": the naive quotient should visibly cancel");
        assertEquals(gamma(g, A, B), gamma(g, B, A), 0.0, "Γ is symmetric");
    }

    @Test
    void logIsAccurateNearTies() {
        double d = H / A;
        double series = (1 - d / 2 + d * d / 3 - d * d * d / 4) / A;
        assertStable(SpectralFunction.log(), Math::log, series, 4 * Math.ulp(1.0));
    }

    @Test
    void expIsAccurateNearTies() {
        double series = Math.exp(A) * (1 + H / 2 + H * H / 6 + H * H * H / 24);
        assertStable(SpectralFunction.exp(), Math::exp, series, 4 * Math.ulp(1.0));
    }

    @Test
    void powerIsAccurateNearTies() {
        double p = 0.75;
        double d = H / A;
        double series = Math.pow(A, p - 1) * (p + p * (p - 1) / 2 * d + p * (p - 1) * (p - 2) / 6 * d * d);
        assertStable(SpectralFunction.power(p), x -> Math.pow(x, p), series, 8 * Math.ulp(1.0));
    }

    @Test
    void sqrtIsExactEverywhere() {
        double series = 1 / (Math.sqrt(A) + Math.sqrt(B));
        assertStable(SpectralFunction.sqrt(), Math::sqrt, series, 2 * Math.ulp(1.0));
    }

    @Test
    void tiesGiveTheDerivative() {
        for (SpectralFunction g : new SpectralFunction[] {SpectralFunction.log(), SpectralFunction.sqrt(),
                SpectralFunction.exp(), SpectralFunction.power(2.5)}) {
            SimpleMatrix lambda = O.fromRowMajor(3, 1, new double[] {A, A, 2 * A});
            SimpleMatrix gamma = g.dividedDifferences(O, lambda);
            double derivative = O.get(g.derivative(O, lambda), 0, 0);
            assertEquals(derivative, O.get(gamma, 0, 1), 2 * Math.ulp(derivative), g.name());
            assertEquals(derivative, O.get(gamma, 1, 1), 2 * Math.ulp(derivative), g.name());
        }
    }

    /**
     * A user pair uses the midpoint derivative below ε^{1/3} relative separation: truncation
     * error O(h²g‴/24) ≈ 1e-19 here, far below the naive quotient's 1e-7.
     */
    @Test
    void userFunctionAvoidsCancellationWithTheMidpointRule() {
        SpectralFunction cube = SpectralFunction.of("cube", x -> x * x * x, x -> 3 * x * x, Domain.ALL);
        double exact = A * A + A * B + B * B;
        assertEquals(exact, gamma(cube, A, B), 1e-12 * exact);
        assertEquals(3 * 4.0, gamma(cube, 2, 2), 1e-15, "exact ties");
        assertEquals((27.0 - 1.0) / 2.0, gamma(cube, 1, 3), 1e-15, "far apart: the plain quotient");
    }

    @Test
    void domainViolationsNameTheEigenvalue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpectralFunction.log().requireDomain(new double[] {1, 0.5, -2}, Math.ulp(1.0), 0, "test"));
        assertTrue(e.getMessage().contains("eigenvalue 2 is -2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpectralFunction.named("tan"));
    }

    /** A positive eigenvalue at rounding level (n·ε·largest or below) is a zero in disguise. */
    @Test
    void numericallyZeroEigenvaluesAreOutsideThePositiveDomain() {
        double eps = Math.ulp(1.0);
        OutsideDomainException e = assertThrows(OutsideDomainException.class,
                () -> SpectralFunction.log().requireDomain(new double[] {240, 3e-14, 1e-3}, eps, 0, "test"));
        assertTrue(e.getMessage().contains("eigenvalue 1 is 3.00e-14, numerically zero"), e.getMessage());
        SpectralFunction.log().requireDomain(new double[] {240, 2e-13, 1e-3}, eps, 0, "test");
        SpectralFunction.exp().requireDomain(new double[] {240, 0, -1}, eps, 0, "test");
    }

    /**
     * FᵀF + εI with ε &gt; 0 is positive definite in exact arithmetic: in float, with ε = 1e-3 and
     * λ_max = 800, a computed 1e-4 lies below n·ε_f·λ_max (2.9e-4) but is an inaccurate value of
     * at least ε, not a zero in disguise.
     */
    @Test
    void aRegularizedSpectrumIsPositiveHoweverSmallItsValues() {
        double floatEpsilon = Math.ulp(1.0f);
        double[] spectrum = {800, 0.00100, 0.0001};
        assertThrows(OutsideDomainException.class,
                () -> SpectralFunction.log().requireDomain(spectrum, floatEpsilon, 0, "test"));
        SpectralFunction.log().requireDomain(spectrum, floatEpsilon, 1e-3, "test");
        assertThrows(OutsideDomainException.class,
                () -> SpectralFunction.log().requireDomain(new double[] {800, -0.01}, floatEpsilon, 1e-3, "test"));
    }
}
