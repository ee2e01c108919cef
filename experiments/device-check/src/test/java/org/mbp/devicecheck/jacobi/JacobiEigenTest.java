package org.mbp.devicecheck.jacobi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.SymmetricEigen;

/**
 * The Jacobi eigensolver against EJML's symmetric QR algorithm (through
 * {@link EjmlOps#eigSymmetric}, sorted and signed by the same convention).
 *
 * <p>Tolerances, with ε = 2⁻⁵² and ‖A‖₂ the spectral norm: both solvers are backward stable
 * with backward errors of a few ε‖A‖₂ times a slowly growing function of d (each entry takes
 * part in about 3·d·sweeps rotations, whose errors add like a random walk), so eigenvalues agree
 * to BOUND = 4·d·ε·‖A‖₂ (Weyl); the residual ‖AV − VΛ‖_F and ‖VᵀV − I‖_F·‖A‖₂, Frobenius
 * norms of d columns, are held to √d·BOUND (‖X‖_F ≤ √d‖X‖₂). An
 * eigenvector with gap g to the rest of the spectrum is determined to an angle of
 * backward error / g (Davis–Kahan), so entries are compared with EJML's to 2·BOUND/g where
 * that is below 1e-6; repeated or clustered eigenvalues are checked by residual only.
 *
 * <p>Sweeps: Jacobi converges quadratically once the off-diagonal part is below the eigenvalue
 * gaps, so about 8–11 sweeps for d ≤ 256 with separated eigenvalues (≤ 12 asserted). The
 * CLUSTERED kind (triples of −1, 2 and a cluster 1 + 1e-9·i) reaches that regime late: 18
 * sweeps at d = 64 (≤ 20 asserted; 23 at d = 256, below the default limit of 30).
 */
class JacobiEigenTest {

    private static final double EPS = Math.ulp(1.0);

    enum Kind { RANDOM, POSITIVE_DEFINITE, INDEFINITE, CLUSTERED, DIAGONAL, ZERO, GRADED, ZERO_DIAGONAL }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void agreesWithEjmlForEveryKind(Kind kind) {
        for (int d : new int[] {1, 2, 3, 7, 32, 64}) {
            JacobiEigen.Result r = checkAgainstEjml(matrix(kind, d, new Random(31L * d + kind.ordinal())), d,
                    kind + " d=" + d);
            int limit = kind == Kind.CLUSTERED ? 20 : 12;
            assertTrue(r.sweeps() <= limit, kind + " d=" + d + ": sweeps " + r.sweeps());
        }
    }

    @Test
    void largestOrderConvergesInFewSweeps() {
        int d = 256;
        double[] a = matrix(Kind.RANDOM, d, new Random(7));
        JacobiEigen.Result r = checkAgainstEjml(a, d, "random d=256");
        assertTrue(r.sweeps() <= 12, "sweeps " + r.sweeps());
    }

