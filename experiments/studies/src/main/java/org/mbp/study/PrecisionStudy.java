package org.mbp.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.dfp.Dfp;
import org.mbp.accuracy.AccuracyCheck;
import org.mbp.accuracy.AccuracyGrid;
import org.mbp.accuracy.LayerFamilies;
import org.mbp.accuracy.LayerFamily;
import org.mbp.backend.EjmlOps;
import org.mbp.precise.FieldOps;
import org.mbp.precise.HighPrecision;
import org.mbp.reports.ChartSpec;
import org.mbp.reports.Guide;
import org.mbp.reports.Series;
import org.mbp.spectra.Spectrum;
import org.mbp.spectral.Form;
import org.mbp.run.Rows;
import org.mbp.run.Chart;

/**
 * Study 3, paper §7.1: "an implementation in single precision obtained a significantly less
 * accurate gradient". Every layer family in float, in double and mixed (float inputs and outputs
 * around the layer computed in double, as the paper ran its structured layers), against the
 * high-precision reference at the same rounded input, over the accuracy grid's spectra.
 */
final class PrecisionStudy extends AbstractStudy {

    static final String NAME = "precision";
    private static final List<String> PRECISIONS = List.of("double", "float", "mixed");
    /**
     * The median float/double error ratio from which "significantly less accurate" counts as
     * supported: two orders of magnitude, far above the scatter of either precision's error.
     */
    static final double SIGNIFICANT = 100;

    private final int size;
    private final int samples;
    private final int digits;

    PrecisionStudy(Map<String, Object> parameters) {
        super(NAME, "Single against double precision (paper §7.1)", parameters);
        Parameters p = new Parameters(parameters);
        this.size = p.integer("size", 4, 64);
        this.samples = p.integer("samples", 1, 100);
        this.digits = p.integer("digits", 30, 200);
    }

