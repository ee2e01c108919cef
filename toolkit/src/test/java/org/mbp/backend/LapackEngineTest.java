package org.mbp.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.ejml.simple.SimpleMatrix;
import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mbp.layer.BatchExecutor;
import org.mbp.precise.FieldOps;
import org.mbp.precise.HighPrecision;
import org.mbp.verify.CatalogCheck;
import org.mbp.verify.LayerCase;
import org.mbp.verify.LayerCatalog;
import org.mbp.verify.SampleMatrices;
import org.mbp.verify.Verifier;

/**
 * LAPACK's {@code ?syevd} and {@code ?gesdd} behind {@link EjmlOps#fastest}, in both precisions,
 * on random, clustered and rank-deficient inputs: eigenvalues and singular values against a
 * 44-digit reference of the same (rounded) input, within the backward-error bound
 * {@code c·n·u·‖A‖} of a backward-stable solver (Weyl's inequality; u the unit roundoff, c = 10
 * covering LAPACK's growth constants at these orders); factors orthonormal and reproducing the
 * input to the same bound; against EJML's values and, where the eigenvalue gap makes them
 * well-defined, vectors ({@code sin θ ≤ ‖E‖/gap}); in the canonical order and signs; the same
 * bits on any number of threads.
 */
class LapackEngineTest {

    private static final FieldOps<Dfp> REFERENCE = HighPrecision.ops();
    private static final int N = 12;

    @BeforeAll
    static void nativesLoad() {
        assumeTrue(EjmlOps.openBlasUnavailableReason().isEmpty(), "OpenBLAS does not load here");
    }

    /** The three kinds of input, as symmetric N×N matrices in double. */
    private static List<double[]> symmetricInputs() {
        EjmlOps d = EjmlOps.DOUBLE;
        SimpleMatrix random = d.sym(SampleMatrices.gaussian(d, N, N, 11));
        double[] clusteredValues = {-2, -1, -1, -1 + 1e-9, 0.5, 1, 1 + 1e-12, 1 + 2e-12, 3, 3, 4, 7};
        SimpleMatrix clustered = SampleMatrices.symmetricWithEigenvalues(d, clusteredValues, 12);
        SimpleMatrix f = SampleMatrices.gaussian(d, 5, N, 13);
        SimpleMatrix rankDeficient = d.multTransA(f, f);
        return List.of(d.toRowMajor(random), d.toRowMajor(clustered), d.toRowMajor(d.sym(rankDeficient)));
    }

