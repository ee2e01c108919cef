package org.mbp.devicecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbp.backend.Precision;

/** The error measure and the verdict of the device check, on hand-computed cases. */
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
}
