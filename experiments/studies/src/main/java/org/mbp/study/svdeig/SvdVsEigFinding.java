package org.mbp.study.svdeig;

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
import org.mbp.run.Labelled;
import org.mbp.run.Rows;
import org.mbp.study.BoundCheck;
import org.mbp.study.Finding;
import org.mbp.study.KeyNumbers;

/**
 * What svd-vs-eig found: the errors by regime, the gap-stable form's largest error, the inputs a
 * route refused, the error percentiles per cell, the predicted error bounds against the measured
 * errors, and the rows and route comparisons the charts plot.
 *
 * @param maxErrorStable the gap-stable form's largest error over the grid
 * @param refused        the gradients a route refused (a degenerate spectrum)
 * @param bound          how the predicted error bounds compare with the measured errors
 */
public record SvdVsEigFinding(List<SvdVsEigRow> rows, List<RouteComparison> comparisons, List<RegimeErrors> regimes,
        double maxErrorStable, long refused, List<CellErrors> perCell, BoundCheck bound) implements Finding {

    /**
     * The EIG/SVD error ratio from which the SVD route counts as the more accurate in a regime:
     * an order of magnitude.
     */
    static final double MARKED_RATIO = 10;
    private static final double EPS = Math.ulp(1.0);

    /**
     * The errors in a regime.
     *
     * @param regime the regime
     * @return the errors in a regime
     */
    public RegimeErrors in(Regime regime) {
        return regimes.get(regime.ordinal());
    }

    /**
     * Supported where the EIG route is an order of magnitude worse on ill-conditioned or wide F,
     * fully so when the SVD route is also the better one on at least half of all inputs.
     *
     * @return supported where the EIG route is an order of magnitude worse on ill-conditioned or
     *         wide F, fully so when the SVD route is also the better one on at least half of all inputs
     */
    public Ruling ruling() {
        if (in(Regime.TALL_ILL_CONDITIONED).ratio() >= MARKED_RATIO || in(Regime.WIDE).ratio() >= MARKED_RATIO) {
            return in(Regime.ALL).shareSvdBetter() >= 0.5 ? Ruling.SUPPORTED : Ruling.SUPPORTED_IN_PART;
        }
        return Ruling.NOT_SUPPORTED;
    }

    @Override
    public ClaimVerdict verdict() {
        return new ClaimVerdict(ruling(), String.join(" ", shareSentence(), ratioSentence(), stableSentence(),
                bound.sentence()));
    }

    private String shareSentence() {
        return String.format(Locale.ROOT, "The SVD route is more accurate than the EIG route on %.0f%% of the inputs"
                + " where both return a gradient.", 100 * in(Regime.ALL).shareSvdBetter());
    }

    private String ratioSentence() {
        return "Where FᵀF is ill-conditioned (κ ≥ 1e9, ε ≤ 1e-6) the EIG route's error is "
                + Rows.format(in(Regime.TALL_ILL_CONDITIONED).ratio()) + " times the SVD route's (median), since EIG"
                + " resolves small eigenvalues only to ε·‖Z‖; for wide F it is " + Rows.format(in(Regime.WIDE).ratio())
                + " times, from the tie at ε; for clustered eigenvalues (g ≤ 1e-8) the ratio is "
                + Rows.format(in(Regime.TALL_CLUSTERED).ratio()) + ": both divide by the gap and lose accuracy like"
                + " ε/gap.";
    }

    private String stableSentence() {
        return "The gap-stable form's largest error over the whole grid is " + Rows.format(maxErrorStable) + ".";
    }

    @Override
    public KeyNumbers keyNumbers() {
        return new KeyNumbers(List.of("regime", "inputs", "median err SVD", "median err EIG", "median err stable",
                "median EIG/SVD", "SVD better"), regimes.stream().map(RegimeErrors::tableRow).toList());
    }

    @Override
    public Map<String, Object> numbers() {
        Map<String, Object> numbers = new LinkedHashMap<>();
        regimes.forEach(r -> numbers.put(r.regime().label(), r.numbers()));
        numbers.put("max_error_stable", maxErrorStable);
        numbers.put("refused", refused);
        numbers.put("per_cell", perCell.stream().map(CellErrors::numbers).toList());
        numbers.put("error_bound", bound.numbers());
        return numbers;
    }

    @Override
    public List<Chart> charts() {
        List<Series> byGap = new ArrayList<>();
        List<Series> byCondition = new ArrayList<>();
        List<SvdVsEigRow> conditioned = rows.stream().filter(r -> r.point().tall() && r.point().epsilon() == 0
                && r.point().gap() >= 1e-4).toList();
        for (Route route : Route.values()) {
            List<SvdVsEigRow> m = SvdVsEigClaim.of(rows, route);
            byGap.add(new Series(Labelled.of(route), Rows.column(m, SvdVsEigRow::minRelativeGap),
                    Rows.column(m, SvdVsEigRow::error), Series.Style.MARKERS));
            List<SvdVsEigRow> c = SvdVsEigClaim.of(conditioned, route);
            byCondition.add(new Series(Labelled.of(route), Rows.column(c, SvdVsEigRow::condition),
                    Rows.column(c, SvdVsEigRow::error), Series.Style.MARKERS));
        }
        Map<String, List<SvdVsEigRow>> byRoute = new LinkedHashMap<>();
        for (Route route : Route.values()) {
            byRoute.put(Labelled.of(route), SvdVsEigClaim.of(rows, route));
        }
        return List.of(
                new Chart("error-vs-gap", new ChartSpec("Gradient error against the smallest relative eigengap",
                        "smallest relative eigengap of FᵀF + εI", "relative error of ∂L/∂F", true, true, byGap,
                        List.of(new Guide("ε/gap (slope −1)", -1, 1, EPS)))),
                new Chart("error-vs-condition", new ChartSpec("Gradient error against conditioning (tall F, ε = 0)",
                        "condition number of FᵀF", "relative error of ∂L/∂F", true, true, byCondition,
                        List.of(new Guide("ε·κ", 1, 1, EPS), new Guide("ε·√κ", 0.5, 1, EPS)))),
                new Chart("eig-vs-svd", new ChartSpec("EIG route against SVD route, input by input",
                        "relative error, DeepO₂P-SVD", "relative error, DeepO₂P-EIG", true, true,
                        List.of(new Series("inputs", Rows.column(comparisons, RouteComparison::svd),
                                Rows.column(comparisons, RouteComparison::eig), Series.Style.MARKERS)),
                        List.of(new Guide("equal accuracy", 1, EPS, EPS)))),
                BoundCheck.chart(byRoute, SvdVsEigRow::errorBound, SvdVsEigRow::error));
    }
}
