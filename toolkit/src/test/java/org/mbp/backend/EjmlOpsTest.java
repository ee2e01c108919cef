package org.mbp.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.hipparchus.dfp.Dfp;
import org.mbp.precise.FieldOps;
import org.mbp.precise.HighPrecision;
import org.mbp.verify.SampleMatrices;

class EjmlOpsTest {

    private static EjmlOps ops(Precision p) {
        return p == Precision.DOUBLE ? EjmlOps.DOUBLE : EjmlOps.FLOAT;
    }

    @Test
    void floatBackendRoundsEveryResultToFloat() {
        EjmlOps f = EjmlOps.FLOAT;
        SimpleMatrix one = f.filled(1, 1, 1.0);
        SimpleMatrix tiny = f.filled(1, 1, 1e-8);
        assertEquals(1.0, f.get(f.add(one, tiny), 0, 0), 0.0, "1 + 1e-8 is 1 in float32");
        assertEquals((float) 0.1, f.get(f.fromRowMajor(1, 1, new double[] {0.1}), 0, 0), 0.0);
        // accumulation in float: 2^24 + 1 + 1 stays 2^24 when summed in float, not in double
        SimpleMatrix v = f.fromRowMajor(1, 3, new double[] {16777216, 1, 1});
        assertEquals(16777216.0, f.get(f.rowSums(v), 0, 0), 0.0);
        assertEquals(16777218.0, EjmlOps.DOUBLE.get(EjmlOps.DOUBLE.rowSums(
                EjmlOps.DOUBLE.fromRowMajor(1, 3, new double[] {16777216, 1, 1})), 0, 0), 0.0);
        assertEquals(Math.ulp(1.0f), f.epsilon(), 0.0);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void eigenvaluesAscendOrthonormalAndInputUntouched(Precision p) {
        EjmlOps o = ops(p);
        double[] lambda = {3, -1, 2, 0.5, -4};
        SimpleMatrix a = SampleMatrices.symmetricWithEigenvalues(o, lambda, 7);
        double[] before = o.toRowMajor(a);
        SymmetricEigen<SimpleMatrix> eig = o.eigSymmetric(a);
        assertArrayEquals(before, o.toRowMajor(a), 0.0, "input unchanged");
        double[] values = o.toRowMajor(eig.values());
        assertArrayEquals(new double[] {-4, -1, 0.5, 2, 3}, values, 50 * o.epsilon() * 4);
        double tolerance = 50 * o.epsilon();
        assertTrue(o.norm(o.sub(o.multTransA(eig.vectors(), eig.vectors()), o.identity(5))) < tolerance);
        SimpleMatrix rebuilt = o.multTransB(o.scaleColumns(eig.vectors(), eig.values()), eig.vectors());
        assertTrue(o.norm(o.sub(rebuilt, a)) < tolerance * o.norm(a));
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void fullAndCompactSvdDescendAndReconstruct(Precision p) {
        EjmlOps o = ops(p);
        double[] sigma = {5, 3, 2, 0.5};
        SimpleMatrix a = SampleMatrices.withSingularValues(o, 6, 4, sigma, 3);
        for (boolean full : new boolean[] {true, false}) {
            Svd<SimpleMatrix> svd = o.svd(a, full);
            assertArrayEquals(sigma, o.toRowMajor(svd.sigma()), 50 * o.epsilon() * 5);
            assertEquals(full ? 6 : 4, o.cols(svd.u()));
            assertTrue(o.norm(o.sub(o.multTransA(svd.u(), svd.u()), o.identity(o.cols(svd.u()))))
                    < 50 * o.epsilon());
            SimpleMatrix s = o.diagonalMatrix(svd.sigma(), o.cols(svd.u()), o.cols(svd.v()));
            SimpleMatrix rebuilt = o.multTransB(o.mult(svd.u(), s), svd.v());
            assertTrue(o.norm(o.sub(rebuilt, a)) < 50 * o.epsilon() * o.norm(a));
        }
    }

    @Test
    void signConventionMakesLargestEntryPositive() {
        EjmlOps o = EjmlOps.DOUBLE;
        SimpleMatrix a = SampleMatrices.withSingularValues(o, 5, 3, new double[] {3, 2, 1}, 11);
        Svd<SimpleMatrix> svd = o.svd(a, false);
        for (int j = 0; j < 3; j++) {
            double largest = 0;
            for (int i = 0; i < 3; i++) {
                double x = o.get(svd.v(), i, j);
                largest = Math.abs(x) > Math.abs(largest) ? x : largest;
            }
            assertTrue(largest > 0, "column " + j);
        }
        SimpleMatrix negated = o.scale(-1, a);
        Svd<SimpleMatrix> other = o.svd(negated, false);
        assertArrayEquals(o.toRowMajor(svd.v()), o.toRowMajor(other.v()), 1e-12,
                "V of −A equals V of A under the convention");
    }

    @Test
    void primitivesHaveTheirDocumentedMeaning() {
        EjmlOps o = EjmlOps.DOUBLE;
        SimpleMatrix v = o.fromRowMajor(3, 1, new double[] {1, 2, 4});
        SimpleMatrix w = o.fromRowMajor(2, 1, new double[] {1, 3});
        assertArrayEquals(new double[] {0, -2, 1, -1, 3, 1}, o.toRowMajor(o.outer(v, w, Outer.DIFFERENCE)), 0);
        assertArrayEquals(new double[] {1, 1, 1, 2, 1, 3}, o.toRowMajor(o.outer(v, w, Outer.MIN)), 0);
        SimpleMatrix k = o.offDiagonalReciprocal(o.outer(v, v, Outer.DIFFERENCE));
        assertArrayEquals(new double[] {0, -1, -1.0 / 3, 1, 0, -0.5, 1.0 / 3, 0.5, 0}, o.toRowMajor(k), 1e-15);
        SimpleMatrix a = o.fromRowMajor(2, 3, new double[] {1, 2, 3, 4, 5, 6});
        SimpleMatrix b = o.fromRowMajor(3, 2, new double[] {1, 0, 0, 1, 1, 1});
        assertArrayEquals(o.toRowMajor(o.diagonal(o.mult(a, b))), o.toRowMajor(o.diagonalOfProduct(a, b)), 0);
        assertArrayEquals(new double[] {6, 15}, o.toRowMajor(o.rowSums(a)), 0);
        assertArrayEquals(new double[] {1, 4, 9, 16, 25, 36}, o.toRowMajor(o.hadamard(a, a)), 0);
        assertArrayEquals(new double[] {-1, 4, 6, 8, 10, 12}, o.toRowMajor(o.choose(a, 1,
                o.scale(-1, a), o.scale(2, a))), 0, "criterion ≤ 1 picks the first");
        assertArrayEquals(new double[] {1, 0, 0, 0, 5, 0}, o.toRowMajor(o.diagPart(a)), 0);
        assertArrayEquals(new double[] {1, 2, 4, 0, 0}, o.toRowMajor(o.padded(v, 5)), 0);
        assertEquals(91, o.dot(a, a), 0);
        assertFalse(o.isFinite(o.divide(a, o.zeros(2, 3))));
    }

    /**
     * {@code isFinite} reads the matrix's own array in its precision: against {@link Double#isFinite}
     * of each entry, with every special value (NaN with other payloads, ±∞, the largest and the
     * subnormal numbers, ±0) at places from the first to the last.
     */
    @Test
    void isFiniteAgreesWithEveryEntrysOwnTest() {
        double[] doubles = {Double.NaN, Double.longBitsToDouble(0xfff8_0000_0000_0001L), Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -0.0, 0.0, 1.5};
        double[] floats = {Float.NaN, Float.intBitsToFloat(0xffc0_0001), Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, -0.0, 0.0, 1.5};
        for (EjmlOps o : List.of(EjmlOps.DOUBLE, EjmlOps.FLOAT)) {
            double[] specials = o == EjmlOps.DOUBLE ? doubles : floats;
            for (double special : specials) {
                for (int at = 0; at < 37; at += 4) {
                    double[] values = new double[37];
                    Arrays.fill(values, 0.25);
                    values[at] = special;
                    SimpleMatrix a = o.fromRowMajor(37, 1, values);
                    assertEquals(Double.isFinite(special), o.isFinite(a), o.name() + " " + special + " at " + at);
                }
            }
        }
    }

    /**
     * {@code choose} moves the chosen entry's bits, as a scalar {@code c ≤ t ? s : l} picks it: a
     * NaN's payload and a zero's sign survive, a NaN criterion picks the large entry and one equal
     * to the threshold the small one; in both precisions, the specials at every place of a matrix
     * longer than a vector register.
     */
    @Test
    void chooseMovesTheChosenEntrysBits() {
        double[] doubles = {Double.NaN, Double.longBitsToDouble(0xfff8_0000_0000_0001L), Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, -0.0, 0.0, 0.5, -1.5, Double.MIN_VALUE};
        double[] floats = {Float.NaN, Float.intBitsToFloat(0xffc0_0001), Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, -0.0, 0.0, 0.5, -1.5, Float.MIN_VALUE};
        for (EjmlOps o : List.of(EjmlOps.DOUBLE, EjmlOps.FLOAT)) {
            double[] specials = o == EjmlOps.DOUBLE ? doubles : floats;
            int n = specials.length * specials.length;
            double[] c = new double[n];
            double[] s = new double[n];
            double[] l = new double[n];
            for (int i = 0; i < n; i++) {
                c[i] = specials[i % specials.length];
                s[i] = specials[i / specials.length];
                l[i] = specials[(i + 3) % specials.length];
            }
            SimpleMatrix small = o.fromRowMajor(n, 1, s);
            SimpleMatrix large = o.fromRowMajor(n, 1, l);
            SimpleMatrix chosen = o.choose(o.fromRowMajor(n, 1, c), 0.5, small, large);
            for (int i = 0; i < n; i++) {
                SimpleMatrix expected = c[i] <= 0.5 ? small : large;
                String where = o.name() + " criterion " + c[i] + " at " + i;
                if (o == EjmlOps.DOUBLE) {
                    assertEquals(Double.doubleToRawLongBits(expected.getDDRM().data[i]),
                            Double.doubleToRawLongBits(chosen.getDDRM().data[i]), where);
                } else {
                    assertEquals(Float.floatToRawIntBits(expected.getFDRM().data[i]),
                            Float.floatToRawIntBits(chosen.getFDRM().data[i]), where);
                }
            }
        }
    }

    /**
     * {@code argMaxMask} puts one 1 in each group, at its largest entry, the first of the group's
     * own order at ties (−0 and +0 tie), a NaN never larger: in EJML's two precisions and in the default (through the
     * row-major values, here of the high-precision backend), against the groups read by hand.
     */
    @Test
    void argMaxMaskMarksEachGroupsFirstLargest() {
        double[] values = {3, 1, Double.NaN, 2, 7, 7, -1, -2, 0, -0.0, 5, 4};
        int[] members = {0, 1, 3, 2, 5, 4, 6, 7, 9, 8, 10, 11};
        double[] expected = {1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0};
        FieldOps<Dfp> defaults = HighPrecision.ops();
        assertArrayEquals(expected, defaults.toRowMajor(defaults.argMaxMask(defaults.fromRowMajor(3, 4,
                new double[] {3, 1, -5, 2, 7, 7, -1, -2, 0, -0.0, 5, 4}), members, 2)), 0);
        for (EjmlOps o : List.of(EjmlOps.DOUBLE, EjmlOps.FLOAT)) {
            SimpleMatrix mask = o.argMaxMask(o.fromRowMajor(3, 4, values), members, 2);
            assertArrayEquals(expected, o.toRowMajor(mask), 0, o.name());
            assertEquals(3, o.rows(mask));
            IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                    () -> o.argMaxMask(o.zeros(3, 4), new int[] {0, 12}, 2));
            assertEquals("argMaxMask: index 1 is 12, outside a matrix of 12 entries", outside.getMessage());
            IllegalArgumentException uneven = assertThrows(IllegalArgumentException.class,
                    () -> o.argMaxMask(o.zeros(3, 4), new int[] {0, 1, 2}, 2));
            assertEquals("argMaxMask: 3 indices do not split into groups of 2", uneven.getMessage());
        }
    }

    @Test
    void shapeMismatchesNameBothShapes() {
        EjmlOps o = EjmlOps.DOUBLE;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> o.add(o.zeros(2, 3), o.zeros(3, 2)));
        assertTrue(e.getMessage().contains("2×3") && e.getMessage().contains("3×2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> o.fromRowMajor(2, 2, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> o.eigSymmetric(o.zeros(2, 3)));
    }

    /**
     * Equal eigenvalues keep EJML's order, signed zeros included, as the GPU kernels keep theirs
     * ({@link CanonicalOrder}): for diag(0, −0, −1) EJML returns the diagonal in order with the unit
     * vectors, so the result is −1 with e₃, then 0 with e₁ and −0 with e₂, exactly.
     */
    @Test
    void signedZeroEigenvaluesKeepTheirOrder() {
        for (EjmlOps o : new EjmlOps[] {EjmlOps.DOUBLE, EjmlOps.FLOAT}) {
            SymmetricEigen<SimpleMatrix> e = o.eigSymmetric(o.fromRowMajor(3, 3, new double[] {0, 0, 0, 0, -0.0, 0,
                    0, 0, -1}));
            assertArrayEquals(new double[] {-1, 0.0, -0.0}, o.toRowMajor(e.values()), o.name());
            assertArrayEquals(new double[] {0, 1, 0, 0, 0, 1, 1, 0, 0}, o.toRowMajor(e.vectors()), 0.0, o.name());
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void gatherSelectsEntriesByRowMajorPositionAndNamesABadIndex(Precision p) {
        EjmlOps o = ops(p);
        SimpleMatrix a = o.fromRowMajor(2, 3, new double[] {1, 2, 3, 4, 5, 6});
        SimpleMatrix g = o.gather(a, new int[] {5, 0, Gather.ZERO, 4}, 2, 2);
        assertArrayEquals(new double[] {6, 1, 0, 5}, o.toRowMajor(g));
        IllegalArgumentException outside = assertThrows(
                IllegalArgumentException.class, () -> o.gather(a, new int[] {0, 6}, 1, 2));
        assertEquals("gather: index 1 is 6, outside a matrix of 6 entries",
                outside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> o.gather(a, new int[] {0, -2}, 1, 2));
        assertThrows(IllegalArgumentException.class,
                () -> o.gather(a, new int[] {0, 1, 2}, 2, 2));
    }

    /**
     * Scatter-add is the adjoint of gather: ⟨gather(a), b⟩ = ⟨a, scatterAdd(b)⟩ for an index with
     * repeats and zeros. Integer entries keep every sum exact in both precisions, so the two sides
     * agree exactly; MatrixOps' defaults (through the row-major values, here on Dfp) agree too.
     */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void scatterAddIsTheAdjointOfGather(Precision p) {
        EjmlOps o = ops(p);
        int[] index = {5, 0, Gather.ZERO, 4, 0, 0, 2, Gather.ZERO};
        SimpleMatrix a = o.fromRowMajor(2, 3, new double[] {1, -2, 3, 4, -5, 6});
        SimpleMatrix b = o.fromRowMajor(4, 2, new double[] {7, 8, -9, 10, 11, 12, 13, -14});
        SimpleMatrix scattered = o.scatterAdd(b, index, 2, 3);
        assertArrayEquals(new double[] {8 + 11 + 12, 0, 13, 0, 10, 7}, o.toRowMajor(scattered));
        assertEquals(o.dot(o.gather(a, index, 4, 2), b), o.dot(a, scattered), 0.0);
        FieldOps<Dfp> defaults = HighPrecision.ops();
        assertArrayEquals(o.toRowMajor(scattered), defaults.toRowMajor(defaults.scatterAdd(
                defaults.fromRowMajor(4, 2, o.toRowMajor(b)), index, 2, 3)));
        assertArrayEquals(o.toRowMajor(o.gather(a, index, 4, 2)), defaults.toRowMajor(defaults.gather(
                defaults.fromRowMajor(2, 3, o.toRowMajor(a)), index, 4, 2)));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> o.scatterAdd(b, new int[] {0, 1, 2, 3, 4, 5, 6, 7}, 2, 3));
        assertEquals("scatterAdd: index 6 is 6, outside a matrix of 6 entries", outside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> o.scatterAdd(b, new int[] {0, 1}, 2, 3));
    }

    /**
     * The decompositions are the engine's own factors put in canonical order, bit for bit: the
     * eigenpairs sorted ascending (ties in the engine's order), each vector's first entry of largest
     * magnitude made positive; the singular vectors' columns signed by V's. The expected factors are
     * built here from the engine's raw output, by the rule itself rather than by
     * {@link CanonicalOrder}, so a pair placed in the wrong column, a sign taken from the wrong
     * vector or a vector read along the wrong axis fails. EJML's eigenvalues come unsorted and
     * LAPACK's vectors with their own signs, so both the order and the signs are exercised.
     */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void decompositionsAreTheEnginesFactorsInCanonicalOrder(Precision p) {
        boolean reordered = false;
        boolean flipped = false;
        for (EjmlOps o : backends(p)) {
            DecompositionEngine engine = switch (o.engine()) {
                case EJML -> new EjmlEngine();
                case COMMONS_MATH -> new CommonsMathEngine();
                case LAPACK -> new LapackEngine();
            };
            List<SimpleMatrix> symmetric = List.of(
                    SampleMatrices.symmetricWithEigenvalues(o, new double[] {3, -1, 2, 0.5, -4}, 7),
                    o.sym(SampleMatrices.gaussian(o, 9, 9, 5)),
                    o.fromRowMajor(3, 3, new double[] {2, 1, 1, 1, 2, 1, 1, 1, 2}));
            for (SimpleMatrix a : symmetric) {
                int n = o.rows(a);
                DecompositionEngine.Eigen raw = engine.eigSymmetric(a);
                double[] w = o.toRowMajor(raw.values());
                double[] rows = o.toRowMajor(raw.rows());
                Integer[] order = new Integer[n];
                Arrays.setAll(order, j -> j);
                Arrays.sort(order, (x, y) -> w[x] < w[y] ? -1 : w[x] > w[y] ? 1 : 0);
                double[] values = new double[n];
                double[] vectors = new double[n * n];
                for (int col = 0; col < n; col++) {
                    int j = order[col];
                    double sign = largestEntrySign(rows, j * n, 1, n);
                    reordered |= j != col;
                    flipped |= sign < 0;
                    values[col] = w[j];
                    for (int i = 0; i < n; i++) {
                        vectors[i * n + col] = sign * rows[j * n + i];
                    }
                }
                SymmetricEigen<SimpleMatrix> eig = o.eigSymmetric(a);
                assertArrayEquals(values, o.toRowMajor(eig.values()), o.name());
                assertArrayEquals(vectors, o.toRowMajor(eig.vectors()), o.name());
            }
            SimpleMatrix tall = SampleMatrices.withSingularValues(o, 6, 4, new double[] {5, 3, 2, 0.5}, 3);
            for (SimpleMatrix a : List.of(tall, o.transpose(tall), SampleMatrices.gaussian(o, 3, 5, 8))) {
                int k = Math.min(o.rows(a), o.cols(a));
                for (boolean full : new boolean[] {true, false}) {
                    DecompositionEngine.Factors raw = engine.svd(a, full);
                    double[] u = o.toRowMajor(raw.u());
                    double[] v = o.toRowMajor(raw.v());
                    int uCols = o.cols(raw.u());
                    int vCols = o.cols(raw.v());
                    for (int j = 0; j < k; j++) {
                        double sign = largestEntrySign(v, j, vCols, o.rows(raw.v()));
                        flipped |= sign < 0;
                        for (int i = 0; i < o.rows(raw.u()); i++) {
                            u[i * uCols + j] *= sign;
                        }
                        for (int i = 0; i < o.rows(raw.v()); i++) {
                            v[i * vCols + j] *= sign;
                        }
                    }
                    Svd<SimpleMatrix> svd = o.svd(a, full);
                    assertArrayEquals(u, o.toRowMajor(svd.u()), o.name());
                    assertArrayEquals(o.toRowMajor(raw.sigma()), o.toRowMajor(svd.sigma()), o.name());
                    assertArrayEquals(v, o.toRowMajor(svd.v()), o.name());
                }
            }
        }
        assertTrue(reordered, "some engine's eigenpairs were reordered");
        assertTrue(flipped, "some engine's vectors were negated");
    }

    /** The backends of a precision with distinct engines: EJML's, LAPACK's where it loads, Commons Math's (double). */
    private static List<EjmlOps> backends(Precision p) {
        List<EjmlOps> backends = new ArrayList<>(List.of(EjmlOps.of(p)));
        if (EjmlOps.fastest(p).engine() == EjmlOps.Engine.LAPACK) {
            backends.add(EjmlOps.fastest(p));
        }
        if (p == Precision.DOUBLE) {
            backends.add(EjmlOps.DOUBLE_COMMONS_MATH);
        }
        return backends;
    }

    /** −1 when the first entry of largest magnitude among {@code x[from + i·stride]}, i &lt; count, is negative. */
    private static double largestEntrySign(double[] x, int from, int stride, int count) {
        double largest = 0;
        for (int i = 0; i < count; i++) {
            double e = x[from + i * stride];
            if (Math.abs(e) > Math.abs(largest)) {
                largest = e;
            }
        }
        return largest < 0 ? -1 : 1;
    }
}