    @Test
    void diagonalInputTakesOneSweepAndIsExact() {
        double[] a = {3, 0, 0, 0, -1, 0, 0, 0, 2};
        JacobiEigen.Result r = JacobiEigen.decompose(a, 3);
        assertEquals(1, r.sweeps());
        assertTrue(r.converged());
        assertArrayEquals(new double[] {-1, 2, 3}, r.values(), 0.0);
        assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0, 0, 1, 0}, r.vectors(), 0.0);
    }

    @Test
    void twoByTwoByHand() {
        // [[2, 1], [1, 2]]: eigenvalues 1 and 3, vectors (1, −1)/√2 and (1, 1)/√2; the sign
        // convention picks the first entry on the tie of magnitudes.
        JacobiEigen.Result r = JacobiEigen.decompose(new double[] {2, 1, 1, 2}, 2);
        double h = Math.sqrt(0.5);
        assertArrayEquals(new double[] {1, 3}, r.values(), 4 * EPS);
        assertArrayEquals(new double[] {h, h, -h, h}, r.vectors(), 4 * EPS);
    }

    @Test
    void batchEqualsSingleAndLeavesInputAlone() {
        int d = 7;
        double[] a = new double[3 * d * d];
        double[][] single = new double[3][];
        for (int b = 0; b < 3; b++) {
            single[b] = matrix(Kind.values()[b], d, new Random(b));
            System.arraycopy(single[b], 0, a, b * d * d, d * d);
        }
        double[] copy = a.clone();
        double[] values = new double[3 * d];
        double[] vectors = new double[3 * d * d];
        int[] sweeps = new int[3];
        JacobiEigen.decompose(a, d, 3, 30, values, vectors, sweeps);
        assertArrayEquals(copy, a, 0.0);
        for (int b = 0; b < 3; b++) {
            JacobiEigen.Result r = JacobiEigen.decompose(single[b], d);
            assertArrayEquals(r.values(), Arrays.copyOfRange(values, b * d, b * d + d), 0.0);
            assertArrayEquals(r.vectors(), Arrays.copyOfRange(vectors, b * d * d, (b + 1) * d * d), 0.0);
            assertEquals(r.sweeps(), sweeps[b]);
        }
    }

    @Test
    void reportsNonConvergenceByNegativeStatus() {
        int d = 32;
        double[] a = matrix(Kind.RANDOM, d, new Random(3));
        int[] sweeps = new int[1];
        JacobiEigen.decompose(a, d, 1, 2, new double[d], new double[d * d], sweeps);
        assertEquals(-2, sweeps[0]);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 257})
    void rejectsBadOrder(int d) {
        assertThrows(IllegalArgumentException.class, () -> JacobiEigen.decompose(new double[Math.max(d * d, 1)], d));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> JacobiEigen.decompose(new double[5], 2));
        assertThrows(IllegalArgumentException.class,
                () -> JacobiEigen.decompose(new double[] {1, Double.NaN, Double.NaN, 1}, 2));
        assertThrows(IllegalArgumentException.class,
                () -> JacobiEigen.decompose(new double[] {Double.POSITIVE_INFINITY, 0, 0, 1}, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JacobiEigen.decompose(new double[] {1, 2, 2.001, 1}, 2));
        assertTrue(e.getMessage().contains("not symmetric"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JacobiEigen.eigSymmetric(new SimpleMatrix(2, 3)));
        assertThrows(IllegalArgumentException.class,
                () -> JacobiEigen.decompose(new double[4], 2, 1, 0, new double[2], new double[4], new int[1]));
    }

    @Test
    void simpleMatrixFormMatchesArrays() {
        double[] a = matrix(Kind.INDEFINITE, 5, new Random(9));
        SymmetricEigen<SimpleMatrix> e = JacobiEigen.eigSymmetric(new SimpleMatrix(5, 5, true, a));
        JacobiEigen.Result r = JacobiEigen.decompose(a, 5);
        assertArrayEquals(r.values(), e.values().getDDRM().data, 0.0);
        assertArrayEquals(r.vectors(), e.vectors().getDDRM().data, 0.0);
    }

    private static JacobiEigen.Result checkAgainstEjml(double[] a, int d, String label) {
        double[] input = a.clone();
        JacobiEigen.Result r = JacobiEigen.decompose(a, d);
        assertArrayEquals(input, a, 0.0, label + ": input modified");
        assertTrue(r.converged(), label + ": not converged");
        SimpleMatrix m = new SimpleMatrix(d, d, true, a);
        SymmetricEigen<SimpleMatrix> ref = EjmlOps.DOUBLE.eigSymmetric(m);
        double[] refValues = ref.values().getDDRM().data;
        double norm = 0;
        for (double x : refValues) {
            norm = Math.max(norm, Math.abs(x));
        }
        double bound = 4 * d * EPS * Math.max(norm, Double.MIN_NORMAL);
        assertArrayEquals(refValues, r.values(), bound, label + ": eigenvalues");
        for (int j = 1; j < d; j++) {
            assertTrue(r.values()[j - 1] <= r.values()[j], label + ": not ascending");
        }
        SimpleMatrix v = new SimpleMatrix(d, d, true, r.vectors());
        SimpleMatrix lambda = SimpleMatrix.diag(r.values());
        double residual = m.mult(v).minus(v.mult(lambda)).normF();
        assertTrue(residual <= Math.sqrt(d) * bound, label + ": residual " + residual + " > " + bound);
        double orthogonality = v.transpose().mult(v).minus(SimpleMatrix.identity(d)).normF();
        assertTrue(orthogonality <= Math.sqrt(d) * 4 * d * EPS, label + ": orthogonality " + orthogonality + ", sweeps " + r.sweeps());
        double[] refVectors = ref.vectors().getDDRM().data;
        for (int j = 0; j < d; j++) {
            double gap = Double.POSITIVE_INFINITY;
            for (int i = 0; i < d; i++) {
                if (i != j) {
                    gap = Math.min(gap, Math.abs(refValues[i] - refValues[j]));
                }
            }
            double tol = 2 * bound / gap;
            if (tol > 1e-6) {
                continue;
            }
            for (int i = 0; i < d; i++) {
                assertEquals(refVectors[i * d + j], r.vectors()[i * d + j], tol,
                        label + ": vector " + j + " entry " + i);
            }
            assertTrue(largestIsPositive(r.vectors(), d, j), label + ": sign of vector " + j);
        }
        return r;
    }

    private static boolean largestIsPositive(double[] v, int d, int j) {
        double largest = 0;
        for (int i = 0; i < d; i++) {
            if (Math.abs(v[i * d + j]) > Math.abs(largest)) {
                largest = v[i * d + j];
            }
        }
        return largest >= 0;
    }

    /** A row-major symmetric d×d test matrix of the given kind. */
    static double[] matrix(Kind kind, int d, Random random) {
        double[] a = new double[d * d];
        switch (kind) {
            case RANDOM -> {
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j <= i; j++) {
                        a[i * d + j] = a[j * d + i] = random.nextGaussian();
                    }
                }
            }
            case POSITIVE_DEFINITE -> a = withEigenvalues(d, random, i -> 1 + 9 * random.nextDouble());
            case INDEFINITE -> a = withEigenvalues(d, random, i -> (i % 2 == 0 ? 1 : -1) * (0.1 + random.nextDouble()));
            case CLUSTERED -> a = withEigenvalues(d, random, i -> i % 3 == 0 ? 2.0 : i % 3 == 1 ? -1.0 : 1 + 1e-9 * i);
            case DIAGONAL -> {
                for (int i = 0; i < d; i++) {
                    a[i * d + i] = random.nextGaussian();
                }
            }
            case ZERO -> {
            }
            case GRADED -> {
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j <= i; j++) {
                        a[i * d + j] = a[j * d + i] = random.nextGaussian() * Math.pow(0.5, i + j);
                    }
                }
            }
            case ZERO_DIAGONAL -> {
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < i; j++) {
                        a[i * d + j] = a[j * d + i] = random.nextGaussian();
                    }
                }
            }
        }
        return a;
    }

    private static double[] withEigenvalues(int d, Random random, java.util.function.IntToDoubleFunction value) {
        double[] values = new double[d];
        for (int i = 0; i < d; i++) {
            values[i] = value.applyAsDouble(i);
        }
        DMatrixRMaj m = RandomMatrices_DDRM.symmetricWithEigenvalues(d, random, values);
        double[] a = m.data.clone();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                a[i * d + j] = a[j * d + i];
            }
        }
        return a;
    }
}
