package org.mbp.study.verification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mbp.backend.Precision;
import org.mbp.run.Rows;

/** Every check of one layer, and whether the layer passed them all. */
public record LayerChecks(String layer, String reference, List<VerificationRow> checks) {

    /**
     * Whether every check of the layer passed.
     *
     * @return whether every check of the layer passed
     */
    public boolean passed() {
        return checks.stream().allMatch(VerificationRow::passed);
    }

    /**
     * The value of a check in a precision (NaN when it was not made).
     *
     * @param check the check
     * @param precision the arithmetic precision
     * @return the value of a check in a precision (NaN when it was not made)
     */
    public double value(Check check, Precision precision) {
        return checks.stream().filter(r -> r.check() == check && r.precision() == precision)
                .mapToDouble(VerificationRow::value).findFirst().orElse(Double.NaN);
    }

    /** The layer's row of the key-numbers table. */
    List<String> tableRow() {
        return List.of(layer, reference, Rows.format(value(Check.DOT_PRODUCT, Precision.DOUBLE)),
                Rows.format(value(Check.FINITE_DIFFERENCE, Precision.DOUBLE)),
                String.format(Locale.ROOT, "%.3f", value(Check.TAYLOR_ORDER, Precision.DOUBLE)),
                Rows.format(value(Check.FLOAT_VS_DOUBLE, Precision.FLOAT)), passed() ? "pass" : "FAIL");
    }

    /** Every check's value by name, e.g. {@code dot_product/double}. */
    Map<String, Double> numbers() {
        Map<String, Double> values = new LinkedHashMap<>();
        checks.forEach(r -> values.put(r.measure(), r.value()));
        return values;
    }
}
