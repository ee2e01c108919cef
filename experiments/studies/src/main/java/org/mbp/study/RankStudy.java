package org.mbp.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.simple.SimpleMatrix;
import org.mbp.backend.EjmlOps;
import org.mbp.layer.Layer;
import org.mbp.layer.Linearization;
import org.mbp.layer.Pair;
import org.mbp.ncuts.NCutsLosses;
import org.mbp.ncuts.NCutsNormalizationLayer;
import org.mbp.ncuts.ProjectorLayer;
import org.mbp.reports.ChartSpec;
import org.mbp.reports.Guide;
import org.mbp.reports.Series;
import org.mbp.verify.SampleMatrices;
import org.mbp.run.Rows;
import org.mbp.run.Chart;

/**
 * Study 4, Lemma 2 and eq. 66: gradient descent on features F (m points × d dimensions) for the
 * losses J1 (eq. 50) and J2 (eq. 59) against a target segmentation E with k segments, from
 * initial ranks below, equal to and above k. Each iterate records J, the numerical rank of
 * W = FFᵀ, and ‖Π − Π_target‖₂ ({@code Π_W, Π_Ψ} for J2; {@code Π_M, Π_Ω} for J1), and checks
 * Lemma 2 (distance below 1 ⇒ equal ranks), its corollary (J below ½ ⇒ equal ranks) and the
 * bound {@code J ≥ ½ |rank − k|} that follows from it.
 */
final class RankStudy extends AbstractStudy {

    static final String NAME = "rank";
    private static final double PREMISE_MARGIN = 1e-9;

    private final int points;
    private final int dimensions;
    private final int segments;
    private final int runs;
    private final int iterations;
    private final List<String> losses;
    private final List<Integer> initialRanks;
    private final double rankTolerance;

    RankStudy(Map<String, Object> parameters) {
        super(NAME, "Rank behaviour under J1 and J2 (Lemma 2, eq. 66)", parameters);
        Parameters p = new Parameters(parameters);
        this.points = p.integer("m", 4, 2000);
        this.dimensions = p.integer("dims", 1, 200);
        this.segments = p.integer("k", 1, points - 1);
        this.runs = p.integer("runs", 1, 1000);
        this.iterations = p.integer("iterations", 1, 100000);
        this.losses = p.words("losses", List.of("j1", "j2"));
        this.initialRanks = p.integers("initial-ranks", 1, dimensions);
        this.rankTolerance = p.number("rank-tolerance", 1e-15, 0.1);
    }

