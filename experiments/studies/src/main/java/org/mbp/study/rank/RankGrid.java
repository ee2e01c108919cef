package org.mbp.study.rank;

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
import org.mbp.run.Labelled;
import org.mbp.study.Cell;
import org.mbp.study.Grid;
import org.mbp.study.Parameters;
import org.mbp.study.Scale;
import org.mbp.verify.SampleMatrices;

/**
 * The rank grid: gradient descent on features F (m points × d dimensions) for the losses J1
 * (eq. 50) and J2 (eq. 59) against a target segmentation E with k segments, from initial ranks
 * below, equal to and above k. Each iterate records J, the numerical rank of W = FFᵀ, and
 * ‖Π − Π_target‖₂ ({@code Π_W, Π_Ψ} for J2; {@code Π_M, Π_Ω} for J1), and checks Lemma 2
 * (distance below 1 ⇒ equal ranks), its corollary (J below ½ ⇒ equal ranks) and the bound
 * {@code J ≥ ½ |rank − k|} that follows from it.
 */
public final class RankGrid implements Grid<RankPoint, RankRow> {

    private static final double PREMISE_MARGIN = 1e-9;

    private final int points;
    private final int dimensions;
    private final int segments;
    private final int runs;
    private final int iterations;
    private final List<Loss> losses;
    private final List<Integer> initialRanks;
    private final double rankTolerance;

    /**
     * The grid of these parameters.
     *
     * @param parameters the parameters
     * @throws IllegalArgumentException naming the option, when a parameter is out of range
     */
    public RankGrid(Map<String, Object> parameters) {
        Parameters p = new Parameters(parameters);
        this.points = p.integer("m", 4, 2000);
        this.dimensions = p.integer("dims", 1, 200);
        this.segments = p.integer("k", 1, points - 1);
        this.runs = p.integer("runs", 1, 1000);
        this.iterations = p.integer("iterations", 1, 100000);
        this.losses = p.choices("losses", Loss.class);
        this.initialRanks = p.integers("initial-ranks", 1, dimensions);
        this.rankTolerance = p.number("rank-tolerance", 1e-15, 0.1);
    }

    /**
     * The parameters at a scale.
     *
     * @param scale the scale
     * @return the parameters at a scale
     */
    public static Map<String, Object> defaults(Scale scale) {
        Map<String, Object> p = new LinkedHashMap<>();
        boolean full = scale == Scale.FULL;
        p.put("m", full ? 120 : 30);
        p.put("dims", full ? 20 : 8);
        p.put("k", full ? 5 : 3);
        p.put("runs", full ? 20 : 4);
        p.put("iterations", full ? 400 : 60);
        p.put("losses", List.of(Labelled.of(Loss.J2), Labelled.of(Loss.J1)));
        p.put("initial-ranks", full ? List.of(2, 4, 5, 8, 16) : List.of(1, 2, 3, 5, 8));
        p.put("rank-tolerance", 1e-8);
        return p;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "Gradient descent with backtracking on positive features F (%d points × %d"
                + " dimensions) of a given initial rank %s, for %s against %d contiguous segments; %d run(s) per"
                + " setting, %d iterations. Numerical rank at relative tolerance %.0e (the projectors use the same).",
                points, dimensions, initialRanks, losses.stream().map(Labelled::of).toList(), segments, runs,
                iterations, rankTolerance);
    }

    @Override
    public List<RankPoint> points() {
        List<RankPoint> out = new ArrayList<>();
        for (Loss loss : losses) {
            for (int rank : initialRanks) {
                for (int run = 0; run < runs; run++) {
                    out.add(new RankPoint(loss, rank, run));
                }
            }
        }
        return out;
    }

    /**
     * The number of target segments k.
     *
     * @return the number of target segments k
     */
    public int segments() {
        return segments;
    }

    /**
     * The losses, in grid order.
     *
     * @return the losses, in grid order
     */
    public List<Loss> losses() {
        return losses;
    }

    /**
     * The initial ranks, in grid order.
     *
     * @return the initial ranks, in grid order
     */
    public List<Integer> initialRanks() {
        return initialRanks;
    }

    private SimpleMatrix segmentation(EjmlOps ops) {
        int[] labels = new int[points];
        for (int i = 0; i < points; i++) {
            labels[i] = segments * i / points;
        }
        return SampleMatrices.indicator(ops, labels, segments);
    }

    @Override
    public List<RankRow> measure(Cell<RankPoint> cell, long seed) {
        EjmlOps ops = EjmlOps.DOUBLE;
        RankPoint point = cell.point();
        int rank = point.initialRank();
        SimpleMatrix e = segmentation(ops);
        Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> loss = NCutsLosses.linearAffinity(ops, dimensions)
                .then(point.loss().of(ops, e, rankTolerance));
        SimpleMatrix f = ops.mult(SampleMatrices.uniform(ops, points, rank, 0.1, 1, seed),
                SampleMatrices.uniform(ops, rank, dimensions, 0.1, 1, seed + 1));
        ProjectorLayer<SimpleMatrix> projector = new ProjectorLayer<>(ops, rankTolerance);
        SimpleMatrix psi = projector.forward(e).output();
        List<RankRow> rows = new ArrayList<>();
        Linearization<SimpleMatrix, SimpleMatrix, SimpleMatrix> current = loss.forward(f);
        double step = 0.1 * ops.norm(f) / Math.max(ops.norm(current.adjoint(ops.filled(1, 1, 1.0))), 1e-300);
        for (int t = 0; t <= iterations; t++) {
            double j = ops.get(current.output(), 0, 0);
            rows.add(iterate(cell, t, j, f, e, psi, projector, step));
            if (t == iterations) {
                break;
            }
            SimpleMatrix gradient = current.adjoint(ops.filled(1, 1, 1.0));
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
            current = next;
        }
        return rows;
    }

    /** The row of iterate t: J, the ranks, the projector distance and the checks of Lemma 2. */
    private RankRow iterate(Cell<RankPoint> cell, int t, double j, SimpleMatrix f, SimpleMatrix e, SimpleMatrix psi,
            ProjectorLayer<SimpleMatrix> projector, double step) {
        EjmlOps ops = EjmlOps.DOUBLE;
        SimpleMatrix w = ops.multTransB(f, f);
        var wPoint = projector.forward(w);
        int rank = wPoint.diagnostics().spectra().get(0).numericalRank();
        SimpleMatrix p;
        SimpleMatrix q;
        int targetRank;
        if (cell.point().loss() == Loss.J1) {
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
        return new RankRow(cell.index(), cell.point(), t, j, rank, targetRank, distance, premise,
                premise && rank != targetRank, j < 0.5 - PREMISE_MARGIN && rank != targetRank,
                j < 0.5 * Math.abs(rank - targetRank) - 1e-9, step);
    }
}
