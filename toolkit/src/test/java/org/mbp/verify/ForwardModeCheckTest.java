package org.mbp.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.ejml.simple.SimpleMatrix;
import org.hipparchus.analysis.differentiation.Gradient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbp.backend.EjmlOps;
import org.mbp.precise.FieldDense;
import org.mbp.precise.ForwardMode;

/**
 * Forward-mode AD of each catalogued layer's forward pass (through the field Jacobi solvers)
 * against its hand-derived variation and adjoint. Both are double-precision evaluations of one
 * derivative; with condition numbers ≤ 6 they agree to ~1e-13 (the worst are the pipelines
 * through a rank-deficient W, whose projector amplifies by its effective condition number), so
 * 1e-10 separates rounding from any wrong term, which shows at O(1).
 */
class ForwardModeCheckTest {

    private static final long SEED = 20261128L;
    private static final List<LayerCase<SimpleMatrix, ?, ?>> DOUBLE = LayerCatalog.paperLayers(EjmlOps.DOUBLE, SEED);
    private static final List<LayerCase<FieldDense<Gradient>, ?, ?>> FORWARD =
            LayerCatalog.paperLayers(ForwardMode.OPS, SEED);

    static Stream<Arguments> cases() {
        return IntStream.range(0, DOUBLE.size()).mapToObj(i -> Arguments.of(i, DOUBLE.get(i).name()));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void forwardModeAgreesWithVariationAndAdjoint(int index, String name) {
        ForwardModeCheck.Result r = ForwardModeCheck.compare(DOUBLE.get(index), FORWARD.get(index), 5);
        assertTrue(r.variationError() <= 1e-10, name + ": " + r);
        assertTrue(r.adjointError() <= 1e-10, name + ": " + r);
    }
}
