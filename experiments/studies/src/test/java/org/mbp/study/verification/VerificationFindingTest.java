package org.mbp.study.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mbp.backend.Precision;
import org.mbp.run.ClaimVerdict.Ruling;

/** The verification's verdict and key numbers from known checks. */
class VerificationFindingTest {

    private static List<VerificationRow> layer(int cell, String name, double dotProduct, double taylorOrder) {
        return List.of(
                new VerificationRow(cell, name, "eq. 1", Check.DOT_PRODUCT, Precision.DOUBLE, dotProduct, 1e-12,
                        dotProduct <= 1e-12, 0.5, 2),
                new VerificationRow(cell, name, "eq. 1", Check.FINITE_DIFFERENCE, Precision.DOUBLE, 3e-11, 1e-6, true,
                        0.5, 2),
                new VerificationRow(cell, name, "eq. 1", Check.TAYLOR_ORDER, Precision.DOUBLE, taylorOrder, 2, true,
                        0.5, 2),
                new VerificationRow(cell, name, "eq. 1", Check.FLOAT_VS_DOUBLE, Precision.FLOAT, 5e-5, 1e-2, true,
                        0.5, 2));
    }

    private static VerificationFinding finding(double secondDotProduct) {
        List<VerificationRow> rows = new java.util.ArrayList<>(layer(0, "svd", 1e-14, 1.999));
        rows.addAll(layer(1, "eig", secondDotProduct, 2.0021));
        return new VerificationClaim().check(rows);
    }

    @Test
    void everyLayerPassingIsVerifiedWithTheExtremes() {
        VerificationFinding f = finding(1.2e-13);
        assertEquals(Ruling.VERIFIED, f.verdict().ruling());
        assertEquals("Verified. All 2 layers pass every check: largest dot-product error 1.2e-13, largest"
                + " finite-difference error 3.0e-11, Taylor orders 1.999 to 2.002, largest float/double difference"
                + " 5.0e-05.", f.verdict().text());
        assertEquals(true, f.numbers().get("passed"));
    }

    @Test
    void aFailingLayerIsNamed() {
        VerificationFinding f = finding(1e-9);
        assertFalse(f.passed());
        assertEquals("FAILED. 1 of 2 layers fail a check: eig.", f.verdict().text());
        assertEquals(List.of("eig", "eq. 1", "1.00e-09", "3.00e-11", "2.002", "5.00e-05", "FAIL"),
                f.keyNumbers().rows().get(1));
        assertEquals(Map.of("dot_product/double", 1e-9, "finite_difference/double", 3e-11,
                "taylor_order/double", 2.0021, "float_vs_double/float", 5e-5), f.numbers().get("eig"));
        assertEquals(false, f.numbers().get("passed"));
    }
}
