package org.mbp.study.svdeig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mbp.run.Rows;

/**
 * The errors in one regime: the inputs where both paper routes returned a gradient, the median
 * error of each route, the median error ratio EIG/SVD and the share of inputs where SVD is better.
 */
public record RegimeErrors(Regime regime, int inputs, double svd, double eig, double stable, double ratio,
        double shareSvdBetter) {

    /** The regime's row of the key-numbers table. */
    List<String> tableRow() {
        return List.of(regime.label(), Integer.toString(inputs), Rows.format(svd), Rows.format(eig),
                Rows.format(stable), Rows.format(ratio), Double.isNaN(shareSvdBetter) ? "-"
                        : String.format(Locale.ROOT, "%.0f%%", 100 * shareSvdBetter));
    }

    /** The numbers by name. */
    Map<String, Object> numbers() {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("inputs", inputs);
        n.put("median_error_svd", Rows.finiteOrNull(svd));
        n.put("median_error_eig", Rows.finiteOrNull(eig));
        n.put("median_error_stable", Rows.finiteOrNull(stable));
        n.put("median_ratio_eig_over_svd", Rows.finiteOrNull(ratio));
        n.put("share_svd_better", Rows.finiteOrNull(shareSvdBetter));
        return n;
    }
}
