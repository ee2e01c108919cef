package org.mbp.verify;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.LayerFactory;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Structure;

/**
 * The three bugs a user planted in {@code Y = A Aᵀ A}: each one fails the reference assertion,
 * which differentiates the forward pass at 44 digits; the right layer passes it to 1e-13.
 */
class PlantedBugsTest {

    /** Where the derivative goes wrong. */
    enum Bug {
        /** None: dY = dA AᵀA + A dAᵀ A + A Aᵀ dA and Ā = Ȳ AᵀA + A Ȳᵀ A + A Aᵀ Ȳ. */
        NONE,
        /** The adjoint scaled by 1.01. */
        FACTOR,
        /** The adjoint's middle term transposed: A Ȳ A for A Ȳᵀ A. */
        TRANSPOSED,
        /** The same wrong middle term in both: A dA A in the variation, Aᵀ Ȳ Aᵀ in the adjoint. */
        CONSISTENT
    }

    /** {@code Y = A Aᵀ A} with a planted bug. */
    static final class Cubic<M> extends AbstractLayer<M, M, M> {
        private final Bug bug;

        Cubic(MatrixOps<M> ops, Bug bug) {
            super("cubic", ops, MatrixSpace.of("A", Structure.GENERAL), MatrixSpace.of("Y", Structure.GENERAL));
            this.bug = bug;
        }

        @Override
        public Linearization<M, M, M> forward(M a) {
            MatrixOps<M> o = ops();
            M ata = o.multTransA(a, a);
            M aat = o.multTransB(a, a);
            return Linearization.of(o.mult(aat, a), Diagnostics.none(), da -> o.add(o.add(o.mult(da, ata),
                    bug == Bug.CONSISTENT ? o.mult(o.mult(a, da), a) : o.mult(o.multTransB(a, da), a)),
                    o.mult(aat, da)), y -> {
                        M middle = switch (bug) {
                            case NONE, FACTOR -> o.mult(o.multTransB(a, y), a);
                            case TRANSPOSED -> o.mult(o.mult(a, y), a);
                            case CONSISTENT -> o.multTransB(o.multTransA(a, y), a);
                        };
                        M adjoint = o.add(o.add(o.mult(y, ata), middle), o.mult(aat, y));
                        return bug == Bug.FACTOR ? o.scale(1.01, adjoint) : adjoint;
                    });
        }
    }

    private static final EjmlOps OPS = EjmlOps.DOUBLE;
    private static final SimpleMatrix A = SampleMatrices.gaussian(OPS, 3, 3, 11);
    private static final SimpleMatrix G = SampleMatrices.gaussian(OPS, 3, 3, 12);

    @Test
    void theRightLayerMatchesTheReference() {
        GradientAssertions.assertMatchesReference(o -> new Cubic<>(o, Bug.NONE), OPS, A, G, 1e-13);
    }

    @ParameterizedTest
    @EnumSource(value = Bug.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void eachPlantedBugFailsTheReference(Bug bug) {
        AssertionError e = assertThrows(AssertionError.class,
                () -> GradientAssertions.assertMatchesReference(o -> new Cubic<>(o, bug), OPS, A, G, 1e-12));
        assertTrue(e.getMessage().startsWith("cubic: gradient differs from the 44-digit finite-difference reference"),
                e.getMessage());
    }

    /** The dot-product test cannot see a bug shared by the variation and the adjoint. */
    @Test
    void theConsistentBugPassesTheDotProductTest() {
        GradientAssertions.assertAdjointConsistent(new Cubic<>(OPS, Bug.CONSISTENT), A);
    }

    @Test
    void aFactoryOnTheWrongBackendIsRefused() {
        LayerFactory alwaysDouble = o -> new Cubic<>(OPS, Bug.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientAssertions.assertMatchesReference(alwaysDouble, EjmlOps.FLOAT, A, G, 1e-5));
        assertTrue(e.getMessage().contains("on the backend it is given (float)"), e.getMessage());
    }
}
