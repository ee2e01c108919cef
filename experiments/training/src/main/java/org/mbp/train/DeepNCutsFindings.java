package org.mbp.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mbp.reports.Guide;
import org.mbp.run.Chart;
import org.mbp.run.ClaimVerdict.Ruling;
import org.mbp.run.ClaimVerdict;

/**
 * What the Table-2 experiment (§7.2) found: the epochs of DeepNCuts trained with {@code loss}, and
 * the covering of the two baselines by name. The learned figures are the last epoch's; the verdict
 * on the claim (a margin of {@value #TARGET_MARGIN} in ODS over both baselines), the table, the
 * numbers, {@code results.csv} and the charts all derive from them.
 */
public record DeepNCutsFindings(SegmentationTask.Loss loss, List<Epoch> history,
        Map<String, CoveringFigures> baselines) implements Findings {

    /** The margin over both baselines the issue asks for (the paper's margins are 0.04–0.08). */
    public static final double TARGET_MARGIN = 0.04;

    /**
     * Copies the history and baselines.
     *
     * @param loss the loss
     * @param history the history
     * @param baselines the baselines
     */
    public DeepNCutsFindings {
        history = List.copyOf(history);
        baselines = Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
    }

    /**
     * The last epoch.
     *
     * @return the last epoch
     */
    public Epoch last() {
        return history.get(history.size() - 1);
    }

    /**
     * The covering of the learned features after the last epoch.
     *
     * @return the covering of the learned features after the last epoch
     */
    public CoveringFigures learned() {
        return CoveringFigures.of(last(), SegmentationTask.EVALUATION);
    }

    /**
     * The stronger baseline's ODS.
     *
     * @return the stronger baseline's ODS
     */
    public double strongestBaseline() {
        return baselines.values().stream().mapToDouble(CoveringFigures::ods).max().orElseThrow();
    }

    /**
     * The learned ODS above the stronger baseline's.
     *
     * @return the learned ODS above the stronger baseline's
     */
    public double margin() {
        return learned().ods() - strongestBaseline();
    }

    @Override
    public String claim() {
        return String.format(Locale.ROOT, "Learned DeepNCuts features give an ODS covering at least %.2f above both"
                + " baselines.", TARGET_MARGIN);
    }

    @Override
    public ClaimVerdict verdict() {
        return new ClaimVerdict(margin() >= TARGET_MARGIN ? Ruling.SUPPORTED : Ruling.NOT_MET, String.format(Locale.ROOT, "ODS %.4f vs the best"
                + " baseline's %.4f (margin %+.4f, target %+.2f).", learned().ods(), strongestBaseline(), margin(),
                TARGET_MARGIN));
    }

    @Override
    public List<String> header() {
        return List.of("method", "ODS avg", "OIS avg", "Best avg", "ODS best GT", "OIS best GT", "Best best GT");
    }

    /** The baselines, then DeepNCuts after its last epoch. */
    @Override
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        baselines.forEach((name, figures) -> rows.add(row(name, figures)));
        rows.add(row("DeepNCuts, " + loss.name() + " (epoch " + last().epoch() + ")", learned()));
        return rows;
    }

    private static List<String> row(String name, CoveringFigures figures) {
        List<String> row = new ArrayList<>(List.of(name));
        for (double v : figures.values()) {
            row.add(String.format(Locale.ROOT, "%.4f", v));
        }
        return row;
    }

    @Override
    public Map<String, Object> numbers() {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("learned_ods", learned().ods());
        baselines.forEach((name, figures) -> numbers.put(name, figures.ods()));
        numbers.put("margin_over_best_baseline", margin());
        return numbers;
    }

    @Override
    public String resultsCsv() {
        return Epoch.csv(Epoch.rows(history));
    }

    @Override
    public List<Chart> charts(int batch) {
        Map<String, List<Epoch>> runs = Map.of("DeepNCuts (" + SegmentationTask.name(loss) + ")", history);
        List<Guide> guides = new ArrayList<>();
        baselines.forEach((name, figures) -> guides.add(Guide.horizontal(name + " (ODS)", figures.ods())));
        List<String> averaged = CoveringFigures.COLUMNS.subList(0, 3).stream()
                .map(c -> SegmentationTask.EVALUATION + c).toList();
        return TrainingCharts.drawn(
                TrainingCharts.chart("covering", "Segmentation covering of the test scenes (average over annotators)",
                        "covering", false, runs, averaged, guides),
                TrainingCharts.chart("objective", "Training objective J (mean over the epoch)", "J", true, runs,
                        List.of(Epoch.TRAIN_LOSS)),
                TrainingCharts.chart("rank", "Numerical rank of W = FFᵀ (mean) and segments in E (mean)", "rank",
                        false, runs, List.of("train_rank_W", "train_segments")),
                TrainingCharts.chart("features-gradient", "Gradient norm reaching the features, ‖∂J/∂F‖",
                        "mean norm", true, runs, List.of("train_features_grad_norm")),
                TrainingCharts.chart("batch-time", "Time per training batch of " + batch, "milliseconds", false, runs,
                        List.of(Epoch.MS_PER_BATCH)));
    }

    @Override
    public double trainingSeconds() {
        return history.stream().mapToDouble(Epoch::trainSeconds).sum();
    }
}
