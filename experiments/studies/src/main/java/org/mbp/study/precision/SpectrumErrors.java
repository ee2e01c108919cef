package org.mbp.study.precision;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mbp.run.Labelled;

/** The error distributions on one spectrum, by precision, and the median float/double ratio there. */
public record SpectrumErrors(String spectrum, Map<Arithmetic, ErrorDistribution> byPrecision,
        double medianFloatOverDouble) {

    /** The numbers by name. */
    Map<String, Object> numbers() {
        Map<String, Object> n = new LinkedHashMap<>();
        byPrecision.forEach((precision, errors) -> n.put(Labelled.of(precision), errors.numbers()));
        n.put("median_ratio_float_over_double", medianFloatOverDouble);
        return n;
    }
}