    private static double bound(EjmlOps ops, int n, double norm) {
        return 10 * n * ops.epsilon() * norm;
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void eigenpairsMatchTheReferenceAndEjml(Precision precision) {
        EjmlOps lapack = EjmlOps.fastest(precision);
        EjmlOps ejml = EjmlOps.of(precision);
        assertEquals(EjmlOps.Engine.LAPACK, lapack.engine());
        for (double[] values : symmetricInputs()) {
            SimpleMatrix a = lapack.fromRowMajor(N, N, values);
            double norm = lapack.norm(a);
            double tol = bound(lapack, N, norm);
            SymmetricEigen<SimpleMatrix> eig = lapack.eigSymmetric(a);
            double[] lambda = lapack.toRowMajor(eig.values());
            double[] exact = REFERENCE.toRowMajor(
                    REFERENCE.eigSymmetric(REFERENCE.fromRowMajor(N, N, lapack.toRowMajor(a))).values());
            assertArrayEquals(exact, lambda, tol);
            assertArrayEquals(lapack.toRowMajor(ejml.eigSymmetric(a).values()), lambda, 2 * tol);
            SimpleMatrix v = eig.vectors();
            assertTrue(lapack.norm(lapack.sub(lapack.mult(a, v), lapack.scaleColumns(v, eig.values()))) < tol);
            assertTrue(lapack.norm(lapack.sub(lapack.multTransA(v, v), lapack.identity(N))) < bound(lapack, N, 1));
            assertCanonical(lambda, lapack.toRowMajor(v), N, N, false);
        }
    }

    /** On the random input, whose eigenvalues are apart, the vectors agree with EJML's. */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void separatedEigenvectorsMatchEjmls(Precision precision) {
        EjmlOps lapack = EjmlOps.fastest(precision);
        SimpleMatrix a = lapack.fromRowMajor(N, N, symmetricInputs().get(0));
        SymmetricEigen<SimpleMatrix> ours = lapack.eigSymmetric(a);
        SymmetricEigen<SimpleMatrix> theirs = EjmlOps.of(precision).eigSymmetric(a);
        double[] lambda = lapack.toRowMajor(ours.values());
        double gap = Double.MAX_VALUE;
        for (int i = 1; i < N; i++) {
            gap = Math.min(gap, lambda[i] - lambda[i - 1]);
        }
        double sinTheta = 2 * bound(lapack, N, lapack.norm(a)) / gap;
        assertTrue(sinTheta < 0.1, "the input's eigenvalues are apart");
        assertArrayEquals(lapack.toRowMajor(theirs.vectors()), lapack.toRowMajor(ours.vectors()), sinTheta);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void singularValuesMatchTheReferenceAndEjml(Precision precision) {
        EjmlOps lapack = EjmlOps.fastest(precision);
        EjmlOps ejml = EjmlOps.of(precision);
        EjmlOps d = EjmlOps.DOUBLE;
        SimpleMatrix lowRank = d.mult(SampleMatrices.gaussian(d, 7, 3, 21), SampleMatrices.gaussian(d, 3, N, 22));
        List<SimpleMatrix> inputs = List.of(SampleMatrices.gaussian(d, 7, N, 23), SampleMatrices.gaussian(d, N, 7, 24),
                SampleMatrices.withSingularValues(d, N, 7, new double[] {5, 2, 2, 2 + 1e-10, 1, 1e-3, 1e-3}, 25),
                lowRank, d.transpose(lowRank));
        for (SimpleMatrix input : inputs) {
            SimpleMatrix a = lapack.copyOf(d, input);
            int m = lapack.rows(a);
            int n = lapack.cols(a);
            int k = Math.min(m, n);
            double tol = bound(lapack, Math.max(m, n), lapack.norm(a));
            double[] exact = REFERENCE.toRowMajor(
                    REFERENCE.svd(REFERENCE.fromRowMajor(m, n, lapack.toRowMajor(a)), false).sigma());
            for (boolean full : new boolean[] {true, false}) {
                Svd<SimpleMatrix> svd = lapack.svd(a, full);
                double[] sigma = lapack.toRowMajor(svd.sigma());
                assertArrayEquals(exact, sigma, tol);
                assertArrayEquals(lapack.toRowMajor(ejml.svd(a, full).sigma()), sigma, 2 * tol);
                int uCols = full ? m : k;
                int vCols = full ? n : k;
                assertEquals(uCols, lapack.cols(svd.u()));
                assertEquals(vCols, lapack.cols(svd.v()));
                double unit = bound(lapack, Math.max(m, n), 1);
                assertTrue(lapack.norm(lapack.sub(lapack.multTransA(svd.u(), svd.u()), lapack.identity(uCols))) < unit);
                assertTrue(lapack.norm(lapack.sub(lapack.multTransA(svd.v(), svd.v()), lapack.identity(vCols))) < unit);
                SimpleMatrix s = lapack.diagonalMatrix(svd.sigma(), uCols, vCols);
                assertTrue(lapack.norm(lapack.sub(lapack.multTransB(lapack.mult(svd.u(), s), svd.v()), a)) < tol);
                assertCanonical(sigma, lapack.toRowMajor(svd.v()), n, vCols, true);
            }
        }
    }

    /** Values sorted (ascending or descending) and the largest entry of each of k columns positive. */
    private static void assertCanonical(double[] values, double[] vectors, int rows, int cols, boolean descending) {
        for (int i = 1; i < values.length; i++) {
            assertTrue(descending ? values[i - 1] >= values[i] : values[i - 1] <= values[i], "sorted at " + i);
        }
        for (int j = 0; j < values.length; j++) {
            double largest = 0;
            for (int i = 0; i < rows; i++) {
                double x = vectors[i * cols + j];
                if (Math.abs(x) > Math.abs(largest)) {
                    largest = x;
                }
            }
            assertTrue(largest > 0, "column " + j + "'s largest entry is positive");
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void resultsDoNotDependOnTheThreadCount(Precision precision) {
        EjmlOps lapack = EjmlOps.fastest(precision);
        List<SimpleMatrix> batch = IntStream.range(0, 8)
                .mapToObj(i -> SampleMatrices.gaussian(lapack, 40 + i, 33, 100 + i)).toList();
        List<double[]> one = decomposed(lapack, batch, 1);
        List<double[]> three = decomposed(lapack, batch, 3);
        for (int i = 0; i < batch.size(); i++) {
            assertArrayEquals(one.get(i), three.get(i), 0.0, "matrix " + i);
        }
    }

    /** Each matrix's eigenpairs of AᵀA and full SVD, flattened, on {@code threads} threads. */
    private static List<double[]> decomposed(EjmlOps ops, List<SimpleMatrix> batch, int threads) {
        try (BatchExecutor executor = new BatchExecutor(threads)) {
            return executor.map(batch, a -> {
                SymmetricEigen<SimpleMatrix> eig = ops.eigSymmetric(ops.multTransA(a, a));
                Svd<SimpleMatrix> svd = ops.svd(a, true);
                return IntStream.of(0, 1, 2, 3, 4).mapToObj(part -> ops.toRowMajor(switch (part) {
                    case 0 -> eig.values();
                    case 1 -> eig.vectors();
                    case 2 -> svd.u();
                    case 3 -> svd.sigma();
                    default -> svd.v();
                })).flatMapToDouble(java.util.Arrays::stream).toArray();
            });
        }
    }

    @Test
    void aNonFiniteEntryGivesNanFactors() {
        for (Precision precision : Precision.values()) {
            EjmlOps lapack = EjmlOps.fastest(precision);
            double[] values = new double[16];
            values[5] = Double.NaN;
            SimpleMatrix a = lapack.fromRowMajor(4, 4, values);
            assertTrue(Double.isNaN(lapack.toRowMajor(lapack.eigSymmetric(a).values())[0]));
            assertTrue(Double.isNaN(lapack.toRowMajor(lapack.svd(a, true).u())[0]));
        }
    }

    /** Every layer whose output does not depend on the basis chosen for U₂, as in the Commons Math test. */
    @Test
    void everyLayersGradientAgreesWithEjmls() {
        EjmlOps lapack = EjmlOps.fastest(Precision.DOUBLE);
        List<LayerCase<SimpleMatrix, ?, ?>> ejml = LayerCatalog.paperLayers(EjmlOps.DOUBLE, 7);
        List<LayerCase<SimpleMatrix, ?, ?>> ours = LayerCatalog.paperLayers(lapack, 7);
        for (int i = 0; i < ejml.size(); i++) {
            if (ejml.get(i).name().equals("svd")) {
                continue;
            }
            double difference = Verifier.relativeError(CatalogCheck.flatGradient(ours.get(i)),
                    CatalogCheck.flatGradient(ejml.get(i)));
            assertTrue(difference < 1e-12, ejml.get(i).name() + ": engines differ by " + difference);
        }
    }
}
