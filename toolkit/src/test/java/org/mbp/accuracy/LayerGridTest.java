package org.mbp.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.LayerFactory;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Structure;
import org.mbp.spectral.CovarianceLayer;

/** A user's layer on the accuracy grid: a lambda factory, its own baseline, and a regression caught. */
class LayerGridTest {

    @TempDir
    Path dir;

    /** The factory of the issue, as a lambda. */
    private static final LayerFactory COVARIANCE = o -> new CovarianceLayer<>(o, 1e-3);

    @Test
    void aLayerPassesAgainstItsOwnBaseline() throws IOException {
        LayerGridResult result = LayerGrid.of("covariance", COVARIANCE).withThreads(2).run();
        assertEquals(10, result.cells().size());
        assertEquals("covariance|paper|double|separated", result.cells().get(0).key());
        result.assertPassing();
        Path baseline = dir.resolve("covariance.json");
        result.writeBaseline(baseline);
        result.assertNoRegression(baseline, 10);
    }

    /** {@code Y = X Xᵀ} whose adjoint loses six digits: {@code (Ā + c) − c} with c a million times Ā. */
    static final class LossyGram<M> extends AbstractLayer<M, M, M> {
        private final boolean lossy;

        LossyGram(MatrixOps<M> ops, boolean lossy) {
            super("gram", ops, MatrixSpace.of("X", Structure.GENERAL), MatrixSpace.of("Y", Structure.GENERAL));
            this.lossy = lossy;
        }

        @Override
        public Linearization<M, M, M> forward(M x) {
            MatrixOps<M> o = ops();
            return Linearization.of(o.multTransB(x, x), Diagnostics.none(),
                    dx -> o.add(o.multTransB(dx, x), o.multTransB(x, dx)), y -> {
                        M adjoint = o.mult(o.add(y, o.transpose(y)), x);
                        if (!lossy) {
                            return adjoint;
                        }
                        M shift = o.filled(o.rows(adjoint), o.cols(adjoint), 1e6 * o.maxAbs(adjoint));
                        return o.sub(o.add(adjoint, shift), shift);
                    });
        }
    }

    @Test
    void aLessAccurateAdjointFailsNamingTheRegressedCells() throws IOException {
        Path baseline = dir.resolve("gram.json");
        LayerGrid.of("gram", o -> new LossyGram<>(o, false)).withThreads(2).run().writeBaseline(baseline);
        LayerGridResult worse = LayerGrid.of("gram", o -> new LossyGram<>(o, true)).withThreads(2).run();
        AssertionError e = assertThrows(AssertionError.class, () -> worse.assertNoRegression(baseline, 10));
        assertTrue(e.getMessage().startsWith("10 accuracy regression(s) of gram against " + baseline), e.getMessage());
        assertTrue(e.getMessage().contains("\n  gram|paper|double|separated: "), e.getMessage());
        assertTrue(e.getMessage().contains("\n  gram|paper|float|rank(2): "), e.getMessage());
    }

    @Test
    void aMissingBaselineSaysHowToMakeOne() {
        LayerGridResult result = new LayerGridResult("gram", AccuracyGrid.quick(), java.util.List.of("double"),
                java.util.List.of());
        AssertionError e = assertThrows(AssertionError.class, () -> result.assertNoRegression(dir.resolve("none.json"),
                10));
        assertTrue(e.getMessage().contains("write one with writeBaseline"), e.getMessage());
    }
}
