package org.mbp.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.layer.DegenerateSpectrumException;
import org.mbp.layer.Linearization;
import org.mbp.layer.SpectrumDiagnostics;
import org.mbp.verify.SampleMatrices;
import org.mbp.verify.Verifier;

/** Invariants of the SVD and EIG layers (Props. 1–2) and their behaviour on degenerate input. */
class SpectralLayersTest {

    private static final EjmlOps O = EjmlOps.DOUBLE;
    /** Orthogonality and reconstruction hold to a small multiple of ε at these sizes. */
    private static final double ROUNDING = 1e-13;

    private static double offOrthogonality(SimpleMatrix q) {
        return O.norm(O.sub(O.multTransA(q, q), O.identity(O.cols(q))));
    }

    @Test
    void svdFactorsAreOrthogonalAndReconstructTheInput() {
        SimpleMatrix x = SampleMatrices.withSingularValues(O, 7, 4, new double[] {4, 3, 2, 1}, 1);
        SvdFactors<SimpleMatrix> f = new SvdLayer<>(O).forward(x).output();
        assertEquals(7, O.cols(f.u()), "full U, including the U₂ block");
        assertTrue(offOrthogonality(f.u()) < ROUNDING);
        assertTrue(offOrthogonality(f.v()) < ROUNDING);
        SimpleMatrix rebuilt = O.multTransB(O.mult(f.u(), f.sigma()), f.v());
        assertTrue(O.norm(O.sub(rebuilt, x)) < ROUNDING * O.norm(x));
    }

    @Test
    void svdVariationPreservesOrthogonalityToFirstOrder() {
        SimpleMatrix x = SampleMatrices.withSingularValues(O, 7, 4, new double[] {4, 3, 2, 1}, 2);
        Linearization<SimpleMatrix, SimpleMatrix, SvdFactors<SimpleMatrix>> p = new SvdLayer<>(O).forward(x);
        SvdFactors<SimpleMatrix> d = p.variation(SampleMatrices.gaussian(O, 7, 4, 3));
        SvdFactors<SimpleMatrix> f = p.output();
        // Uᵀ dU + dUᵀ U = 0 and Vᵀ dV + dVᵀ V = 0 (Prop. 1 proof), including the U₂ block
        SimpleMatrix uSkew = O.multTransA(f.u(), d.u());
        SimpleMatrix vSkew = O.multTransA(f.v(), d.v());
        assertTrue(O.norm(O.add(uSkew, O.transpose(uSkew))) < ROUNDING * O.norm(uSkew));
        assertTrue(O.norm(O.add(vSkew, O.transpose(vSkew))) < ROUNDING * O.norm(vSkew));
        SimpleMatrix u2 = O.block(f.u(), 0, 7, 4, 7);
        SimpleMatrix du2 = O.block(d.u(), 0, 7, 4, 7);
        assertTrue(O.maxAbs(O.multTransA(u2, du2)) < ROUNDING, "U₂ᵀ dU₂ = 0: the paper's gauge");
        assertEquals(0, O.norm(O.sub(d.sigma(), O.diagPart(d.sigma()))), 0.0, "dΣ is diagonal");
    }

    @Test
    void eigFactorsAreOrthogonalAscendingAndReconstruct() {
        double[] lambda = {2, -1, 0.5, 3};
        SimpleMatrix z = SampleMatrices.symmetricWithEigenvalues(O, lambda, 4);
        EigFactors<SimpleMatrix> f = new EigLayer<>(O).forward(z).output();
        assertTrue(offOrthogonality(f.u()) < ROUNDING);
        double[] sorted = O.toRowMajor(O.diagonal(f.sigma()));
        for (int i = 0; i + 1 < sorted.length; i++) {
            assertTrue(sorted[i] < sorted[i + 1]);
        }
        SimpleMatrix rebuilt = O.multTransB(O.mult(f.u(), f.sigma()), f.u());
        assertTrue(O.norm(O.sub(rebuilt, z)) < ROUNDING * O.norm(z));
    }

