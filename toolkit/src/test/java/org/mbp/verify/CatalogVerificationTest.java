package org.mbp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.MatrixOps;

/**
 * Every layer of the catalogue (seeded inputs, well-separated spectra) against the three
 * independent references of the verification engine.
 *
 * <p>Tolerances: the dot-product test compares two evaluations of one bilinear form in double;
 * with well-separated spectra (|K| ≤ 1 here) both sides carry rounding errors of a few hundred ε
 * at these sizes, so 1e-12 leaves a margin of ~10 over that while any formula slip shows as O(1).
 * Ridders' extrapolated differences reach ~1e-10 relative on these smooth functions (each result
 * also carries its own error estimate), so 1e-7 is the bound with room for the gauge
 * alignment of SVD/EIG outputs. Float gradients are compared with the double gradient at 1e-3,
 * about 10⁴ float ε, as the inputs have condition numbers ≤ 6.
 */
class CatalogVerificationTest {

    private static final long SEED = 20261128L;
    private static final List<LayerCase<SimpleMatrix, ?, ?>> DOUBLE =
            LayerCatalog.paperLayers(EjmlOps.DOUBLE, SEED);
    private static final List<LayerCase<SimpleMatrix, ?, ?>> FLOAT =
            LayerCatalog.paperLayers(EjmlOps.FLOAT, SEED);

    static Stream<Arguments> cases() {
        return IntStream.range(0, DOUBLE.size()).mapToObj(i -> Arguments.of(i, DOUBLE.get(i).name()));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void dotProductTestHoldsToRounding(int index, String name) {
        DotProductResult r = new Verifier<>(EjmlOps.DOUBLE, SEED).dotProduct(DOUBLE.get(index));
        assertTrue(r.relativeError() <= 1e-12, name + ": " + r);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void adjointMatchesFiniteDifferences(int index, String name) {
        GradientResult r = new Verifier<>(EjmlOps.DOUBLE, SEED).gradient(DOUBLE.get(index));
        assertTrue(r.relativeError() <= 1e-7, name + ": " + r);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void taylorRemainderIsSecondOrder(int index, String name) {
        TaylorResult r = new Verifier<>(EjmlOps.DOUBLE, SEED).taylor(DOUBLE.get(index));
        assertTrue(r.pointsUsed() >= 5, name + ": only " + r.pointsUsed() + " steps in range");
        assertEquals(2.0, r.observedOrder(), 0.1, name);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void floatGradientAgreesWithDouble(int index, String name) {
        double[] inDouble = adjoint(EjmlOps.DOUBLE, DOUBLE.get(index));
        double[] inFloat = adjoint(EjmlOps.FLOAT, FLOAT.get(index));
        double error = Verifier.relativeError(inFloat, inDouble);
        assertTrue(error <= 1e-3, name + ": float vs double " + error);
    }

    /** The adjoint gradient, all parts flattened, widened to double. */
    private static <M, X, Y> double[] adjoint(MatrixOps<M> ops, LayerCase<M, X, Y> c) {
        X g = c.layer().forward(c.input()).adjoint(c.upstream());
        return c.layer().inputSpace().parts(g).stream().map(ops::toRowMajor)
                .flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
