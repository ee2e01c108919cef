package org.mbp.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;
import org.mbp.backend.Precision;
import org.mbp.device.DeviceUnavailableException;

/** On a machine without a usable GPU, asking for the backend fails at once with the probe's reason. */
class CudaOpsWithoutGpuTest {

    @Test
    void openingWithoutAGpuNamesTheReason() {
        GpuProbe.Result probe = GpuProbe.probe();
        assumeFalse(probe.available(), "a GPU is present: BackendAgreement is the check there");
        for (Precision precision : Precision.values()) {
            DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                    () -> CudaOps.open(0, precision));
            assertEquals(probe.describe(), e.getMessage());
        }
    }
}