    static Map<String, Object> defaults(Scale scale) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("size", scale == Scale.FULL ? 12 : 6);
        p.put("samples", scale == Scale.FULL ? 5 : 2);
        p.put("digits", HighPrecision.DEFAULT_DIGITS);
        return p;
    }

    private List<Spectrum> spectra() {
        return new AccuracyGrid(size, 1, digits, 0).spectra();
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "Every layer family of the toolkit (%d families, both forms where the stable one"
                + " exists) in float, double and mixed precision — float inputs and outputs around the layer computed"
                + " in double — against the %d-digit reference at the same rounded input, on spectra of size %d:"
                + " well separated, clustered at relative gaps 1e-4, 1e-8, 1e-12, rank-deficient; %d input(s) per"
                + " cell.", LayerFamilies.all().size(), digits, size, samples);
    }

    @Override
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (LayerFamily family : LayerFamilies.all()) {
            for (Form form : family.forms()) {
                for (Spectrum spectrum : spectra()) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("layer", family.name());
                    c.put("form", form.label());
                    c.put("spectrum", spectrum.label());
                    cells.add(new Cell(cells.size(), c));
                }
            }
        }
        return cells;
    }

    @Override
    public List<String> columns() {
        return List.of("layer", "form", "spectrum", "sample", "precision", "error", "outcome");
    }

    @Override
    public List<Map<String, Object>> run(Cell cell, long seed) {
        LayerFamily family = LayerFamilies.all().stream().filter(f -> f.name().equals(cell.text("layer"))).findFirst()
                .orElseThrow();
        Form form = Form.valueOf(cell.text("form").toUpperCase(Locale.ROOT));
        Spectrum spectrum = spectra().stream().filter(s -> s.label().equals(cell.text("spectrum"))).findFirst()
                .orElseThrow();
        FieldOps<Dfp> reference = HighPrecision.ops(digits);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            long sampleSeed = seed * 31 + s;
            for (String precision : PRECISIONS) {
                EjmlOps input = precision.equals("double") ? EjmlOps.DOUBLE : EjmlOps.FLOAT;
                EjmlOps compute = precision.equals("float") ? EjmlOps.FLOAT : EjmlOps.DOUBLE;
                AccuracyCheck.Measurement m = AccuracyCheck.measure(family, form, spectrum, input, compute, sampleSeed,
                        reference);
                Map<String, Object> row = new LinkedHashMap<>(cell.parameters());
                row.put("sample", s);
                row.put("precision", precision);
                row.put("error", m.error());
                row.put("outcome", m.outcome().name().toLowerCase(Locale.ROOT));
                rows.add(row);
            }
        }
        return rows;
    }

    /** The error distribution of some rows as numbers for the summary, and as a row of the table. */
    private static Map<String, Object> distribution(List<Map<String, Object>> rows, String spectrum, String precision,
            List<List<String>> table) {
        var stats = Rows.stats(rows, "error");
        long refused = rows.stream().filter(r -> Rows.text(r, "outcome").equals("refused")).count();
        double median = stats.getN() == 0 ? Double.NaN : stats.getPercentile(50);
        double p90 = stats.getN() == 0 ? Double.NaN : stats.getPercentile(90);
        double max = stats.getN() == 0 ? Double.NaN : stats.getMax();
        table.add(List.of(spectrum, precision, Long.toString(stats.getN()), Rows.format(median), Rows.format(p90),
                Rows.format(max), Long.toString(refused)));
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("measured", stats.getN());
        n.put("median_error", Rows.finiteOrNull(median));
        n.put("p90_error", Rows.finiteOrNull(p90));
        n.put("max_error", Rows.finiteOrNull(max));
        n.put("refused", refused);
        return n;
    }

    private static double medianError(List<Map<String, Object>> rows, String precision) {
        return Rows.median(Rows.where(rows, r -> Rows.text(r, "precision").equals(precision)), "error");
    }

    /** float error / double error, input by input, where both were measured and double's is positive. */
    private static List<Map<String, Object>> ratios(List<Map<String, Object>> rows, String over, String under) {
        List<Map<String, Object>> out = new ArrayList<>();
        Rows.group(rows, r -> Rows.text(r, "cell") + "|" + Rows.text(r, "sample")).values().forEach(group -> {
            double a = Double.NaN;
            double b = Double.NaN;
            for (Map<String, Object> r : group) {
                if (Rows.text(r, "precision").equals(over)) {
                    a = Rows.number(r, "error");
                } else if (Rows.text(r, "precision").equals(under)) {
                    b = Rows.number(r, "error");
                }
            }
            if (Double.isFinite(a) && Double.isFinite(b) && b > 0) {
                Map<String, Object> ratio = new LinkedHashMap<>(group.get(0));
                ratio.put("ratio", a / b);
                ratio.put(over, a);
                ratio.put(under, b);
                out.add(ratio);
            }
        });
        return out;
    }

    @Override
    public StudySummary summarize(List<Map<String, Object>> rows) {
        List<List<String>> table = new ArrayList<>();
        Map<String, Object> numbers = new LinkedHashMap<>();
        for (String precision : PRECISIONS) {
            List<Map<String, Object>> p = Rows.where(rows, r -> Rows.text(r, "precision").equals(precision));
            numbers.put(precision, distribution(p, "all spectra", precision, table));
        }
        Map<String, Object> bySpectrum = new LinkedHashMap<>();
        Rows.group(rows, r -> Rows.text(r, "spectrum")).forEach((spectrum, in) -> {
            Map<String, Object> n = new LinkedHashMap<>();
            for (String precision : PRECISIONS) {
                n.put(precision, distribution(Rows.where(in, r -> Rows.text(r, "precision").equals(precision)),
                        spectrum, precision, table));
            }
            n.put("median_ratio_float_over_double", Rows.median(ratios(in, "float", "double"), "ratio"));
            bySpectrum.put(spectrum, n);
        });
        numbers.put("by_spectrum", bySpectrum);
        List<Map<String, Object>> floatOverDouble = ratios(rows, "float", "double");
        List<Map<String, Object>> mixedOverDouble = ratios(rows, "mixed", "double");
        double ratio = Rows.median(floatOverDouble, "ratio");
        double mixedRatio = Rows.median(mixedOverDouble, "ratio");
        Map<String, Object> byLayer = new LinkedHashMap<>();
        Rows.group(floatOverDouble, r -> Rows.text(r, "layer") + "/" + Rows.text(r, "form"))
                .forEach((layer, group) -> byLayer.put(layer, Rows.median(group, "ratio")));
        numbers.put("median_ratio_float_over_double", ratio);
        numbers.put("median_ratio_mixed_over_double", mixedRatio);
        numbers.put("median_ratio_float_over_double_by_layer", byLayer);
        long usableFloat = Rows.where(rows, r -> Rows.text(r, "precision").equals("float")
                && Rows.number(r, "error") <= 1e-2).size();
        long measuredFloat = Rows.where(rows, r -> Rows.text(r, "precision").equals("float")
                && Double.isFinite(Rows.number(r, "error"))).size();
        String verdict = String.format(Locale.ROOT, "%s. Float gradients are %s times less accurate than double"
                + " ones (median over every layer, spectrum and input; the ratio of the two machine epsilons is"
                + " %.1e), with median error %s against %s; %d of %d float gradients are off by more than 1e-2."
                + " Mixed precision — float around a double layer — keeps %s of the float error (median mixed/double"
                + " ratio %s): the structured layer in double no longer amplifies the rounding, which is what remains.",
                ratio >= SIGNIFICANT ? "Supported" : "Not supported", Rows.format(ratio),
                (double) Math.ulp(1f) / Math.ulp(1.0), Rows.format(medianError(rows, "float")), Rows.format(medianError(rows, "double")),
                measuredFloat - usableFloat, measuredFloat,
                ratio > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * mixedRatio / ratio) : "-", Rows.format(mixedRatio));
        return new StudySummary("Paper §7.1: computing the structured layers in single precision gives a significantly"
                + " less accurate gradient, so they ran them in double.", verdict,
                List.of("spectrum", "precision", "measured", "median error", "90th pct", "max", "refused"), table,
                numbers);
    }

    @Override
    public List<Chart> charts(List<Map<String, Object>> rows) {
        List<Series> cdf = new ArrayList<>();
        for (String precision : PRECISIONS) {
            double[] errors = Rows.values(Rows.where(rows, r -> Rows.text(r, "precision").equals(precision)), "error");
            Arrays.sort(errors);
            double[] fraction = new double[errors.length];
            for (int i = 0; i < errors.length; i++) {
                fraction[i] = (i + 1.0) / errors.length;
            }
            cdf.add(new Series(precision, errors, fraction, Series.Style.LINE));
        }
        List<Map<String, Object>> pairs = ratios(rows, "float", "double");
        return List.of(
                new Chart("error-distribution", new ChartSpec("Distribution of gradient errors by precision",
                        "relative gradient error", "fraction of gradients with smaller error", true, false, cdf,
                        List.of())),
                new Chart("float-vs-double", new ChartSpec("Float against double, input by input",
                        "relative error in double", "relative error in float", true, true,
                        List.of(new Series("gradients", pairs.stream().mapToDouble(r -> Rows.number(r, "double"))
                                .toArray(), pairs.stream().mapToDouble(r -> Rows.number(r, "float")).toArray(), Series.Style.MARKERS)),
                        List.of(new Guide("float = double", 1, 1e-16, 1e-16),
                                new Guide("float = double × ε_f/ε_d", 1, 1e-16, 1e-16 * Math.ulp(1f) / Math.ulp(1.0))))));
    }
}
