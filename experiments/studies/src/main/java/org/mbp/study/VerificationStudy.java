package org.mbp.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mbp.verify.Acceptance;
import org.mbp.verify.CatalogCheck;
import org.mbp.run.Rows;
import org.mbp.run.Chart;

/**
 * The first part of the report: every structured layer of the paper checked on seeded inputs
 * by the dot-product test, finite differences (Richardson), the Taylor remainder's order and the
 * float gradient against the double one ({@link CatalogCheck}). One cell per layer.
 */
public final class VerificationStudy extends AbstractStudy {

    /** The folder and step name. */
    public static final String NAME = "verification";

    private final int layers;

    /** The verification of every layer of the {@link CatalogCheck}. */
    public VerificationStudy() {
        this(CatalogCheck.size());
    }

    private VerificationStudy(int layers) {
        super(NAME, "Gradient verification of every layer", Map.of("layers", layers));
        this.layers = layers;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "Each of the %d structured layers of the paper, on seeded inputs with"
                + " well-separated spectra, in double: the dot-product test ⟨L(dX), Ȳ⟩ = ⟨dX, L*(Ȳ)⟩ (threshold"
                + " %.0e), the whole gradient against Richardson finite differences (threshold %.0e), and the order"
                + " of the Taylor remainder (%.0f ± %.2f); in float: the gradient against the double one"
                + " (threshold %.0e).", layers, Acceptance.DOT_PRODUCT, Acceptance.FINITE_DIFFERENCE,
                Acceptance.TAYLOR_ORDER, Acceptance.TAYLOR_ORDER_TOLERANCE, Acceptance.FLOAT_AGAINST_DOUBLE);
    }

    @Override
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            cells.add(new Cell(i, Map.of()));
        }
        return cells;
    }

    @Override
    public List<String> columns() {
        return List.of("layer", "reference", "check", "precision", "value", "threshold", "passed",
                "min_relative_gap", "max_abs_k");
    }

    @Override
    public List<Map<String, Object>> run(Cell cell, long seed) {
        CatalogCheck.Result r = CatalogCheck.check(seed, cell.index());
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(r, "dot_product", "double", r.dotProduct(), Acceptance.DOT_PRODUCT,
                r.dotProduct() <= Acceptance.DOT_PRODUCT));
        rows.add(row(r, "dot_product", "float", r.dotProductFloat(), null, true));
        rows.add(row(r, "finite_difference", "double", r.finiteDifference(), Acceptance.FINITE_DIFFERENCE,
                r.finiteDifference() <= Acceptance.FINITE_DIFFERENCE));
        rows.add(row(r, "finite_difference_bound", "double", r.fdBound(), null, true));
        rows.add(row(r, "taylor_order", "double", r.taylorOrder(), Acceptance.TAYLOR_ORDER,
                Math.abs(r.taylorOrder() - Acceptance.TAYLOR_ORDER) <= Acceptance.TAYLOR_ORDER_TOLERANCE));
        rows.add(row(r, "float_vs_double", "float", r.floatVsDouble(), Acceptance.FLOAT_AGAINST_DOUBLE,
                r.floatVsDouble() <= Acceptance.FLOAT_AGAINST_DOUBLE));
        return rows;
    }

    private static Map<String, Object> row(CatalogCheck.Result r, String check, String precision, double value,
            Double threshold, boolean passed) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("layer", r.name());
        row.put("reference", r.reference());
        row.put("check", check);
        row.put("precision", precision);
        row.put("value", value);
        row.put("threshold", threshold);
        row.put("passed", passed);
        row.put("min_relative_gap", Rows.finiteOrNull(r.diagnostics().minRelativeGap()));
        row.put("max_abs_k", Rows.finiteOrNull(r.diagnostics().maxAbsK()));
        return row;
    }

    /** Whether every check of the rows passed. */
    private static boolean passed(List<Map<String, Object>> rows) {
        return rows.stream().allMatch(r -> Boolean.TRUE.equals(r.get("passed")));
    }

    @Override
    public StudySummary summarize(List<Map<String, Object>> rows) {
        List<List<String>> table = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Map<String, Object> numbers = new LinkedHashMap<>();
        Rows.group(rows, r -> Rows.text(r, "layer")).forEach((layer, checks) -> {
            Map<String, Double> value = new LinkedHashMap<>();
            checks.forEach(r -> value.put(Rows.text(r, "check") + "/" + Rows.text(r, "precision"),
                    Rows.number(r, "value")));
            boolean ok = passed(checks);
            if (!ok) {
                failed.add(layer);
            }
            table.add(List.of(layer, Rows.text(checks.get(0), "reference"),
                    Rows.format(value.get("dot_product/double")), Rows.format(value.get("finite_difference/double")),
                    String.format(Locale.ROOT, "%.3f", value.get("taylor_order/double")),
                    Rows.format(value.get("float_vs_double/float")), ok ? "pass" : "FAIL"));
            numbers.put(layer, value);
        });
        numbers.put("passed", failed.isEmpty());
        String verdict = failed.isEmpty()
                ? String.format(Locale.ROOT, "Verified. All %d layers pass every check: largest dot-product error"
                        + " %.1e, largest finite-difference error %.1e, Taylor orders %.3f to %.3f, largest float/double"
                        + " difference %.1e.", table.size(), max(rows, "dot_product", "double"),
                        max(rows, "finite_difference", "double"), min(rows, "taylor_order"),
                        max(rows, "taylor_order", "double"), max(rows, "float_vs_double", "float"))
                : String.format(Locale.ROOT, "FAILED. %d of %d layers fail a check: %s.", failed.size(), table.size(),
                        String.join(", ", failed));
        return new StudySummary("Each layer's backward pass (the paper's adjoint) is the exact adjoint of its"
                + " forward variation and the gradient of its loss.", verdict,
                List.of("layer", "paper", "dot product", "finite diff.", "Taylor order", "float/double", "verdict"),
                table, numbers);
    }

    private static double max(List<Map<String, Object>> rows, String check, String precision) {
        return Rows.stats(select(rows, check, precision), "value").getMax();
    }

    private static double min(List<Map<String, Object>> rows, String check) {
        return Rows.stats(select(rows, check, "double"), "value").getMin();
    }

    private static List<Map<String, Object>> select(List<Map<String, Object>> rows, String check, String precision) {
        return Rows.where(rows, r -> Rows.text(r, "check").equals(check) && Rows.text(r, "precision").equals(precision));
    }

    @Override
    public List<Chart> charts(List<Map<String, Object>> rows) {
        return List.of();
    }
}
