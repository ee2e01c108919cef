package org.mbp.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.layer.Structure;
import org.mbp.verify.SampleMatrices;
import org.mbp.verify.Verifier;

class GapKernelTest {

    private static final EjmlOps O = EjmlOps.DOUBLE;
    private static final List<GapKernel> STABILISED = List.of(GapKernel.taylor(9), GapKernel.clamped(1e-6),
            GapKernel.shifted(1e-6), GapKernel.lorentzian(1e-6));

    @Test
    void kernelsAreAntisymmetricAndFiniteAtTies() {
        SimpleMatrix lambda = O.fromRowMajor(4, 1, new double[] {1, 2, 2, 5});
        for (GapKernel k : STABILISED) {
            SimpleMatrix m = k.matrix(O, lambda);
            assertTrue(O.isFinite(m), k.label());
            assertEquals(0, O.norm(O.add(m, O.transpose(m))), 1e-12, k.label() + " antisymmetric");
            assertEquals(0, O.get(m, 1, 2), 0.0, k.label() + " zero at the exact tie");
        }
        assertTrue(!O.isFinite(GapKernel.paper().matrix(O, lambda)), "the paper's K̃ is infinite at a tie");
    }

    /** Away from ties each stabilisation tends to 1/(λ_i − λ_j): Taylor as (λ_lo/λ_hi)^(degree+1). */
    @Test
    void stabilisationsApproachThePaperKernelOnSeparatedSpectra() {
        SimpleMatrix lambda = O.fromRowMajor(3, 1, new double[] {1, 4, 16});
        SimpleMatrix exact = GapKernel.paper().matrix(O, lambda);
        for (GapKernel k : STABILISED) {
            double error = O.norm(O.sub(k.matrix(O, lambda), exact)) / O.norm(exact);
            assertTrue(error < 1e-5, k.label() + ": " + error);
        }
        double degree2 = O.get(GapKernel.taylor(2).matrix(O, lambda), 1, 0);
        assertEquals((1 + 0.25 + 0.0625) / 4, degree2, 1e-15, "1/4 · (1 + r + r²), r = 1/4");
    }

    @Test
    void stabilisedEigLayersKeepTheirAdjointConsistent() {
        SimpleMatrix z = SampleMatrices.symmetricWithEigenvalues(O, new double[] {1, 2, 2 + 1e-9, 4}, 3);
        for (GapKernel k : STABILISED) {
            EigLayer<SimpleMatrix> layer = new EigLayer<>(O, Structure.POSITIVE_DIAGONAL, k);
            assertTrue(layer.name().contains(k.label()));
            assertTrue(new Verifier<>(O, 1).dotProduct(layer, z).relativeError() < 1e-12, k.label());
        }
    }
}
