package org.mbp.study.svdeig;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mbp.run.Labelled;
import org.mbp.run.RowCodec;
import org.mbp.run.Rows;

/** The error percentiles of one route over the inputs of one cell. */
public record CellErrors(int cell, SvdVsEigPoint point, Route method, int inputs, long measured, double p10,
        double median, double p90, double max) {

    private static final RowCodec<SvdVsEigPoint> POINT = RowCodec.of(SvdVsEigPoint.class);

    /** The numbers by name, the cell's parameters first. */
    Map<String, Object> numbers() {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("cell", cell);
        n.putAll(POINT.encode(point));
        n.put("method", Labelled.of(method));
        n.put("inputs", inputs);
        n.put("measured", measured);
        n.put("p10_error", Rows.finiteOrNull(p10));
        n.put("median_error", Rows.finiteOrNull(median));
        n.put("p90_error", Rows.finiteOrNull(p90));
        n.put("max_error", Rows.finiteOrNull(max));
        return n;
    }
}
