package org.mbp.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mbp.run.Rows;

/**
 * One epoch of a training run, as a row of its history ({@code epochs.csv}, {@code epochs.json},
 * the checkpoint's header and the experiments' {@code results.csv}): the epoch, the learning rate
 * of its last step, the mean training loss, the task's named metrics, then its timings.
 *
 * @param metrics the task's readings aggregated over the epoch ({@code train_<reading>}) followed by
 *                its evaluation (e.g. {@code test_accuracy}), by column in that order; null where a
 *                value was not finite (JSON has no NaN)
 */
public record Epoch(int epoch, double learningRate, double trainLoss, Map<String, Double> metrics,
        double trainSeconds, double trainImagesPerSecond, double msPerBatch, double testImagesPerSecond) {

    private static final String EPOCH = "epoch";
    private static final String LEARNING_RATE = "lr";
    private static final String TRAIN_SECONDS = "train_seconds";
    /** Columns the experiments' tables and charts show. */
    static final String TRAIN_LOSS = "train_loss";
    static final String TRAIN_RATE = "train_images_per_s";
    static final String MS_PER_BATCH = "ms_per_batch";
    static final String TEST_RATE = "test_images_per_s";
    private static final List<String> FIXED = List.of(EPOCH, LEARNING_RATE, TRAIN_LOSS, TRAIN_SECONDS, TRAIN_RATE,
            MS_PER_BATCH, TEST_RATE);

    /**
     * Copies the metrics, keeping their order.
     *
     * @param epoch the epoch
     * @param learningRate the learning rate
     * @param trainLoss the train loss
     * @param metrics the task's readings aggregated over the epoch ({@code train_<reading>})
     *                followed by
     * @param trainSeconds the train seconds
     * @param trainImagesPerSecond the train images per second
     * @param msPerBatch the ms per batch
     * @param testImagesPerSecond the test images per second
     */
    public Epoch {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * The row, in the column order of {@code epochs.csv}.
     *
     * @return the row, in the column order of {@code epochs.csv}
     */
    public Map<String, Object> row() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(EPOCH, epoch);
        row.put(LEARNING_RATE, learningRate);
        row.put(TRAIN_LOSS, trainLoss);
        row.putAll(metrics);
        row.put(TRAIN_SECONDS, trainSeconds);
        row.put(TRAIN_RATE, trainImagesPerSecond);
        row.put(MS_PER_BATCH, msPerBatch);
        row.put(TEST_RATE, testImagesPerSecond);
        return row;
    }

    /**
     * The value of a column of {@link #row()}, NaN where the epoch has none.
     *
     * @param column the column
     * @return the value of a column of {@link #row()}, NaN where the epoch has none
     */
    public double value(String column) {
        return Rows.number(row(), column);
    }

    /**
     * The rows of a history.
     *
     * @param history the history
     * @return the rows of a history
     */
    public static List<Map<String, Object>> rows(List<Epoch> history) {
        return history.stream().map(Epoch::row).toList();
    }

    /** Rows as CSV, their columns in the order they first appear. */
    static String csv(List<Map<String, Object>> rows) {
        List<String> columns = new ArrayList<>();
        rows.forEach(row -> row.keySet().stream().filter(k -> !columns.contains(k)).forEach(columns::add));
        return Rows.csv(columns, rows);
    }

    /**
     * The epoch of a row as {@link #row()} writes it and JSON reads it back (a checkpoint's
     * history): every column besides the fixed ones is a metric, in the row's order.
     *
     * @param error makes the exception for a row that is not an epoch, from a description of the fault
     */
    static Epoch of(Map<String, Object> row, Function<String, IllegalArgumentException> error) {
        if (!(row.get(EPOCH) instanceof Integer epoch)) {
            throw error.apply("no epoch number in " + row);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (FIXED.contains(column)) {
                return;
            }
            if (value != null && !(value instanceof Number)) {
                throw error.apply("epoch " + epoch + "'s " + column + " is not a number: " + value);
            }
            metrics.put(column, value == null ? null : ((Number) value).doubleValue());
        });
        return new Epoch(epoch, number(row, LEARNING_RATE, error), number(row, TRAIN_LOSS, error), metrics,
                number(row, TRAIN_SECONDS, error), number(row, TRAIN_RATE, error), number(row, MS_PER_BATCH, error),
                number(row, TEST_RATE, error));
    }

    /** A fixed column's number; JSON writes a loss that diverged as the string "NaN" or "Infinity". */
    private static double number(Map<String, Object> row, String column,
            Function<String, IllegalArgumentException> error) {
        Object value = row.get(column);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s && List.of("NaN", "Infinity", "-Infinity").contains(s)) {
            return Double.parseDouble(s);
        }
        throw error.apply("epoch " + row.get(EPOCH) + " has no number for " + column + ": " + value);
    }
}
