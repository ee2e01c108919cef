package org.mbp.study.rank;

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
import org.mbp.study.Finding;
import org.mbp.study.KeyNumbers;

/**
 * What the rank study found: the premises and violations of Lemma 2, its corollary and the rank
 * bound over every iterate, where each setting's runs ended, how the runs from, below and above
 * the target rank fared, and the iterates the charts plot.
 *
 * @param segments             the target rank k
 * @param premises             the iterates with ‖Π − Π_target‖₂ &lt; 1
 * @param lemma2Violations     those of them with unequal ranks
 * @param belowHalf            the iterates with J &lt; ½
 * @param corollaryViolations  those of them with unequal ranks
 * @param boundViolations      the iterates with J &lt; ½ |rank − k|
 * @param fromTargetKept       runs started at rank k that ended there
 * @param fromBelowReached     runs started below k that ended at k
 * @param fromAboveReduced     runs started above k that ended at a lower rank
 */
public record RankFinding(List<RankRow> rows, List<Loss> losses, List<Integer> initialRanks, int segments,
        long premises, long lemma2Violations, long belowHalf, long corollaryViolations, long boundViolations,
        List<SettingOutcome> settings, RunCount fromTargetKept, RunCount fromBelowReached, RunCount fromAboveReduced)
        implements Finding {

    /**
     * The ruling on the claim.
     *
     * @return the ruling on the claim
     */
    public Ruling ruling() {
        return lemma2Violations == 0 && corollaryViolations == 0 && boundViolations == 0 ? Ruling.CONFIRMED
                : Ruling.VIOLATED;
    }

    @Override
    public ClaimVerdict verdict() {
        return new ClaimVerdict(ruling(), String.join("; ", lemmaClause(), corollaryClause(), boundClause()) + ". "
                + runsSentence());
    }

    private String lemmaClause() {
        return "Lemma 2 holds on all " + rows.size() + " iterates (" + premises + " with ‖Π − Π_target‖₂ < 1, "
                + lemma2Violations + " violations)";
    }

    private String corollaryClause() {
        return "the corollary J < ½ ⇒ equal ranks on all " + belowHalf + " iterates with J < ½ (" + corollaryViolations
                + " violations)";
    }

    private String boundClause() {
        return "J ≥ ½|rank − k| was never broken (" + boundViolations + " violations)";
    }

    private String runsSentence() {
        return "Runs started at rank k kept rank k in " + fromTargetKept + "; runs started below k reached it in "
                + fromBelowReached + " — the row space of F cannot grow, since any loss of W = FFᵀ has gradient S·F —"
                + " so J stays at least ½(k − r₀); runs started above k reduced their numerical rank in "
                + fromAboveReduced + ".";
    }

    @Override
    public KeyNumbers keyNumbers() {
        return new KeyNumbers(List.of("loss", "initial rank", "runs", "ends at target rank", "median final rank",
                "median final J", "median final ‖Π − Π_t‖₂"),
                settings.stream().map(SettingOutcome::tableRow).toList());
    }

    @Override
    public Map<String, Object> numbers() {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("iterates", rows.size());
        numbers.put("lemma2_premises", premises);
        numbers.put("lemma2_violations", lemma2Violations);
        numbers.put("iterates_with_j_below_half", belowHalf);
        numbers.put("corollary_violations", corollaryViolations);
        numbers.put("bound_violations", boundViolations);
        Map<String, Object> bySetting = new LinkedHashMap<>();
        settings.forEach(s -> bySetting.put(s.key(), s.numbers()));
        numbers.put("settings", bySetting);
        return numbers;
    }

    @Override
    public List<Chart> charts() {
        List<Chart> charts = new ArrayList<>();
        for (Loss loss : losses) {
            List<Series> j = new ArrayList<>();
            List<Series> rank = new ArrayList<>();
            List<Series> distance = new ArrayList<>();
            for (int r0 : initialRanks) {
                List<RankRow> these = rows.stream().filter(r -> r.point().loss() == loss
                        && r.point().initialRank() == r0).toList();
                String label = "initial rank " + r0;
                double[][] jm = Rows.medians(these, RankRow::iteration, RankRow::j);
                double[][] rm = Rows.medians(these, RankRow::iteration, RankRow::rank);
                double[][] dm = Rows.medians(these, RankRow::iteration, RankRow::distance);
                j.add(new Series(label, jm[0], jm[1], Series.Style.LINE));
                rank.add(new Series(label, rm[0], rm[1], Series.Style.LINE));
                distance.add(new Series(label, dm[0], dm[1], Series.Style.LINE));
            }
            String file = Labelled.of(loss);
            String name = file.toUpperCase(Locale.ROOT);
            charts.add(new Chart(file + "-objective", new ChartSpec(name + " along gradient descent (median of runs)",
                    "iteration", name, false, true, j, List.of(Guide.horizontal("J = ½", 0.5)))));
            charts.add(new Chart(file + "-rank", new ChartSpec("Numerical rank of W under " + name
                    + " (median of runs)", "iteration", "rank of W", false, false, rank,
                    List.of(Guide.horizontal("target rank k", segments)))));
            charts.add(new Chart(file + "-distance", new ChartSpec("‖Π − Π_target‖₂ under " + name
                    + " (median of runs)", "iteration", "spectral-norm distance of the projectors", false, false,
                    distance, List.of(Guide.horizontal("Lemma 2 threshold", 1)))));
        }
        return charts;
    }
}
