package org.mbp.study.gap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mbp.reports.ChartSpec;
import org.mbp.reports.Guide;
import org.mbp.reports.Series;
import org.mbp.run.Chart;
import org.mbp.run.ClaimVerdict.Ruling;
import org.mbp.run.ClaimVerdict;
import org.mbp.run.Rows;
import org.mbp.spectral.GapKernel;
import org.mbp.study.BoundCheck;
import org.mbp.study.Finding;
import org.mbp.study.Fits;
import org.mbp.study.KeyNumbers;

/**
 * What the gap study found: the slopes of max|K̃| and of the paper's error against the gap, the
 * eigenvector loss's error and every log-loss method's bias and error at the marked gaps, the
 * divided differences' largest error, and the rows the charts plot.
 *
 * @param smallest                   the smallest gap of the grid
 * @param middle                     the gap of the grid nearest 1e-8, where the biases are compared
 * @param maxAbsKSlope               the slope of max|K̃| against the gap (−1 expected)
 * @param eigenvectorSlope           the slope of the paper's eigenvector-loss error against the gap
 * @param logSlope                   the slope of the paper's log-loss error against the gap
 * @param eigenvectorErrors          the paper's eigenvector-loss error at the marked gaps
 * @param logLoss                    every log-loss method at the marked gaps
 * @param dividedDifferencesMaxError the stable form's largest error over all gaps
 * @param taylor                     the Taylor kernel of degree {@code taylorDegree}
 * @param bound                      how the exact methods' predicted error bounds compare with their
 *                                   measured errors
 */
