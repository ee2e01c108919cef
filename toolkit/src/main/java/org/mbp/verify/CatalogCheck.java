package org.mbp.verify;

import java.util.Arrays;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.Diagnostics;

/**
 * Verifies every layer of the {@link LayerCatalog} in double against all references, and its
 * float gradient against the double one: the demonstration that each formula is right.
 */
public final class CatalogCheck {

    /**
     * The checks of one layer.
     *
     * @param dotProduct       dot-product test, double
     * @param dotProductFloat  dot-product test, float (for information; no threshold)
     * @param finiteDifference whole-gradient finite differences, double
     * @param fdBound          what the finite differences claim as their own accuracy
     * @param taylorOrder      observed order of the Taylor remainder, double
     * @param floatVsDouble    relative difference of the float and double gradients
     * @param seconds          wall time of all checks of this layer
     */
    public record Result(String name, String reference, double dotProduct, double dotProductFloat,
            double finiteDifference, double fdBound, double taylorOrder, double floatVsDouble,
            Diagnostics diagnostics, double seconds) {

        /**
         * Whether every check of the catalogue passed.
         *
         * @return whether every check of the catalogue passed
         */
        public boolean passed() {
            return dotProduct <= Acceptance.DOT_PRODUCT && finiteDifference <= Acceptance.FINITE_DIFFERENCE
                    && Math.abs(taylorOrder - Acceptance.TAYLOR_ORDER) <= Acceptance.TAYLOR_ORDER_TOLERANCE
                    && floatVsDouble <= Acceptance.FLOAT_AGAINST_DOUBLE;
        }
    }

    private CatalogCheck() {
    }

    /**
     * The number of catalogued layers.
     *
     * @return the number of catalogued layers
     */
    public static int size() {
        return LayerCatalog.paperLayers(EjmlOps.DOUBLE, 0).size();
    }

    /**
     * Runs the checks of catalogued layer {@code index} on the inputs of the given seed.
     *
     * @param seed the random seed
     * @param index the index
     * @return the checks' results
     */
    public static Result check(long seed, int index) {
        return check(LayerCatalog.paperLayers(EjmlOps.DOUBLE, seed).get(index),
                LayerCatalog.paperLayers(EjmlOps.FLOAT, seed).get(index), seed);
    }

    private static <M> Result check(LayerCase<M, ?, ?> inDouble, LayerCase<M, ?, ?> inFloat, long seed) {
        long start = System.nanoTime();
        Verifier<M> verifier = new Verifier<>(inDouble.layer().ops(), seed);
        Verifier<M> floatVerifier = new Verifier<>(inFloat.layer().ops(), seed);
        DotProductResult dot = verifier.dotProduct(inDouble);
        GradientResult fd = verifier.gradient(inDouble);
        TaylorResult taylor = verifier.taylor(inDouble);
        double floatDot = floatVerifier.dotProduct(inFloat).relativeError();
        double floatVsDouble = Verifier.relativeError(flatGradient(inFloat), flatGradient(inDouble));
        return new Result(inDouble.name(), inDouble.reference(), dot.relativeError(), floatDot,
                fd.relativeError(), fd.relativeErrorBound(), taylor.observedOrder(), floatVsDouble,
                dot.diagnostics(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * The adjoint gradient of a case, all parts flattened and widened to double.
     *
     * @param <M> the backend's matrix type
     * @param <X> the input variable type
     * @param <Y> the output variable type
     * @param c the column
     * @return the adjoint gradient of a case, all parts flattened and widened to double
     */
    public static <M, X, Y> double[] flatGradient(LayerCase<M, X, Y> c) {
        MatrixOps<M> ops = c.layer().ops();
        X g = c.layer().forward(c.input()).adjoint(c.upstream());
        return c.layer().inputSpace().parts(g).stream().map(ops::toRowMajor)
                .flatMapToDouble(Arrays::stream).toArray();
    }
}
