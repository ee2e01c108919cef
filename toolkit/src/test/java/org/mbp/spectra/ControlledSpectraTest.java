package org.mbp.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.simple.SimpleMatrix;
import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.precise.FieldDense;
import org.mbp.precise.FieldOps;
import org.mbp.precise.HighPrecision;

class ControlledSpectraTest {

    private static final FieldOps<Dfp> HP = HighPrecision.ops();

    @Test
    void spectraHaveThePrescribedShape() {
        assertArrayEquals(new double[] {4, 3, 2, 1}, Spectrum.separated(4).values(), 0);
        double[] c = Spectrum.clustered(6, 1e-8).values();
        assertEquals(1e-8, (c[2] - c[3]) / 6, 1e-15, "relative gap against the largest value, to double rounding");
        double[] g = Spectrum.geometric(5, 1e4).values();
        assertEquals(1e4, g[0] / g[4], 1e-9);
        assertArrayEquals(new double[] {5, 4, 1, 1, 1}, Spectrum.multiplicity(5, 3).values(), 0);
        assertArrayEquals(new double[] {5, 4, 0, 0, 0}, Spectrum.rankDeficient(5, 2).values(), 0);
        assertThrows(IllegalArgumentException.class, () -> Spectrum.clustered(4, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Spectrum.rankDeficient(4, 4));
    }

    /** Haar through QR with the sign fix: Q orthogonal and R = QᵀG upper triangular, diag > 0. */
    @Test
    void orthogonalFactorsAreTheQOfAPositiveDiagonalQr() {
        FieldDense<Dfp> q = new ControlledSpectra(4).orthogonal(5);
        assertTrue(HP.maxAbs(HP.sub(HP.multTransA(q, q), HP.identity(5))) < 10 * HP.epsilon());
        java.util.Random random = new java.util.Random(4);
        double[] gaussian = new double[25];
        for (int i = 0; i < 25; i++) {
            gaussian[i] = random.nextGaussian();
        }
        FieldDense<Dfp> r = HP.multTransA(q, HP.fromRowMajor(5, 5, gaussian));
        for (int i = 0; i < 5; i++) {
            assertTrue(r.get(i, i).getReal() > 0, "R_" + i + i + " > 0");
            for (int j = 0; j < i; j++) {
                assertTrue(Math.abs(r.get(i, j).getReal()) < 100 * HP.epsilon(), "R is upper triangular");
            }
        }
    }

    /** The first column of a Haar matrix is uniform on the sphere: E[q₁₁²] = 1/n. */
    @Test
    void orthogonalFactorsLookHaarDistributed() {
        ControlledSpectra generator = new ControlledSpectra(17);
        int n = 4;
        int samples = 400;
        double sum = 0;
        for (int k = 0; k < samples; k++) {
            double q = generator.orthogonal(n).get(0, 0).getReal();
            sum += q * q;
        }
        // Var[q²] = 2(n−1)/(n²(n+2)) = 1/32 for n = 4: the mean of 400 has sd ≈ 0.0088
        assertEquals(1.0 / n, sum / samples, 4 * 0.0088);
    }

    @Test
    void oneSeedGivesOneMatrixInEveryPrecision() {
        ControlledMatrix a = new ControlledSpectra(8).symmetric(Spectrum.clustered(5, 1e-8));
        ControlledMatrix b = new ControlledSpectra(8).symmetric(Spectrum.clustered(5, 1e-8));
        assertArrayEquals(a.values(), b.values(), 0);
        SimpleMatrix inDouble = a.in(EjmlOps.DOUBLE);
        SimpleMatrix inFloat = a.in(EjmlOps.FLOAT);
        for (int i = 0; i < 25; i++) {
            double exact = a.exact().data()[i].toDouble();
            assertEquals(exact, EjmlOps.DOUBLE.toRowMajor(inDouble)[i], 0.0, "double is the rounded exact matrix");
            assertEquals((float) exact, EjmlOps.FLOAT.toRowMajor(inFloat)[i], 0.0, "float likewise");
        }
        FieldDense<Dfp> again = a.in(HighPrecision.ops(60));
        assertEquals(a.exact().data()[7].toString(), again.data()[7].toString().substring(0, a.exact().data()[7].toString().length()));
    }

    @Test
    void covarianceFeaturesHaveTheRequestedCovarianceSpectrum() {
        double epsilon = 1e-3;
        Spectrum wanted = new Spectrum("wanted", new double[] {6, 3, 1, epsilon, epsilon});
        ControlledMatrix f = new ControlledSpectra(3).covarianceFeatures(3, wanted, epsilon);
        FieldDense<Dfp> z = HP.add(HP.multTransA(f.exact(), f.exact()), HP.scale(epsilon, HP.identity(5)));
        double[] values = HP.toRowMajor(HP.eigSymmetric(z).values());
        assertArrayEquals(new double[] {epsilon, epsilon, 1, 3, 6}, values, 1e-30);
        assertThrows(IllegalArgumentException.class, () -> new ControlledSpectra(3).covarianceFeatures(2, wanted, epsilon));
    }

    @Test
    void positiveFeaturesArePositiveWithExactSingularValues() {
        Spectrum trailing = new Spectrum("t", new double[] {2, 1, 1e-6});
        ControlledMatrix f = new ControlledSpectra(5).positiveFeatures(7, 4, trailing);
        for (Dfp x : f.exact().data()) {
            assertTrue(x.getReal() >= 2, "every entry at least max σ");
        }
        double[] sigma = HP.toRowMajor(HP.svd(f.exact(), false).sigma());
        assertArrayEquals(new double[] {2 * Math.sqrt(28) * 2, 2, 1, 1e-6}, sigma, 1e-30 * sigma[0]);
    }
}
