package org.mbp.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.precise.FieldOps;
import org.mbp.precise.HighPrecision;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.Form;
import org.mbp.verify.SampleMatrices;
import org.mbp.verify.Verifier;

/** The predicted error bound: its formula, and that it covers the errors of a rank-deficient F. */
class ErrorBoundTest {

    private static final EjmlOps O = EjmlOps.DOUBLE;
    private static final double EPS = Math.ulp(1.0);

    /** F = A·B, A 20×2 and B 2×6 standard normal: rank 2 of 6 (the example of issue 16). */
    static SimpleMatrix rankTwoFeatures() {
        return SampleMatrices.gaussian(O, 20, 2, 0).mult(SampleMatrices.gaussian(O, 2, 6, 1));
    }

    /** A random symmetric upstream gradient. */
    static SimpleMatrix symmetricUpstream() {
        return O.sym(SampleMatrices.gaussian(O, 6, 6, 2));
    }

    /** The bound of one stage of three values whose terms sum to {@code terms}. */
    private static void assertBound(double terms, ErrorBound bound) {
        double expected = EPS * ErrorBound.CONSTANT * Math.sqrt(3) * terms;
        assertEquals(expected, bound.relative(), 1e-15 * expected);
    }

    @Test
    void theBoundSumsEachStagesConditionAndGapTerms() {
        // Eigenvalues 4, 2, 1 (κ = 4, relative gap (2 − 1)/4 = 1/4) with a K: 8·√3·(4 + 4).
        SpectrumDiagnostics eig = SpectrumDiagnostics.of("eig", SpectrumDiagnostics.EIGENVALUES,
                new double[] {1, 2, 4}, SpectrumDiagnostics.Kernel.EIGENVALUE_DIFFERENCE, 0);
        ErrorBound b = ErrorBound.of(Diagnostics.of(eig), EPS);
        assertBound(4 + 4, b);
        assertFalse(b.gapLimited());
        assertEquals(eig, b.dominant());
        // Singular values: the gap term is multiplied by κ (Σ⁻¹ of eqs. 14, 17): 8·√3·(4 + 4·4).
        SpectrumDiagnostics svd = SpectrumDiagnostics.of("svd", SpectrumDiagnostics.SINGULAR_VALUES,
                new double[] {4, 2, 1}, SpectrumDiagnostics.Kernel.SQUARED_DIFFERENCE, 0);
        assertBound(4 + 16, ErrorBound.of(Diagnostics.of(svd), EPS));
        // Without a K (the stable form) only conditioning counts, 2√κ for σ² + ε from an SVD.
        SpectrumDiagnostics stable = SpectrumDiagnostics.of("stable", SpectrumDiagnostics.SQUARED_SINGULAR_VALUES,
                new double[] {1, 2, 4}, SpectrumDiagnostics.Kernel.NONE, 0);
        assertBound(4, ErrorBound.of(Diagnostics.of(stable), EPS));
        assertEquals(EPS, ErrorBound.of(Diagnostics.none(), EPS).relative());
        // A matrix function after the K replaces the inverse gap by its weighted inverse gap.
        Diagnostics withFunction = Diagnostics.of(eig).plus(Diagnostics.of(new Cancellation("log", 3, false)));
        assertBound(4 + 3, ErrorBound.of(withFunction, EPS));
        // An exact tie under a K is an infinite bound.
        SpectrumDiagnostics tie = SpectrumDiagnostics.of("eig", SpectrumDiagnostics.EIGENVALUES,
                new double[] {1, 1, 4}, SpectrumDiagnostics.Kernel.EIGENVALUE_DIFFERENCE, 0);
        assertTrue(ErrorBound.of(Diagnostics.of(tie), EPS).exceeds(1e300));
    }

    /**
     * The weighted inverse gap: a pair at relative gap 1e-10 where log vanishes (λ ≈ 1) weighs
     * (|log 1| + |log(1 − 1e-10)|)/(2 |log 0.25|) ≈ 4e-11 of its inverse gap; a pair at 0.5, 0.25
     * weighs (0.69 + 1.39)/1.39 / 2 = 0.75 of 1/0.25.
     */
    @Test
    void theCancellationWeighsEachGapByTheFunctionsValues() {
        double[] lambda = {1, 1 - 1e-10, 0.5, 0.25};
        double[] log = {0, Math.log1p(-1e-10), Math.log(0.5), Math.log(0.25)};
        Cancellation c = Cancellation.of("log", lambda, log, 4);
        assertEquals(0.75 * 4, c.weightedInverseGap(), 1e-12);
        assertFalse(c.nullSpace());
        assertTrue(Cancellation.of("log", lambda, log, 3).nullSpace());
        assertTrue(Double.isInfinite(Cancellation.of("log", new double[] {2, 2}, new double[] {1, 1}, 2)
                .weightedInverseGap()));
    }

    /**
     * Issue 16: for a rank-2 F of 6 columns, FᵀF + εI has four eigenvalues at ε whose gaps are
     * rounding noise; the paper's K and K̃ divide by them. The bound of each paper route exceeds
     * 1e-6 and covers its measured error (tens of percent), the stable form's is small and
     * covers its error too. The 44-digit reference is the stable form evaluated in Dfp.
     */
    @Test
    void theBoundFlagsThePaperFormOnARankDeficientInputAndCoversEveryRoute() {
        SimpleMatrix f = rankTwoFeatures();
        SimpleMatrix g = symmetricUpstream();
        FieldOps<Dfp> reference = HighPrecision.ops();
        double[] exact = reference.toRowMajor(DeepO2P.eig(reference, DeepO2P.DEFAULT_EPSILON, Form.STABLE)
                .forward(reference.copyOf(O, f)).adjoint(reference.copyOf(O, g)));
        for (var layer : List.of(DeepO2P.svd(O, DeepO2P.DEFAULT_EPSILON, Form.PAPER),
                DeepO2P.eig(O, DeepO2P.DEFAULT_EPSILON, Form.PAPER))) {
            var point = layer.forward(f);
            double error = Verifier.relativeError(O.toRowMajor(point.adjoint(g)), exact);
            ErrorBound bound = ErrorBound.of(point.diagnostics(), O.epsilon());
            assertTrue(error > 1e-3, layer.name() + ": the paper form is wrong here, error " + error);
            assertTrue(bound.relative() >= error, layer.name() + ": bound " + bound.relative() + " < error " + error);
            assertTrue(bound.exceeds(1e-6) && bound.gapLimited(), layer.name() + ": " + bound);
        }
        var stable = DeepO2P.svd(O, DeepO2P.DEFAULT_EPSILON, Form.STABLE).forward(f);
        double error = Verifier.relativeError(O.toRowMajor(stable.adjoint(g)), exact);
        ErrorBound bound = ErrorBound.of(stable.diagnostics(), O.epsilon());
        assertTrue(error <= bound.relative() && !bound.exceeds(1e-6), "stable: error " + error + ", " + bound);
        assertFalse(bound.gapLimited());
    }
}
