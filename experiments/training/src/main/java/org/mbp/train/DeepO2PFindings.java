package org.mbp.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mbp.run.Chart;
import org.mbp.run.ClaimVerdict.Ruling;
import org.mbp.run.ClaimVerdict;
import org.mbp.run.Rows;

/**
 * What the Table-1 experiment (§7.1) found: the epochs of each network it trained, in training
 * order, tested on {@code testImages} Fashion-MNIST images. The verdict on the claim (DeepO₂P-FC
 * reaches {@value #TARGET_ACCURACY} on the full test set and beats GAP-FC), the table of test
 * errors, the numbers, {@code results.csv} and the charts all derive from them.
 */
public record DeepO2PFindings(List<VariantRun> runs, int testImages) implements Findings {

    /** The accuracy the issue asks of DeepO₂P-FC on the full test set. */
    public static final double TARGET_ACCURACY = 0.92;
    /** The full Fashion-MNIST test set, on which the target is set. */
    static final int FULL_TEST_SET = 10_000;
    /** The evaluation's accuracy column ({@link ClassificationTask#evaluate}). */
    static final String TEST_ACCURACY = "test_accuracy";

    /**
     * Copies the runs.
     *
     * @param runs run label → its epochs
     * @param testImages the test images
     */
    public DeepO2PFindings {
        runs = List.copyOf(runs);
    }

    /** One network's epochs. */
    public record VariantRun(ClassifierVariant variant, List<Epoch> history) {

        /**
         * Copies the history.
         *
         * @param variant the variant
         * @param history the history
         */
        public VariantRun {
            history = List.copyOf(history);
        }

        /**
         * The test accuracy after the last epoch.
         *
         * @return the test accuracy after the last epoch
         */
        public double testAccuracy() {
            return history.get(history.size() - 1).value(TEST_ACCURACY);
        }

        /**
         * The number of epochs run.
         *
         * @return the number of epochs run
         */
        public int epochs() {
            return history.size();
        }

        /**
         * The training time of all epochs.
         *
         * @return the training time of all epochs
         */
        public double trainSeconds() {
            return history.stream().mapToDouble(Epoch::trainSeconds).sum();
        }

        /** The median over the epochs of a column's finite values. */
        private double median(String column) {
            return Rows.median(Epoch.rows(history), column);
        }
    }

    /**
     * The run of a variant, if this experiment trained it.
     *
     * @param variant the variant
     * @return the run of a variant, if this experiment trained it
     */
    public Optional<VariantRun> run(ClassifierVariant variant) {
        return runs.stream().filter(r -> r.variant() == variant).findFirst();
    }

    @Override
    public String claim() {
        return String.format(Locale.ROOT, "DeepO2P-FC reaches at least %.0f%% test accuracy and beats its"
                + " first-order baseline (GAP-FC) under the same budget.", 100 * TARGET_ACCURACY);
    }

    /**
     * Supported when DeepO₂P-FC beats GAP-FC and reaches the target on the full test set; otherwise
     * the evidence says which part failed, and without both networks the claim is not assessed.
     */
    @Override
    public ClaimVerdict verdict() {
        Optional<VariantRun> o2p = run(ClassifierVariant.O2P_FC);
        Optional<VariantRun> gap = run(ClassifierVariant.GAP_FC);
        if (o2p.isEmpty() || gap.isEmpty()) {
            return new ClaimVerdict(Ruling.NOT_ASSESSED, "the claim compares DeepO2P-FC with GAP-FC, and this run"
                    + " trained " + runs.stream().map(r -> r.variant().id()).toList() + ".");
        }
        double accuracy = o2p.get().testAccuracy();
        double baseline = gap.get().testAccuracy();
        String comparison = String.format(Locale.ROOT, "DeepO2P-FC %.2f%% vs GAP-FC %.2f%% on %d test images",
                100 * accuracy, 100 * baseline, testImages);
        boolean beatsBaseline = accuracy > baseline;
        boolean fullTestSet = testImages >= FULL_TEST_SET;
        boolean reachesTarget = accuracy >= TARGET_ACCURACY;
        if (beatsBaseline && fullTestSet && reachesTarget) {
            return new ClaimVerdict(Ruling.SUPPORTED, comparison + ".");
        }
        String baselinePart = beatsBaseline ? "DeepO2P-FC beats its baseline" : "DeepO2P-FC does not beat its baseline";
        String targetPart = !fullTestSet ? " (the target is set on the full 10k test set)."
                : reachesTarget ? "." : String.format(Locale.ROOT, ", below the %.0f%% target.", 100 * TARGET_ACCURACY);
        return new ClaimVerdict(Ruling.NOT_MET, comparison + "; " + baselinePart + targetPart);
    }

    @Override
    public List<String> header() {
        return List.of("network", "epochs", "test error %", "test accuracy", "train images/s", "test images/s",
                "train seconds");
    }

    @Override
    public List<List<String>> rows() {
        return runs.stream().map(r -> List.of(r.variant().label(), String.valueOf(r.epochs()),
                String.format(Locale.ROOT, "%.2f", 100 * (1 - r.testAccuracy())),
                String.format(Locale.ROOT, "%.4f", r.testAccuracy()),
                String.format(Locale.ROOT, "%.0f", r.median(Epoch.TRAIN_RATE)),
                String.format(Locale.ROOT, "%.0f", r.median(Epoch.TEST_RATE)),
                String.format(Locale.ROOT, "%.0f", r.trainSeconds()))).toList();
    }

    @Override
    public Map<String, Object> numbers() {
        Map<String, Object> numbers = new LinkedHashMap<>();
        runs.forEach(r -> numbers.put(r.variant().id() + "_" + TEST_ACCURACY, r.testAccuracy()));
        return numbers;
    }

    /** Every epoch of every network, each row led by the variant's id. */
    @Override
    public String resultsCsv() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (VariantRun r : runs) {
            for (Map<String, Object> row : Epoch.rows(r.history())) {
                Map<String, Object> tagged = new LinkedHashMap<>();
                tagged.put("variant", r.variant().id());
                tagged.putAll(row);
                rows.add(tagged);
            }
        }
        return Epoch.csv(rows);
    }

    @Override
    public List<Chart> charts(int batch) {
        Map<String, List<Epoch>> histories = new LinkedHashMap<>();
        runs.forEach(r -> histories.put(r.variant().label(), r.history()));
        return TrainingCharts.drawn(
                TrainingCharts.chart("test-accuracy", "Test accuracy (Fashion-MNIST, " + testImages + " images)",
                        "accuracy", false, histories, List.of(TEST_ACCURACY)),
                TrainingCharts.chart("train-loss", "Training loss (mean cross-entropy over the epoch)", "loss", true,
                        histories, List.of(Epoch.TRAIN_LOSS)),
                TrainingCharts.chart("pooling-gradient",
                        "Gradient norm reaching the pooling layer (‖∂L/∂C‖ for O₂P)", "mean ‖∂L/∂C‖_F per image", true,
                        histories, List.of("train_pooling_grad_norm")),
                TrainingCharts.chart("covariance-eigenvalues", "Eigenvalue range of FᵀF/m + εI over the epoch",
                        "eigenvalue", true, histories, List.of("train_covariance_eig_min", "train_covariance_eig_max")),
                TrainingCharts.chart("batch-time", "Time per training batch of " + batch, "milliseconds", false,
                        histories, List.of(Epoch.MS_PER_BATCH)));
    }

    /** The training time of every network, summed in training order. */
    @Override
    public double trainingSeconds() {
        double seconds = 0;
        for (VariantRun r : runs) {
            seconds += r.trainSeconds();
        }
        return seconds;
    }
}