public record GapFinding(List<GapRow> rows, double smallest, double middle, Fits.Slope maxAbsKSlope,
        Fits.Slope eigenvectorSlope, Fits.Slope logSlope, List<GapErrors> eigenvectorErrors, List<KernelErrors> logLoss,
        double dividedDifferencesMaxError, int taylorDegree, KernelErrors taylor, KernelErrors clamped,
        KernelErrors lorentzian, BoundCheck bound) implements Finding {

    /** The divided differences' largest error that still counts as rounding. */
    static final double ROUNDING = 1e-10;
    private static final double EPS = Math.ulp(1.0);

    /**
     * Confirmed where every slope is −1 within {@link GapClaim#SLOPE_TOLERANCE} and the divided
     * differences stay at rounding.
     *
     * @return confirmed where every slope is −1 within {@link GapClaim#SLOPE_TOLERANCE} and the
     *         divided differences stay at rounding
     */
    public Ruling ruling() {
        return maxAbsKSlope.near(-1, GapClaim.SLOPE_TOLERANCE) && eigenvectorSlope.near(-1, GapClaim.SLOPE_TOLERANCE)
                && logSlope.near(-1, GapClaim.SLOPE_TOLERANCE) && dividedDifferencesMaxError < ROUNDING
                ? Ruling.CONFIRMED : Ruling.NOT_CONFIRMED;
    }

    @Override
    public ClaimVerdict verdict() {
        return new ClaimVerdict(ruling(), String.join(" ", kSentence(), paperSentence(), biasSentence(), stableSentence(),
                bound.sentence()));
    }

    private String kSentence() {
        return "max|K̃| grows as gap^" + maxAbsKSlope.text() + " (expected −1).";
    }

    private String paperSentence() {
        return String.format(Locale.ROOT, "The paper's form loses accuracy like ε/gap: fitted slopes %s for the"
                + " eigenvector loss and %s for the log loss (95%% intervals), %s relative error at g = %.0e.",
                eigenvectorSlope.text(), logSlope.text(), Rows.format(paper().at(smallest).error()), smallest);
    }

    private String biasSentence() {
        return String.format(Locale.ROOT, "The stabilised kernels stay finite but are biased: at g = %.0e the Taylor"
                + " kernel (degree %d) is off by %s, the clamped by %s, the Lorentzian by %s — biases that do not"
                + " shrink with the gap.", middle, taylorDegree, Rows.format(taylor.at(middle).bias()),
                Rows.format(clamped.at(middle).bias()), Rows.format(lorentzian.at(middle).bias()));
    }

    private String stableSentence() {
        return "The divided differences have no bias and their largest error over all gaps is "
                + Rows.format(dividedDifferencesMaxError) + ".";
    }

    /** The paper's K̃ on the log loss. */
    private KernelErrors paper() {
        return logLoss.stream().filter(k -> k.method().equals(GapKernel.paper().label())).findFirst().orElseThrow();
    }

    @Override
    public KeyNumbers keyNumbers() {
        List<String> header = new ArrayList<>(List.of("method"));
        for (GapErrors e : eigenvectorErrors) {
            header.add(String.format(Locale.ROOT, "bias g=%.0e", e.gap()));
            header.add(String.format(Locale.ROOT, "error g=%.0e", e.gap()));
        }
        header.add("error slope");
        List<List<String>> table = new ArrayList<>();
        List<String> vectorRow = new ArrayList<>(List.of("paper, ⟨Ū,U⟩ loss"));
        for (GapErrors e : eigenvectorErrors) {
            vectorRow.add("0");
            vectorRow.add(Rows.format(e.error()));
        }
        vectorRow.add(eigenvectorSlope.text());
        table.add(vectorRow);
        logLoss.forEach(k -> table.add(k.tableRow()));
        return new KeyNumbers(header, table);
    }

    @Override
    public Map<String, Object> numbers() {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("max_abs_k_slope", maxAbsKSlope.numbers());
        numbers.put("paper_eigenvector_error_slope", eigenvectorSlope.numbers());
        numbers.put("paper_log_error_slope", logSlope.numbers());
        Map<String, Object> perMethod = new LinkedHashMap<>();
        logLoss.forEach(k -> perMethod.put(k.method(), k.numbers()));
        numbers.put("log_loss", perMethod);
        numbers.put("divided_differences_max_error", dividedDifferencesMaxError);
        numbers.put("error_bound", bound.numbers());
        return numbers;
    }

    @Override
    public List<Chart> charts() {
        List<GapRow> vectors = GapClaim.of(rows, Loss.EIGENVECTORS);
        List<GapRow> log = GapClaim.of(rows, Loss.LOG);
        List<GapRow> paperLog = GapClaim.by(log, GapKernel.paper().label());
        List<Series> paper = List.of(
                new Series("eigenvector loss", Rows.column(vectors, GapRow::minRelativeGap),
                        Rows.column(vectors, GapRow::error), Series.Style.MARKERS),
                new Series("log loss", Rows.column(paperLog, GapRow::minRelativeGap),
                        Rows.column(paperLog, GapRow::error), Series.Style.MARKERS));
        double widest = rows.stream().mapToDouble(r -> r.point().gap()).max().orElseThrow();
        List<Series> errors = new ArrayList<>();
        List<Series> biases = new ArrayList<>();
        for (KernelErrors kernel : logLoss) {
            List<GapRow> m = GapClaim.by(log, kernel.method());
            double[][] error = Rows.medians(m, r -> r.point().gap(), GapRow::error);
            errors.add(new Series(kernel.method(), error[0], error[1], Series.Style.LINE));
            if (!kernel.method().equals(GapKernel.paper().label())
                    && !kernel.method().equals(GapGrid.DIVIDED_DIFFERENCES)) {
                double[][] bias = Rows.medians(m, r -> r.point().gap(), GapRow::bias);
                biases.add(new Series(kernel.method(), bias[0], bias[1], Series.Style.LINE));
            }
        }
        return List.of(
                new Chart("k-vs-gap", new ChartSpec("Largest |K̃_ij| against the gap", "smallest relative gap",
                        "max |K̃_ij|", true, true, List.of(new Series("max |K̃|", Rows.column(vectors,
                                GapRow::minRelativeGap), Rows.column(vectors, GapRow::maxAbsK), Series.Style.MARKERS)),
                        List.of(new Guide("slope −1", -1, widest,
                                Rows.median(GapClaim.at(vectors, widest), GapRow::maxAbsK))))),
                new Chart("paper-error-vs-gap", new ChartSpec("The paper's EIG derivative against the gap",
                        "smallest relative gap", "relative gradient error", true, true, paper,
                        List.of(new Guide("ε/gap", -1, 1, EPS)))),
                new Chart("stabilised-error", new ChartSpec("Error in double of each K̃ variant (log loss)",
                        "relative gap g", "relative gradient error", true, true, errors, List.of())),
                new Chart("stabilised-bias", new ChartSpec("Bias of the stabilised kernels (log loss)",
                        "relative gap g", "relative bias", true, true, biases, List.of())),
                BoundCheck.chart(exactMethods(vectors, paperLog, GapClaim.by(log, GapGrid.DIVIDED_DIFFERENCES)),
                        GapRow::errorBound, GapRow::error));
    }

    /** The methods whose error the bound describes, in chart order. */
    private static Map<String, List<GapRow>> exactMethods(List<GapRow> vectors, List<GapRow> paperLog,
            List<GapRow> dividedDifferences) {
        Map<String, List<GapRow>> methods = new LinkedHashMap<>();
        methods.put("paper, eigenvector loss", vectors);
        methods.put("paper, log loss", paperLog);
        methods.put("divided differences, log loss", dividedDifferences);
        return methods;
    }
}
