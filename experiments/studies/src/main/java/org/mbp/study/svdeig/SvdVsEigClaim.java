package org.mbp.study.svdeig;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.mbp.run.Rows;
import org.mbp.study.BoundCheck;
import org.mbp.study.Claim;

/**
 * Paper §7.1: the SVD formulation of the DeepO₂P derivative is numerically more stable than the
 * EIG formulation. Compares the two paper routes input by input and regime by regime, bounds
 * the gap-stable form's error over the grid, and checks every route's predicted error bound
 * against its measured error.
 */
public final class SvdVsEigClaim implements Claim<SvdVsEigRow> {

    @Override
    public String statement() {
        return "Paper §7.1: the SVD formulation of the DeepO₂P derivative is numerically more stable than the EIG"
                + " formulation, which blows up when eigenvalues are close.";
    }

    @Override
    public SvdVsEigFinding check(List<SvdVsEigRow> rows) {
        List<RouteComparison> comparisons = comparisons(rows);
        List<RegimeErrors> regimes = new ArrayList<>();
        for (Regime regime : Regime.values()) {
            List<SvdVsEigRow> in = rows.stream().filter(r -> regime.contains(r.point())).toList();
            List<RouteComparison> pairs = comparisons.stream().filter(c -> regime.contains(c.point())).toList();
            double share = pairs.isEmpty() ? Double.NaN
                    : pairs.stream().filter(c -> c.ratio() > 1).count() / (double) pairs.size();
            regimes.add(new RegimeErrors(regime, pairs.size(), medianError(in, Route.SVD_PAPER),
                    medianError(in, Route.EIG_PAPER), medianError(in, Route.STABLE),
                    Rows.median(pairs, RouteComparison::ratio), share));
        }
        double worstStable = Rows.stats(of(rows, Route.STABLE), SvdVsEigRow::error).getMax();
        long refused = rows.stream().filter(SvdVsEigRow::refused).count();
        return new SvdVsEigFinding(rows, comparisons, regimes, worstStable, refused, percentiles(rows),
                BoundCheck.of(rows, SvdVsEigRow::errorBound, SvdVsEigRow::error));
    }

    static List<SvdVsEigRow> of(List<SvdVsEigRow> rows, Route route) {
        return rows.stream().filter(r -> r.method() == route).toList();
    }

    private static double medianError(List<SvdVsEigRow> rows, Route route) {
        return Rows.median(of(rows, route), SvdVsEigRow::error);
    }

    /** The two paper routes' errors, input by input, where both were measured and SVD's is positive. */
    private static List<RouteComparison> comparisons(List<SvdVsEigRow> rows) {
        List<RouteComparison> out = new ArrayList<>();
        Rows.group(rows, r -> List.of(r.cell(), r.sample())).values().forEach(input -> {
            double svd = Double.NaN;
            double eig = Double.NaN;
            for (SvdVsEigRow r : input) {
                if (r.method() == Route.SVD_PAPER) {
                    svd = r.error();
                } else if (r.method() == Route.EIG_PAPER) {
                    eig = r.error();
                }
            }
            if (Double.isFinite(svd) && Double.isFinite(eig) && svd > 0) {
                out.add(new RouteComparison(input.get(0).point(), svd, eig));
            }
        });
        return out;
    }

    /** The error percentiles (over the inputs of a cell) of each route in each cell. */
    private static List<CellErrors> percentiles(List<SvdVsEigRow> rows) {
        List<CellErrors> out = new ArrayList<>();
        Rows.group(rows, r -> List.of(r.cell(), r.method())).values().forEach(group -> {
            DescriptiveStatistics stats = Rows.stats(group, SvdVsEigRow::error);
            SvdVsEigRow first = group.get(0);
            out.add(new CellErrors(first.cell(), first.point(), first.method(), group.size(), stats.getN(),
                    Rows.percentile(stats, 10), Rows.percentile(stats, 50), Rows.percentile(stats, 90),
                    stats.getN() == 0 ? Double.NaN : stats.getMax()));
        });
        return out;
    }
}
