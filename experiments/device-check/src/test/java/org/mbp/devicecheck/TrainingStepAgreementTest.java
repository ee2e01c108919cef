package org.mbp.devicecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbp.backend.MixedPrecision;
import org.mbp.backend.Precision;

/**
 * The end-to-end training-step comparison on the CPU, where it calibrates the device check's
 * threshold: the same backends agree exactly (the step is deterministic), and a float trunk
 * differs from a double one by float rounding only, far below {@link TrainingStepAgreement#THRESHOLD}.
 */
class TrainingStepAgreementTest {

    @Test
    void identicalBackendsAgreeExactly() {
        for (TrainingStepAgreement.Agreement a : TrainingStepAgreement.compare(
                MixedPrecision.cpu(Precision.FLOAT, Precision.DOUBLE), MixedPrecision.cpu(Precision.FLOAT, Precision.DOUBLE))) {
            assertEquals(0.0, a.lossDifference(), a.network());
            assertEquals(0.0, a.gradientDifference(), a.network());
        }
    }

    @Test
    void aFloatTrunkDiffersFromADoubleOneByRoundingOnly() {
        List<TrainingStepAgreement.Agreement> all = TrainingStepAgreement.compare(
                MixedPrecision.cpu(Precision.FLOAT, Precision.DOUBLE), MixedPrecision.cpu(Precision.DOUBLE, Precision.DOUBLE));
        assertEquals(2, all.size());
        for (TrainingStepAgreement.Agreement a : all) {
            assertTrue(a.gradientDifference() > 0, a.network() + " float and double gave identical gradients");
            assertTrue(a.lossDifference() < TrainingStepAgreement.THRESHOLD / 10, a.toString());
            assertTrue(a.gradientDifference() < TrainingStepAgreement.THRESHOLD / 10, a.toString());
        }
    }
}
