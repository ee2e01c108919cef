package org.mbp.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mbp.backend.Precision;
import org.mbp.device.ComputeDevice;
import org.mbp.io.DenseMatrix;
import org.mbp.spectral.Form;

/** The time estimate of a gradient job scales with m·n·min(m, n) and is not made for small inputs. */
class GradientCostTest {

    private static DenseMatrix shape(int rows, int cols) {
        return new DenseMatrix(rows, cols, new double[rows * cols]);
    }

    @Test
    void workGrowsWithTheCubeOfTheSizeAndTheShape() {
        assertEquals(8, GradientCost.relativeWork(shape(2000, 2000)) / GradientCost.relativeWork(shape(1000, 1000)),
                1e-12);
        assertEquals(4, GradientCost.relativeWork(shape(4000, 1000)) / GradientCost.relativeWork(shape(1000, 1000)),
                1e-12, "a tall input costs m·n·n");
        assertEquals(GradientCost.WORK, GradientCost.relativeWork(shape(GradientCost.PROBE, GradientCost.PROBE)), 1e-12);
    }

    @Test
    void smallInputsAreNotTimed() {
        GradientJob.Request small = new GradientJob.Request(GradientLayer.O2P_EIG, shape(100, 40), null, null, 1e-3,
                Precision.DOUBLE, Form.PAPER, "log", Double.NaN);
        assertEquals(0, GradientCost.estimateSeconds(ComputeDevice.cpu(), small));
    }
}
