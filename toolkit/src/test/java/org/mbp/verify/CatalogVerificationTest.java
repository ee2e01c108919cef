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

/**
 * Every layer of the catalogue (seeded inputs, well-separated spectra) against the three
 * independent references of the verification engine, at the thresholds of {@link Acceptance}
 * (whose Javadoc justifies them).
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
        assertTrue(r.relativeError() <= Acceptance.DOT_PRODUCT, name + ": " + r);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void adjointMatchesFiniteDifferences(int index, String name) {
        GradientResult r = new Verifier<>(EjmlOps.DOUBLE, SEED).gradient(DOUBLE.get(index));
        assertTrue(r.relativeError() <= Acceptance.FINITE_DIFFERENCE, name + ": " + r);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void taylorRemainderIsSecondOrder(int index, String name) {
        TaylorResult r = new Verifier<>(EjmlOps.DOUBLE, SEED).taylor(DOUBLE.get(index));
        assertTrue(r.pointsUsed() >= 5, name + ": only " + r.pointsUsed() + " steps in range");
        assertEquals(Acceptance.TAYLOR_ORDER, r.observedOrder(), Acceptance.TAYLOR_ORDER_TOLERANCE, name);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void floatGradientAgreesWithDouble(int index, String name) {
        double error = Verifier.relativeError(CatalogCheck.flatGradient(FLOAT.get(index)),
                CatalogCheck.flatGradient(DOUBLE.get(index)));
        assertTrue(error <= Acceptance.FLOAT_AGAINST_DOUBLE, name + ": float vs double " + error);
    }
}
