package org.mbp.study.gap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mbp.run.Rows;
import org.mbp.study.Fits;

/** One method of the log loss: its bias and error at the marked gaps, and the slope of its error against the gap. */
public record KernelErrors(String method, List<GapErrors> atMarks, Fits.Slope slope) {

    /**
     * The bias and error at a marked gap.
     *
     * @param gap the gap
     * @return the bias and error at a marked gap
     */
    public GapErrors at(double gap) {
        return atMarks.stream().filter(e -> e.gap() == gap).findFirst().orElseThrow();
    }

    /** The method's row of the key-numbers table. */
    List<String> tableRow() {
        List<String> line = new ArrayList<>(List.of(method + ", log loss"));
        for (GapErrors e : atMarks) {
            line.add(Rows.format(e.bias()));
            line.add(Rows.format(e.error()));
        }
        line.add(slope.text());
        return line;
    }

    /** The numbers by name. */
    Map<String, Object> numbers() {
        Map<String, Object> n = new LinkedHashMap<>();
        for (GapErrors e : atMarks) {
            n.put(String.format(Locale.ROOT, "bias_at_%.0e", e.gap()), Rows.finiteOrNull(e.bias()));
            n.put(String.format(Locale.ROOT, "error_at_%.0e", e.gap()), Rows.finiteOrNull(e.error()));
        }
        n.put("error_slope", slope.numbers());
        return n;
    }
}
