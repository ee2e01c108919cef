package org.mbp.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

/** The r^−3 radius law of the dead leaves against hand-derived values and a sample. */
class RadiusLawTest {

    private static final RadiusLaw LAW = new RadiusLaw(6, 40);
    private static final int SAMPLES = 20_000;

    @Test
    void quantilesMatchTheHandDerivedInverse() {
        assertEquals(6, LAW.sample(0), 1e-12);
        assertEquals(40, LAW.sample(1), 1e-12);
        // median: r^-2 = (6^-2 + 40^-2)/2, r = 8.391403215300787 (computed by hand)
        assertEquals(8.391403215300787, LAW.sample(0.5), 1e-12);
        for (double u = 0; u <= 1; u += 0.125) {
            assertEquals(u, LAW.cdf(LAW.sample(u)), 1e-12);
        }
    }

    @Test
    void samplesFollowTheDistributionFunction() {
        Random rng = new Random(7);
        double[] radii = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            radii[i] = LAW.sample(rng.nextDouble());
        }
        Arrays.sort(radii);
        double ks = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double f = LAW.cdf(radii[i]);
            ks = Math.max(ks, Math.max(Math.abs(f - i / (double) SAMPLES), Math.abs(f - (i + 1) / (double) SAMPLES)));
        }
        // the Kolmogorov–Smirnov 1% critical value is 1.63/√N ≈ 0.0115
        assertTrue(ks < 1.63 / Math.sqrt(SAMPLES), "KS distance " + ks);
    }

    @Test
    void histogramDensityHasSlopeMinusThreeOnLogLogAxes() {
        Random rng = new Random(11);
        int bins = 8;
        double ratio = Math.pow(40.0 / 6, 1.0 / bins);
        int[] counts = new int[bins];
        for (int i = 0; i < SAMPLES; i++) {
            double r = LAW.sample(rng.nextDouble());
            counts[Math.min(bins - 1, (int) (Math.log(r / 6) / Math.log(ratio)))]++;
        }
        SimpleRegression fit = new SimpleRegression();
        for (int b = 0; b < bins; b++) {
            double lower = 6 * Math.pow(ratio, b);
            double upper = lower * ratio;
            fit.addData(Math.log(Math.sqrt(lower * upper)), Math.log(counts[b] / (upper - lower)));
        }
        // log-spaced bins of an r^-3 density: the bin mean of r^-3 over a geometric bin is
        // exactly proportional to (geometric centre)^-3, so the slope is -3 up to sampling noise
        assertEquals(-3, fit.getSlope(), 0.1);
    }
}
