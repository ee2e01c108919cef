package org.mbp.devicecheck.jacobi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.Svd;

/**
 * The one-sided Jacobi SVD against EJML's (through {@link EjmlOps#svd}, compact, sorted and
 * signed by the same convention).
 *
 * <p>Tolerances, ε = 2⁻⁵²: both are backward stable with backward errors of a few ε‖A‖₂ times
 * a slowly growing function of the size; one-sided Jacobi's column sums of length m add √m, so
 * singular values agree to BOUND = 4·(n + √m)·ε·‖A‖₂ (Weyl for singular values), the Frobenius
 * residual ‖AV − UΣ‖_F and ‖VᵀV − I‖_F·‖A‖₂, ‖UᵀU − I‖_F·‖A‖₂ to √n·BOUND. Singular vectors with
 * gap g are determined to an angle of about backward error / g (Wedin), so entries are compared
 * with EJML's to 2·BOUND/g where that is below 1e-6.
 */
class OneSidedJacobiSvdTest {

    private static final double EPS = Math.ulp(1.0);

    @ParameterizedTest
    @CsvSource({"1, 1", "8, 8", "20, 7", "64, 64", "300, 256"})
    void agreesWithEjmlOnRandomMatrices(int m, int n) {
        Random random = new Random(m * 1000L + n);
        double[] a = new double[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextGaussian();
        }
        OneSidedJacobiSvd.Result r = checkAgainstEjml(a, m, n, "random " + m + "×" + n);
        assertTrue(r.sweeps() <= 12, "sweeps " + r.sweeps());
    }

