package org.mbp.devicecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.Precision;
import org.mbp.nn.HostImageOps;

/**
 * The error measure and the verdict of the device check, on hand-computed cases, and the whole
 * comparison run on the host (the reference against itself), so that a case the reference cannot
 * compute is found before a GPU machine runs it.
 */
class BackendAgreementTest {

    @Test
    void relativeErrorIsTheFrobeniusRatio() {
        // ‖(3, 4) − (3, 4.5)‖ = 0.5 and ‖(3, 4)‖ = 5.
        assertEquals(0.1, BackendAgreement.relativeError(new double[] {3, 4.5}, new double[] {3, 4}), 1e-15);
        assertEquals(0.0, BackendAgreement.relativeError(new double[] {0, 0}, new double[] {0, 0}));
        assertEquals(Double.POSITIVE_INFINITY, BackendAgreement.relativeError(new double[] {1}, new double[] {1, 2}));
        assertTrue(Double.isNaN(BackendAgreement.relativeError(new double[] {Double.NaN}, new double[] {1})));
    }

    @Test
    void thresholdsDependOnThePrecision() {
        assertTrue(new BackendAgreement.Agreement("mult", Precision.DOUBLE, "3×5", 1e-11).passed());
        assertFalse(new BackendAgreement.Agreement("mult", Precision.DOUBLE, "3×5", 1e-9).passed());
        assertTrue(new BackendAgreement.Agreement("mult", Precision.FLOAT, "3×5", 5e-5).passed());
        assertFalse(new BackendAgreement.Agreement("mult", Precision.FLOAT, "3×5", 2e-4).passed());
        assertFalse(new BackendAgreement.Agreement("mult", Precision.FLOAT, "3×5", Double.NaN).passed());
    }

    @Test
    void theReferenceAgreesWithItselfOnEveryCaseIncludingStacks() {
        for (Precision precision : Precision.values()) {
            EjmlOps cpu = precision == Precision.FLOAT ? EjmlOps.FLOAT : EjmlOps.DOUBLE;
            EjmlOps other = precision == Precision.FLOAT ? EjmlOps.DOUBLE : EjmlOps.FLOAT;
            List<BackendAgreement.Agreement> all = BackendAgreement.compare(precision, cpu, new HostImageOps<>(cpu),
                    other);
            for (BackendAgreement.Agreement a : all) {
                assertEquals(0.0, a.maxRelativeError(), a.toString());
            }
            assertTrue(all.stream().anyMatch(a -> a.operation().equals("stack empty")));
            for (String op : List.of("batch mult", "multBlocks both transposed", "batch eigSymmetric",
                    "batch svd full", "batch outer MAX")) {
                assertEquals(BackendAgreement.BLOCKS.length, all.stream().filter(a -> a.operation().equals(op)
                        && a.shapes().startsWith(BackendAgreement.STACKED + " of ")).count(), op);
            }
            for (String op : List.of("patches", "patchesAdjoint", "windowSum", "windowSpread", "windowArgMaxMask",
                    "windowArgMaxMask ties")) {
                assertEquals(10, all.stream().filter(a -> a.operation().equals(op)).count(), op);
                assertEquals(5, all.stream().filter(a -> a.operation().equals(op)
                        && a.shapes().startsWith(BackendAgreement.STACKED + " of ")).count(), op);
            }
        }
    }
}
