package org.mbp.study.precision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mbp.backend.Precision;
import org.mbp.reports.ChartSpec;
import org.mbp.reports.Guide;
import org.mbp.reports.Series;
import org.mbp.run.Chart;
import org.mbp.run.ClaimVerdict.Ruling;
import org.mbp.run.ClaimVerdict;
import org.mbp.run.Labelled;
import org.mbp.run.Rows;
import org.mbp.study.Finding;
import org.mbp.study.KeyNumbers;

/**
 * What the precision study found: the error distribution of each precision over all spectra and
 * on each, the median float/double and mixed/double error ratios (overall and by layer), how many
 * float gradients are off, and the rows and comparisons the charts plot.
 *
 * @param floatOverDouble        the float and double errors of each input where both were measured
 * @param overall                the error distribution of each precision over every spectrum
 * @param medianFloatOverDouble  the median float/double error ratio
 * @param medianMixedOverDouble  the median mixed/double error ratio
 * @param floatOverDoubleByLayer the median float/double error ratio of each layer and form
 * @param floatMeasured          the float gradients measured
 * @param floatOff               those off by more than {@value PrecisionClaim#OFF}
 */
public record PrecisionFinding(List<PrecisionRow> rows, List<PrecisionComparison> floatOverDouble,
        Map<Arithmetic, ErrorDistribution> overall, List<SpectrumErrors> bySpectrum, double medianFloatOverDouble,
        double medianMixedOverDouble, Map<String, Double> floatOverDoubleByLayer, long floatMeasured, long floatOff)
        implements Finding {

    /**
     * The median float/double error ratio from which "significantly less accurate" counts as
     * supported: two orders of magnitude, far above the scatter of either precision's error.
     */
    public static final double SIGNIFICANT = 100;
    /** ε_float / ε_double, the ratio rounding alone gives. */
    private static final double EPSILON_RATIO = Precision.FLOAT.epsilon() / Precision.DOUBLE.epsilon();

    /**
     * The ruling on the claim.
     *
     * @return the ruling on the claim
     */
    public Ruling ruling() {
        return medianFloatOverDouble >= SIGNIFICANT ? Ruling.SUPPORTED : Ruling.NOT_SUPPORTED;
    }

    @Override
    public ClaimVerdict verdict() {
        return new ClaimVerdict(ruling(), floatSentence() + " " + mixedSentence());
    }

    private String floatSentence() {
        return String.format(Locale.ROOT, "Float gradients are %s times less accurate than double ones (median over"
                + " every layer, spectrum and input; the ratio of the two machine epsilons is %.1e), with median error"
                + " %s against %s; %d of %d float gradients are off by more than 1e-2.",
                Rows.format(medianFloatOverDouble), EPSILON_RATIO, Rows.format(overall.get(Arithmetic.FLOAT).median()),
                Rows.format(overall.get(Arithmetic.DOUBLE).median()), floatOff, floatMeasured);
    }

    private String mixedSentence() {
        return "Mixed precision — float around a double layer — keeps " + mixedShareOfFloat()
                + " of the float error (median mixed/double ratio " + Rows.format(medianMixedOverDouble)
                + "): the structured layer in double no longer amplifies the rounding, which is what remains.";
    }

    /** The mixed/double ratio as a share of the float/double one. */
    private String mixedShareOfFloat() {
        return medianFloatOverDouble > 0
                ? String.format(Locale.ROOT, "%.0f%%", 100 * medianMixedOverDouble / medianFloatOverDouble) : "-";
    }

    @Override
    public KeyNumbers keyNumbers() {
        List<List<String>> table = new ArrayList<>();
        overall.forEach((precision, errors) -> table.add(errors.tableRow("all spectra", precision)));
        for (SpectrumErrors s : bySpectrum) {
            s.byPrecision().forEach((precision, errors) -> table.add(errors.tableRow(s.spectrum(), precision)));
        }
        return new KeyNumbers(List.of("spectrum", "precision", "measured", "median error", "90th pct", "max",
                "refused"), table);
    }

    @Override
    public Map<String, Object> numbers() {
        Map<String, Object> numbers = new LinkedHashMap<>();
        overall.forEach((precision, errors) -> numbers.put(Labelled.of(precision), errors.numbers()));
        Map<String, Object> spectra = new LinkedHashMap<>();
        bySpectrum.forEach(s -> spectra.put(s.spectrum(), s.numbers()));
        numbers.put("by_spectrum", spectra);
        numbers.put("median_ratio_float_over_double", medianFloatOverDouble);
        numbers.put("median_ratio_mixed_over_double", medianMixedOverDouble);
        numbers.put("median_ratio_float_over_double_by_layer", floatOverDoubleByLayer);
        return numbers;
    }

    @Override
    public List<Chart> charts() {
        List<Series> cdf = new ArrayList<>();
        for (Arithmetic precision : Arithmetic.values()) {
            double[] errors = Rows.values(PrecisionClaim.of(rows, precision), PrecisionRow::error);
            Arrays.sort(errors);
            double[] fraction = new double[errors.length];
            for (int i = 0; i < errors.length; i++) {
                fraction[i] = (i + 1.0) / errors.length;
            }
            cdf.add(new Series(Labelled.of(precision), errors, fraction, Series.Style.LINE));
        }
        return List.of(
                new Chart("error-distribution", new ChartSpec("Distribution of gradient errors by precision",
                        "relative gradient error", "fraction of gradients with smaller error", true, false, cdf,
                        List.of())),
                new Chart("float-vs-double", new ChartSpec("Float against double, input by input",
                        "relative error in double", "relative error in float", true, true,
                        List.of(new Series("gradients", Rows.column(floatOverDouble, PrecisionComparison::under),
                                Rows.column(floatOverDouble, PrecisionComparison::over), Series.Style.MARKERS)),
                        List.of(new Guide("float = double", 1, 1e-16, 1e-16),
                                new Guide("float = double × ε_f/ε_d", 1, 1e-16, 1e-16 * EPSILON_RATIO)))));
    }
}