    @Test
    void agreesWithEjmlOnGradedColumns() {
        int m = 40;
        int n = 12;
        Random random = new Random(5);
        double[] a = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] = random.nextGaussian() * Math.pow(0.1, j);
            }
        }
        checkAgainstEjml(a, m, n, "graded 40×12");
    }

    @Test
    void zeroColumnGivesZeroSingularValueAndZeroLeftVector() {
        // columns (3, 4, 0)ᵀ, 0 and (0, 0, 2)ᵀ: σ = 5, 2, 0.
        double[] a = {3, 0, 0, 4, 0, 0, 0, 0, 2};
        OneSidedJacobiSvd.Result r = OneSidedJacobiSvd.decompose(a, 3, 3);
        assertTrue(r.converged());
        assertArrayEquals(new double[] {5, 2, 0}, r.sigma(), 0.0);
        assertArrayEquals(new double[] {0.6, 0, 0, 0.8, 0, 0, 0, 1, 0}, r.u(), 4 * EPS);
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 1, 0, 1, 0}, r.v(), 0.0);
    }

    @Test
    void twoByTwoByHand() {
        // [[1, 1], [0, 1]]: σ = (1 ± √5)/2 magnitudes, i.e. φ and 1/φ.
        OneSidedJacobiSvd.Result r = OneSidedJacobiSvd.decompose(new double[] {1, 1, 0, 1}, 2, 2);
        double phi = (1 + Math.sqrt(5)) / 2;
        assertArrayEquals(new double[] {phi, 1 / phi}, r.sigma(), 4 * EPS);
    }

    @Test
    void batchEqualsSingleAndLeavesInputAlone() {
        int m = 9;
        int n = 5;
        Random random = new Random(2);
        double[] a = new double[2 * m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextGaussian();
        }
        double[] copy = a.clone();
        double[] u = new double[2 * m * n];
        double[] sigma = new double[2 * n];
        double[] v = new double[2 * n * n];
        int[] sweeps = new int[2];
        OneSidedJacobiSvd.decompose(a, m, n, 2, 30, u, sigma, v, sweeps);
        assertArrayEquals(copy, a, 0.0);
        for (int b = 0; b < 2; b++) {
            double[] one = java.util.Arrays.copyOfRange(a, b * m * n, (b + 1) * m * n);
            OneSidedJacobiSvd.Result r = OneSidedJacobiSvd.decompose(one, m, n);
            assertArrayEquals(r.u(), java.util.Arrays.copyOfRange(u, b * m * n, (b + 1) * m * n), 0.0);
            assertArrayEquals(r.sigma(), java.util.Arrays.copyOfRange(sigma, b * n, (b + 1) * n), 0.0);
            assertArrayEquals(r.v(), java.util.Arrays.copyOfRange(v, b * n * n, (b + 1) * n * n), 0.0);
            assertEquals(r.sweeps(), sweeps[b]);
        }
    }

    @Test
    void reportsNonConvergenceByNegativeStatus() {
        Random random = new Random(4);
        double[] a = new double[30 * 20];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextGaussian();
        }
        int[] sweeps = new int[1];
        OneSidedJacobiSvd.decompose(a, 30, 20, 1, 1, new double[600], new double[20], new double[400], sweeps);
        assertEquals(-1, sweeps[0]);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> OneSidedJacobiSvd.decompose(new double[6], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> OneSidedJacobiSvd.decompose(new double[257 * 257], 257, 257));
        assertThrows(IllegalArgumentException.class, () -> OneSidedJacobiSvd.decompose(new double[0], 0, 0));
        assertThrows(IllegalArgumentException.class, () -> OneSidedJacobiSvd.decompose(new double[5], 3, 2));
        assertThrows(IllegalArgumentException.class,
                () -> OneSidedJacobiSvd.decompose(new double[] {1, Double.NaN, 0, 1}, 2, 2));
        assertThrows(IllegalArgumentException.class,
                () -> OneSidedJacobiSvd.decompose(new double[] {1, 0, Double.NEGATIVE_INFINITY, 1}, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> OneSidedJacobiSvd.svd(new SimpleMatrix(2, 3)));
    }

    @Test
    void simpleMatrixFormMatchesArrays() {
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 10, 0, 1, 0};
        Svd<SimpleMatrix> s = OneSidedJacobiSvd.svd(new SimpleMatrix(4, 3, true, a));
        OneSidedJacobiSvd.Result r = OneSidedJacobiSvd.decompose(a, 4, 3);
        assertArrayEquals(r.u(), s.u().getDDRM().data, 0.0);
        assertArrayEquals(r.sigma(), s.sigma().getDDRM().data, 0.0);
        assertArrayEquals(r.v(), s.v().getDDRM().data, 0.0);
    }

    private static OneSidedJacobiSvd.Result checkAgainstEjml(double[] a, int m, int n, String label) {
        double[] input = a.clone();
        OneSidedJacobiSvd.Result r = OneSidedJacobiSvd.decompose(a, m, n);
        assertArrayEquals(input, a, 0.0, label + ": input modified");
        assertTrue(r.converged(), label + ": not converged");
        SimpleMatrix am = new SimpleMatrix(m, n, true, a);
        Svd<SimpleMatrix> ref = EjmlOps.DOUBLE.svd(am, false);
        double[] refSigma = ref.sigma().getDDRM().data;
        double bound = 4 * (n + Math.sqrt(m)) * EPS * refSigma[0];
        assertArrayEquals(refSigma, r.sigma(), bound, label + ": singular values");
        SimpleMatrix u = new SimpleMatrix(m, n, true, r.u());
        SimpleMatrix v = new SimpleMatrix(n, n, true, r.v());
        double residual = am.mult(v).minus(u.mult(SimpleMatrix.diag(r.sigma()))).normF();
        double frobenius = Math.sqrt(n) * bound;
        assertTrue(residual <= frobenius, label + ": residual " + residual + " > " + frobenius);
        double vOrth = v.transpose().mult(v).minus(SimpleMatrix.identity(n)).normF() * refSigma[0];
        assertTrue(vOrth <= frobenius, label + ": V orthogonality " + vOrth);
        double uOrth = u.transpose().mult(u).minus(SimpleMatrix.identity(n)).normF() * refSigma[0];
        assertTrue(uOrth <= frobenius, label + ": U orthogonality " + uOrth);
        double[] refU = ref.u().getDDRM().data;
        double[] refV = ref.v().getDDRM().data;
        for (int j = 0; j < n; j++) {
            double gap = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (i != j) {
                    gap = Math.min(gap, Math.abs(refSigma[i] - refSigma[j]));
                }
            }
            gap = Math.min(gap, refSigma[j]);
            double tol = 2 * bound / gap;
            if (tol > 1e-6) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                assertEquals(refV[i * n + j], r.v()[i * n + j], tol, label + ": v " + j + " entry " + i);
            }
            for (int i = 0; i < m; i++) {
                assertEquals(refU[i * n + j], r.u()[i * n + j], tol, label + ": u " + j + " entry " + i);
            }
        }
        return r;
    }
}
