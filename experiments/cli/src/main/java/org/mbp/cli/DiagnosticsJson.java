package org.mbp.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.SpectrumDiagnostics;

/**
 * Diagnostics as JSON-ready maps. Fields that do not apply (NaN) are left out; infinite values
 * are kept and written as the string "Infinity".
 */
final class DiagnosticsJson {

    private DiagnosticsJson() {
    }

    static List<Map<String, Object>> of(Diagnostics diagnostics) {
        return diagnostics.spectra().stream().map(DiagnosticsJson::of).toList();
    }

    static Map<String, Object> of(SpectrumDiagnostics d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", d.stage());
        m.put("quantity", d.quantity());
        m.put("size", d.size());
        put(m, "largest", d.largest());
        put(m, "smallest", d.smallest());
        put(m, "min_gap", d.minGap());
        if (d.gapLow() >= 0) {
            m.put("gap_indices", List.of(d.gapLow(), d.gapHigh()));
        }
        put(m, "min_relative_gap", d.minRelativeGap());
        put(m, "max_abs_k", d.maxAbsK());
        m.put("numerical_rank", d.numericalRank());
        put(m, "rank_tolerance", d.rankTolerance());
        put(m, "condition_number", d.conditionNumber());
        put(m, "effective_condition_number", d.effectiveConditionNumber());
        return m;
    }

    private static void put(Map<String, Object> m, String key, double value) {
        if (!Double.isNaN(value)) {
            m.put(key, value);
        }
    }
}
