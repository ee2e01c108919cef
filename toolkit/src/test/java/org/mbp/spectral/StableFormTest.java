package org.mbp.spectral;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.function.SpectralFunction;
import org.mbp.layer.DegenerateSpectrumException;
import org.mbp.layer.Layer;
import org.mbp.verify.GradientResult;
import org.mbp.verify.SampleMatrices;
import org.mbp.verify.Verifier;

/** The gap-stable (Daleckii–Krein) form against the paper's form and at ties. */
class StableFormTest {

    private static final EjmlOps O = EjmlOps.DOUBLE;

    private static double relative(SimpleMatrix a, SimpleMatrix b) {
        return O.norm(O.sub(a, b)) / O.norm(b);
    }

    /**
     * On separated spectra (gaps ≥ 0.1 relative) both forms compute one derivative; they differ
     * by rounding amplified by at most max|K| ≈ 10, well below 1e-10.
     */
    @Test
    void stableFormAgreesWithPaperFormOnSeparatedSpectra() {
        SimpleMatrix f = SampleMatrices.withSingularValues(O, 20, 8, new double[] {8, 7, 6, 5, 4, 3, 2, 1}, 1);
        SimpleMatrix g = SampleMatrices.gaussian(O, 8, 8, 2);
        for (boolean svd : new boolean[] {true, false}) {
            SimpleMatrix paper = (svd ? DeepO2P.svd(O, 1e-3, Form.PAPER) : DeepO2P.eig(O, 1e-3, Form.PAPER))
                    .forward(f).adjoint(g);
            SimpleMatrix stable = (svd ? DeepO2P.svd(O, 1e-3, Form.STABLE) : DeepO2P.eig(O, 1e-3, Form.STABLE))
                    .forward(f).adjoint(g);
            assertTrue(relative(stable, paper) < 1e-10, (svd ? "svd " : "eig ") + relative(stable, paper));
        }
    }

    /**
     * At Z = cI every eigenvalue ties; the exact derivative of log is {@code d log(cI)[H] = H/c},
     * so the gradient of {@code ⟨G, log Z⟩} is G/c and that of sqrt is G/(2√c). The paper's form
     * divides by the zero gaps and must refuse.
     */
    @Test
    void stableFormIsExactAtCompleteTies() {
        double c = 2.5;
        SimpleMatrix z = O.scale(c, O.identity(5));
        SimpleMatrix g = O.sym(SampleMatrices.gaussian(O, 5, 5, 3));
        SimpleMatrix log = SpectralFunctionLayer.ofSymmetric(O, SpectralFunction.log()).forward(z).adjoint(g);
        assertTrue(relative(log, O.scale(1 / c, g)) < 1e-15);
        SimpleMatrix sqrt = SpectralFunctionLayer.ofSymmetric(O, SpectralFunction.sqrt()).forward(z).adjoint(g);
        assertTrue(relative(sqrt, O.scale(0.5 / Math.sqrt(c), g)) < 1e-15);
        Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> paper =
                new EigLayer<>(O).then(new EigMatrixFunctionLayer<>(O, SpectralFunction.log()));
        assertThrows(DegenerateSpectrumException.class, () -> paper.forward(z).adjoint(g));
    }

    /**
     * Two eigenvalues tie up to rounding (gap ≈ 1e-16): K̃ ≈ 1e16 ruins the paper's form, while
     * the stable form matches finite differences (g(Z) itself is smooth there) to 1e-7.
     */
    @Test
    void stableFormStaysAccurateWhenTwoEigenvaluesTie() {
        SimpleMatrix z = SampleMatrices.symmetricWithEigenvalues(O, new double[] {1, 2, 2, 3, 5}, 4);
        SimpleMatrix g = O.sym(SampleMatrices.gaussian(O, 5, 5, 5));
        Verifier<SimpleMatrix> verifier = new Verifier<>(O, 6);
        GradientResult stable = verifier.gradient(SpectralFunctionLayer.ofSymmetric(O, SpectralFunction.log()), z, g);
        assertTrue(stable.relativeError() < 1e-7, stable.toString());
        Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> paper = LayersUnderTest.paperLog();
        double paperError;
        try {
            GradientResult r = verifier.gradient(paper, z, g);
            paperError = r.relativeError();
        } catch (DegenerateSpectrumException exactTie) {
            paperError = Double.POSITIVE_INFINITY;
        }
        assertTrue(paperError > 1e-6, "the paper's form should suffer at a tie, error " + paperError);
    }

    /**
     * With fewer locations than dimensions (m &lt; d) FᵀF + εI has d − m eigenvalues equal to ε
     * up to rounding. The SVD route and the stable form stay accurate; the EIG route reports a
     * huge K̃ in its diagnostics (the paper's §7.1 observation).
     */
    @Test
    void rankDeficientCovarianceIsHandledByTheSvdRouteAndTheStableForm() {
        SimpleMatrix f = SampleMatrices.withSingularValues(O, 5, 9, new double[] {3, 2.5, 2, 1.5, 1}, 7);
        SimpleMatrix g = O.sym(SampleMatrices.gaussian(O, 9, 9, 8));
        Verifier<SimpleMatrix> verifier = new Verifier<>(O, 9);
        for (Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> accurate : java.util.List.of(
                DeepO2P.svd(O, 1e-3, Form.PAPER), DeepO2P.svd(O, 1e-3, Form.STABLE),
                DeepO2P.eig(O, 1e-3, Form.STABLE))) {
            GradientResult r = verifier.gradient(accurate, f, g);
            assertTrue(r.relativeError() < 1e-7, accurate.name() + ": " + r);
        }
        double maxK = DeepO2P.eig(O, 1e-3, Form.PAPER).forward(f).diagnostics().maxAbsK();
        assertTrue(maxK > 1e10, "EIG route's K̃ should blow up on the ε-cluster, max|K̃| = " + maxK);
    }

    /** The paper's EIG-route matrix logarithm of a symmetric input. */
    private static final class LayersUnderTest {
        static Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> paperLog() {
            return new EigLayer<>(O).then(new EigMatrixFunctionLayer<>(O, SpectralFunction.log()));
        }
    }
}