    @Test
    void tiedSingularValuesRaiseANamedErrorNotNaN() {
        SimpleMatrix x = O.diagonalMatrix(O.fromRowMajor(3, 1, new double[] {2, 1, 1}), 5, 3);
        Linearization<SimpleMatrix, SimpleMatrix, SvdFactors<SimpleMatrix>> p = new SvdLayer<>(O).forward(x);
        SpectrumDiagnostics d = p.diagnostics().spectra().get(0);
        assertEquals(0.0, d.minGap());
        assertEquals(1, d.gapLow());
        assertEquals(2, d.gapHigh());
        SvdFactors<SimpleMatrix> upstream = new Verifier<>(O, 1).directions()
                .randomLike(new SvdLayer<>(O).outputSpace(), p.output());
        DegenerateSpectrumException e = assertThrows(DegenerateSpectrumException.class,
                () -> p.adjoint(upstream));
        assertEquals(1, e.first());
        assertEquals(2, e.second());
        assertTrue(e.getMessage().contains("singular values 1 and 2"), e.getMessage());
    }

    @Test
    void tiedEigenvaluesRaiseANamedError() {
        SimpleMatrix z = O.diagonalMatrix(O.fromRowMajor(4, 1, new double[] {1, 3, 2, 3}), 4, 4);
        Linearization<SimpleMatrix, SimpleMatrix, EigFactors<SimpleMatrix>> p = new EigLayer<>(O).forward(z);
        DegenerateSpectrumException e = assertThrows(DegenerateSpectrumException.class,
                () -> p.variation(O.identity(4)));
        assertEquals(2, e.first());
        assertEquals(3, e.second());
        assertTrue(e.getMessage().contains("eigenvalues 2 and 3 are equal"), e.getMessage());
    }

    @Test
    void zeroSingularValueFailsOnlyWhenTheLossNeedsU() {
        SimpleMatrix x = SampleMatrices.withSingularValues(O, 6, 3, new double[] {3, 2, 0}, 5);
        Linearization<SimpleMatrix, SimpleMatrix, SvdFactors<SimpleMatrix>> p = new SvdLayer<>(O).forward(x);
        SvdFactors<SimpleMatrix> noU = new SvdFactors<>(O.zeros(6, 6), O.diagPart(O.filled(6, 3, 1)),
                SampleMatrices.gaussian(O, 3, 3, 6));
        assertTrue(O.isFinite(p.adjoint(noU)), "∂L/∂U = 0 needs no Σ_n⁻¹");
        SvdFactors<SimpleMatrix> withU = new SvdFactors<>(SampleMatrices.gaussian(O, 6, 6, 7),
                noU.sigma(), noU.v());
        DegenerateSpectrumException e = assertThrows(DegenerateSpectrumException.class,
                () -> p.adjoint(withU));
        assertTrue(e.getMessage().contains("singular value 2"), e.getMessage());
    }

    @Test
    void badInputsAreNamed() {
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
                () -> new SvdLayer<>(O).forward(O.zeros(3, 5)));
        assertTrue(wide.getMessage().contains("m ≥ n"), wide.getMessage());
        SimpleMatrix asymmetric = O.fromRowMajor(2, 2, new double[] {1, 2, 2.5, 1});
        IllegalArgumentException sym = assertThrows(IllegalArgumentException.class,
                () -> new EigLayer<>(O).forward(asymmetric));
        assertTrue(sym.getMessage().contains("not symmetric") && sym.getMessage().contains("(0,1)"),
                sym.getMessage());
        SimpleMatrix nan = O.fromRowMajor(2, 2, new double[] {1, 0, Double.NaN, 1});
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> new SvdLayer<>(O).forward(nan));
        assertTrue(bad.getMessage().contains("row 1, column 0"), bad.getMessage());
        IllegalArgumentException domain = assertThrows(IllegalArgumentException.class,
                () -> DeepO2P.svd(O, 0.0, Form.PAPER).forward(O.zeros(4, 2)));
        assertTrue(domain.getMessage().contains("log needs positive eigenvalues"), domain.getMessage());
    }
}