    static Map<String, Object> defaults(Scale scale) {
        Map<String, Object> p = new LinkedHashMap<>();
        boolean full = scale == Scale.FULL;
        p.put("m", full ? 120 : 30);
        p.put("dims", full ? 20 : 8);
        p.put("k", full ? 5 : 3);
        p.put("runs", full ? 20 : 4);
        p.put("iterations", full ? 400 : 60);
        p.put("losses", List.of("j2", "j1"));
        p.put("initial-ranks", full ? List.of(2, 4, 5, 8, 16) : List.of(1, 2, 3, 5, 8));
        p.put("rank-tolerance", 1e-8);
        return p;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "Gradient descent with backtracking on positive features F (%d points × %d"
                + " dimensions) of a given initial rank %s, for %s against %d contiguous segments; %d run(s) per"
                + " setting, %d iterations. Numerical rank at relative tolerance %.0e (the projectors use the same).",
                points, dimensions, initialRanks, losses, segments, runs, iterations, rankTolerance);
    }

    @Override
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (String loss : losses) {
            for (int rank : initialRanks) {
                for (int run = 0; run < runs; run++) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("loss", loss);
                    c.put("initial_rank", rank);
                    c.put("run", run);
                    cells.add(new Cell(cells.size(), c));
                }
            }
        }
        return cells;
    }

    @Override
    public List<String> columns() {
        return List.of("loss", "initial_rank", "run", "iteration", "j", "rank", "target_rank", "distance",
                "premise", "lemma2_violation", "corollary_violation", "bound_violation", "step");
    }

    private SimpleMatrix segmentation(EjmlOps ops) {
        int[] labels = new int[points];
        for (int i = 0; i < points; i++) {
            labels[i] = segments * i / points;
        }
        return SampleMatrices.indicator(ops, labels, segments);
    }

    @Override
    public List<Map<String, Object>> run(Cell cell, long seed) {
        EjmlOps ops = EjmlOps.DOUBLE;
        boolean j1 = cell.text("loss").equals("j1");
        int rank = cell.integer("initial_rank");
        SimpleMatrix e = segmentation(ops);
        Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> loss = NCutsLosses.linearAffinity(ops, dimensions)
                .then(j1 ? NCutsLosses.j1(ops, e, rankTolerance) : NCutsLosses.j2(ops, e, rankTolerance));
        SimpleMatrix f = ops.mult(SampleMatrices.uniform(ops, points, rank, 0.1, 1, seed),
                SampleMatrices.uniform(ops, rank, dimensions, 0.1, 1, seed + 1));
        ProjectorLayer<SimpleMatrix> projector = new ProjectorLayer<>(ops, rankTolerance);
        SimpleMatrix psi = projector.forward(e).output();
        List<Map<String, Object>> rows = new ArrayList<>();
        Linearization<SimpleMatrix, SimpleMatrix, SimpleMatrix> point = loss.forward(f);
        double step = 0.1 * ops.norm(f) / Math.max(ops.norm(point.adjoint(ops.filled(1, 1, 1.0))), 1e-300);
        for (int t = 0; t <= iterations; t++) {
            double j = ops.get(point.output(), 0, 0);
            rows.add(measure(cell, t, j, f, e, psi, projector, j1, step));
            if (t == iterations) {
                break;
            }
            SimpleMatrix gradient = point.adjoint(ops.filled(1, 1, 1.0));
            Linearization<SimpleMatrix, SimpleMatrix, SimpleMatrix> next = null;
            double trial = 2 * step;
            for (int halving = 0; halving < 50 && next == null; halving++, trial /= 2) {
                SimpleMatrix candidate = ops.sub(f, ops.scale(trial, gradient));
                try {
                    Linearization<SimpleMatrix, SimpleMatrix, SimpleMatrix> p = loss.forward(candidate);
                    if (ops.get(p.output(), 0, 0) < j) {
                        next = p;
                        f = candidate;
                        step = trial;
                    }
                } catch (IllegalArgumentException leftTheDomain) {
                    // a row sum of W became non-positive: take a smaller step
                }
            }
            if (next == null) {
                break;
            }
            point = next;
        }
        return rows;
    }

    private Map<String, Object> measure(Cell cell, int t, double j, SimpleMatrix f, SimpleMatrix e, SimpleMatrix psi,
            ProjectorLayer<SimpleMatrix> projector, boolean j1, double step) {
        EjmlOps ops = EjmlOps.DOUBLE;
        SimpleMatrix w = ops.multTransB(f, f);
        var wPoint = projector.forward(w);
        int rank = wPoint.diagnostics().spectra().get(0).numericalRank();
        SimpleMatrix p;
        SimpleMatrix q;
        int targetRank;
        if (j1) {
            Pair<SimpleMatrix> mOmega = new NCutsNormalizationLayer<>(ops, e).forward(w).output();
            var pm = projector.forward(mOmega.first());
            var po = projector.forward(mOmega.second());
            p = pm.output();
            q = po.output();
            rank = pm.diagnostics().spectra().get(0).numericalRank();
            targetRank = po.diagnostics().spectra().get(0).numericalRank();
        } else {
            p = wPoint.output();
            q = psi;
            targetRank = segments;
        }
        double distance = ops.toRowMajor(ops.svd(ops.sub(p, q), false).sigma())[0];
        boolean premise = distance < 1 - PREMISE_MARGIN;
        Map<String, Object> row = new LinkedHashMap<>(cell.parameters());
        row.put("iteration", t);
        row.put("j", j);
        row.put("rank", rank);
        row.put("target_rank", targetRank);
        row.put("distance", distance);
        row.put("premise", premise);
        row.put("lemma2_violation", premise && rank != targetRank);
        row.put("corollary_violation", j < 0.5 - PREMISE_MARGIN && rank != targetRank);
        row.put("bound_violation", j < 0.5 * Math.abs(rank - targetRank) - 1e-9);
        row.put("step", step);
        return row;
    }

    private static boolean flag(Map<String, Object> r, String column) {
        return Boolean.parseBoolean(Rows.text(r, column));
    }

    @Override
    public StudySummary summarize(List<Map<String, Object>> rows) {
        long lemma = rows.stream().filter(r -> flag(r, "lemma2_violation")).count();
        long corollary = rows.stream().filter(r -> flag(r, "corollary_violation")).count();
        long bound = rows.stream().filter(r -> flag(r, "bound_violation")).count();
        long premises = rows.stream().filter(r -> flag(r, "premise")).count();
        long belowHalf = rows.stream().filter(r -> Rows.number(r, "j") < 0.5).count();
        List<Map<String, Object>> finals = new ArrayList<>();
        Rows.group(rows, r -> Rows.text(r, "cell")).values().forEach(run -> finals.add(run.get(run.size() - 1)));
        List<List<String>> table = new ArrayList<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        Rows.group(finals, r -> Rows.text(r, "loss") + "|" + Rows.text(r, "initial_rank")).forEach((key, runs) -> {
            long reached = runs.stream().filter(r -> Rows.number(r, "rank") == Rows.number(r, "target_rank")).count();
            double j = Rows.median(runs, "j");
            double distance = Rows.median(runs, "distance");
            double rank = Rows.median(runs, "rank");
            String[] parts = key.split("\\|");
            table.add(List.of(parts[0], parts[1], Integer.toString(runs.size()),
                    String.format(Locale.ROOT, "%.0f%%", 100.0 * reached / runs.size()), Rows.format(rank),
                    Rows.format(j), Rows.format(distance)));
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("runs", runs.size());
            n.put("share_reaching_target_rank", (double) reached / runs.size());
            n.put("median_final_rank", rank);
            n.put("median_final_j", j);
            n.put("median_final_distance", distance);
            settings.put(key, n);
        });
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("iterates", rows.size());
        numbers.put("lemma2_premises", premises);
        numbers.put("lemma2_violations", lemma);
        numbers.put("iterates_with_j_below_half", belowHalf);
        numbers.put("corollary_violations", corollary);
        numbers.put("bound_violations", bound);
        numbers.put("settings", settings);
        long fromTarget = finals.stream().filter(r -> Rows.number(r, "initial_rank") == segments).count();
        long fromTargetKept = finals.stream().filter(r -> Rows.number(r, "initial_rank") == segments
                && Rows.number(r, "rank") == Rows.number(r, "target_rank")).count();
        long fromBelow = finals.stream().filter(r -> Rows.number(r, "initial_rank") < segments).count();
        long fromBelowReached = finals.stream().filter(r -> Rows.number(r, "initial_rank") < segments
                && Rows.number(r, "rank") == Rows.number(r, "target_rank")).count();
        long fromAbove = finals.stream().filter(r -> Rows.number(r, "initial_rank") > segments).count();
        long fromAboveReduced = finals.stream().filter(r -> Rows.number(r, "initial_rank") > segments
                && Rows.number(r, "rank") < Rows.number(r, "initial_rank")).count();
        String verdict = String.format(Locale.ROOT, "%s. Lemma 2 holds on all %d iterates (%d with ‖Π − Π_target‖₂ < 1,"
                + " %d violations); the corollary J < ½ ⇒ equal ranks on all %d iterates with J < ½ (%d violations);"
                + " J ≥ ½|rank − k| was never broken (%d violations). Runs started at rank k kept rank k in %d of %d;"
                + " runs started below k reached it in %d of %d — the row space of F cannot grow, since any loss of"
                + " W = FFᵀ has gradient S·F — so J stays at least ½(k − r₀); runs started above k reduced their"
                + " numerical rank in %d of %d.", lemma == 0 && corollary == 0 && bound == 0 ? "Confirmed" : "VIOLATED",
                rows.size(), premises, lemma, belowHalf, corollary, bound, fromTargetKept, fromTarget, fromBelowReached,
                fromBelow, fromAboveReduced, fromAbove);
        return new StudySummary("Lemma 2: ‖Π_A − Π_B‖₂ < 1 ⇒ rank A = rank B; eq. 66: J2 < ½ ⇒ rank W = rank EEᵀ. §7.2:"
                + " rank reduction happens when the initial rank is close to the target's, not when it is too large.",
                verdict, List.of("loss", "initial rank", "runs", "ends at target rank", "median final rank",
                        "median final J", "median final ‖Π − Π_t‖₂"), table, numbers);
    }

    @Override
    public List<Chart> charts(List<Map<String, Object>> rows) {
        List<Chart> charts = new ArrayList<>();
        for (String loss : losses) {
            List<Series> j = new ArrayList<>();
            List<Series> rank = new ArrayList<>();
            List<Series> distance = new ArrayList<>();
            for (int r0 : initialRanks) {
                List<Map<String, Object>> these = Rows.where(rows, r -> Rows.text(r, "loss").equals(loss)
                        && Rows.number(r, "initial_rank") == r0);
                String label = "initial rank " + r0;
                double[][] jm = Rows.medians(these, "iteration", "j");
                double[][] rm = Rows.medians(these, "iteration", "rank");
                double[][] dm = Rows.medians(these, "iteration", "distance");
                j.add(new Series(label, jm[0], jm[1], Series.Style.LINE));
                rank.add(new Series(label, rm[0], rm[1], Series.Style.LINE));
                distance.add(new Series(label, dm[0], dm[1], Series.Style.LINE));
            }
            String name = loss.toUpperCase(Locale.ROOT);
            charts.add(new Chart(loss + "-objective", new ChartSpec(name + " along gradient descent (median of runs)",
                    "iteration", name, false, true, j, List.of(Guide.horizontal("J = ½", 0.5)))));
            charts.add(new Chart(loss + "-rank", new ChartSpec("Numerical rank of W under " + name
                    + " (median of runs)", "iteration", "rank of W", false, false, rank,
                    List.of(Guide.horizontal("target rank k", segments)))));
            charts.add(new Chart(loss + "-distance", new ChartSpec("‖Π − Π_target‖₂ under " + name
                    + " (median of runs)", "iteration", "spectral-norm distance of the projectors", false, false,
                    distance, List.of(Guide.horizontal("Lemma 2 threshold", 1)))));
        }
        return charts;
    }
}
