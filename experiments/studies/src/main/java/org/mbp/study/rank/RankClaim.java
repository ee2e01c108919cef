package org.mbp.study.rank;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.mbp.run.Rows;
import org.mbp.study.Claim;

/**
 * Lemma 2: ‖Π_A − Π_B‖₂ &lt; 1 ⇒ rank A = rank B; eq. 66: J2 &lt; ½ ⇒ rank W = rank EEᵀ; §7.2: rank
 * reduction happens when the initial rank is close to the target's. Counts the violations over
 * every iterate, and where each setting's runs ended.
 */
public final class RankClaim implements Claim<RankRow> {

    private final RankGrid grid;

    RankClaim(RankGrid grid) {
        this.grid = grid;
    }

    @Override
    public String statement() {
        return "Lemma 2: ‖Π_A − Π_B‖₂ < 1 ⇒ rank A = rank B; eq. 66: J2 < ½ ⇒ rank W = rank EEᵀ. §7.2: rank reduction"
                + " happens when the initial rank is close to the target's, not when it is too large.";
    }

    @Override
    public RankFinding check(List<RankRow> rows) {
        List<RankRow> finals = new ArrayList<>();
        Rows.group(rows, RankRow::cell).values().forEach(run -> finals.add(run.get(run.size() - 1)));
        List<SettingOutcome> settings = new ArrayList<>();
        Rows.group(finals, r -> List.of(r.point().loss(), r.point().initialRank())).values().forEach(runs ->
                settings.add(new SettingOutcome(runs.get(0).point().loss(), runs.get(0).point().initialRank(),
                        runs.size(), runs.stream().filter(RankRow::atTargetRank).count(),
                        Rows.median(runs, RankRow::rank), Rows.median(runs, RankRow::j),
                        Rows.median(runs, RankRow::distance))));
        int k = grid.segments();
        return new RankFinding(rows, grid.losses(), grid.initialRanks(), k, count(rows, RankRow::premise),
                count(rows, RankRow::lemma2Violation), count(rows, r -> r.j() < 0.5),
                count(rows, RankRow::corollaryViolation), count(rows, RankRow::boundViolation), settings,
                runs(finals, r -> r.point().initialRank() == k, RankRow::atTargetRank),
                runs(finals, r -> r.point().initialRank() < k, RankRow::atTargetRank),
                runs(finals, r -> r.point().initialRank() > k, r -> r.rank() < r.point().initialRank()));
    }

    private static long count(List<RankRow> rows, Predicate<RankRow> condition) {
        return rows.stream().filter(condition).count();
    }

    /** Of the runs (final iterates) in a group, those that ended as stated. */
    private static RunCount runs(List<RankRow> finals, Predicate<RankRow> group, Predicate<RankRow> ended) {
        List<RankRow> in = finals.stream().filter(group).toList();
        return new RunCount(count(in, ended), in.size());
    }
}
