package org.mbp.study.rank;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mbp.run.Labelled;
import org.mbp.run.Rows;

/**
 * Where the runs of one setting (a loss and an initial rank) ended: how many reached the target
 * rank, and the median final rank, J and projector distance.
 */
public record SettingOutcome(Loss loss, int initialRank, int runs, long reached, double medianRank, double medianJ,
        double medianDistance) {

    /** The setting as {@code summary.json} names it, e.g. {@code j2|3}. */
    String key() {
        return Labelled.of(loss) + "|" + initialRank;
    }

    /** The share of runs that ended at the target rank. */
    double shareReached() {
        return (double) reached / runs;
    }

    /** The setting's row of the key-numbers table. */
    List<String> tableRow() {
        return List.of(Labelled.of(loss), Integer.toString(initialRank), Integer.toString(runs),
                String.format(Locale.ROOT, "%.0f%%", 100.0 * reached / runs), Rows.format(medianRank),
                Rows.format(medianJ), Rows.format(medianDistance));
    }

    /** The numbers by name. */
    Map<String, Object> numbers() {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("runs", runs);
        n.put("share_reaching_target_rank", shareReached());
        n.put("median_final_rank", medianRank);
        n.put("median_final_j", medianJ);
        n.put("median_final_distance", medianDistance);
        return n;
    }
}
