package org.mbp.study.svdeig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mbp.run.ClaimVerdict.Ruling;
import org.mbp.study.BoundCheck;

/** The svd-vs-eig verdict, table and numbers from known key numbers. */
class SvdVsEigFindingTest {

    /** A finding whose regimes have the given EIG/SVD ratios (in {@link Regime} order) and all-inputs share. */
    private static SvdVsEigFinding finding(double share, double... ratios) {
        List<RegimeErrors> regimes = new ArrayList<>();
        for (Regime regime : Regime.values()) {
            regimes.add(new RegimeErrors(regime, 10, 1e-15, 2e-13, 3e-15, ratios[regime.ordinal()],
                    regime == Regime.ALL ? share : Double.NaN));
        }
        return new SvdVsEigFinding(List.of(), List.of(), regimes, 2.5e-9, 4, List.of(),
                new BoundCheck(120, 0.995, 40));
    }

    @Test
    void theVerdictReadsItsNumbersFromTheRecord() {
        SvdVsEigFinding f = finding(0.75, 40, 1.5, 1.2e5, 1.1, 3e3);
        assertEquals("Supported. The SVD route is more accurate than the EIG route on 75% of the inputs where both"
                + " return a gradient. Where FᵀF is ill-conditioned (κ ≥ 1e9, ε ≤ 1e-6) the EIG route's error is"
                + " 1.20e+05 times the SVD route's (median), since EIG resolves small eigenvalues only to ε·‖Z‖; for"
                + " wide F it is 3.00e+03 times, from the tie at ε; for clustered eigenvalues (g ≤ 1e-8) the ratio is"
                + " 1.10e+00: both divide by the gap and lose accuracy like ε/gap. The gap-stable form's largest error"
                + " over the whole grid is 2.50e-09. The predicted error bound (mbp grad's error_bound) covers the"
                + " measured error of 99.5% of the 120 gradients it describes (required ≥ 99%) and is loose by a factor"
                + " 4.00e+01 in the median (required ≤ 1e+03).", f.verdict().text());
    }

    @Test
    void theRulingFollowsTheRatiosAndTheShare() {
        // An order of magnitude (10) in the ill-conditioned or the wide regime, and SVD better on half the inputs.
        assertEquals(Ruling.SUPPORTED, finding(0.5, 1, 1, 10, 1, 1).ruling());
        assertEquals(Ruling.SUPPORTED, finding(0.5, 1, 1, 1, 1, 10).ruling());
        assertEquals(Ruling.SUPPORTED_IN_PART, finding(0.49, 1, 1, 1e5, 1, 1e5).ruling());
        assertEquals(Ruling.NOT_SUPPORTED, finding(0.9, 1e3, 1e3, 9.9, 1e3, 9.9).ruling());
        assertEquals(Ruling.NOT_SUPPORTED, finding(0.9, 1, 1, Double.NaN, 1, Double.NaN).ruling());
    }

    @Test
    void tableAndNumbersComeFromTheSameRegimes() {
        SvdVsEigFinding f = finding(0.75, 40, 1.5, 1.2e5, 1.1, Double.NaN);
        assertEquals(List.of("all inputs", "10", "1.00e-15", "2.00e-13", "3.00e-15", "4.00e+01", "75%"),
                f.keyNumbers().rows().get(0));
        assertEquals(List.of("wide (m < d): tied cluster at ε", "10", "1.00e-15", "2.00e-13", "3.00e-15", "-", "-"),
                f.keyNumbers().rows().get(4));
        Map<String, Object> numbers = f.numbers();
        assertEquals(List.of("all inputs", "tall, well separated (g ≥ 1e-4), κ ≤ 1e6",
                "tall, ill-conditioned (κ ≥ 1e9, ε ≤ 1e-6)", "tall, clustered (g ≤ 1e-8)",
                "wide (m < d): tied cluster at ε", "max_error_stable", "refused", "per_cell", "error_bound"),
                List.copyOf(numbers.keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> wide = (Map<String, Object>) numbers.get("wide (m < d): tied cluster at ε");
        assertEquals(null, wide.get("median_ratio_eig_over_svd"), "NaN is null in JSON");
        assertEquals(0.75, ((Map<?, ?>) numbers.get("all inputs")).get("share_svd_better"));
        assertEquals(4L, numbers.get("refused"));
    }
}
