package org.mbp.study.verification;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.mbp.backend.Precision;
import org.mbp.study.Cell;
import org.mbp.study.Grid;
import org.mbp.verify.Acceptance;
import org.mbp.verify.CatalogCheck;

/**
 * The verification grid: one cell per layer of the {@link CatalogCheck}, checked by the
 * dot-product test, finite differences (Richardson), the Taylor remainder's order and the float
 * gradient against the double one.
 */
final class VerificationGrid implements Grid<CatalogLayer, VerificationRow> {

    private final int layers;

    VerificationGrid(int layers) {
        this.layers = layers;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "Each of the %d structured layers of the paper, on seeded inputs with"
                + " well-separated spectra, in double: the dot-product test ⟨L(dX), Ȳ⟩ = ⟨dX, L*(Ȳ)⟩ (threshold"
                + " %.0e), the whole gradient against Richardson finite differences (threshold %.0e), and the order"
                + " of the Taylor remainder (%.0f ± %.2f); in float: the gradient against the double one"
                + " (threshold %.0e).", layers, Acceptance.DOT_PRODUCT, Acceptance.FINITE_DIFFERENCE,
                Acceptance.TAYLOR_ORDER, Acceptance.TAYLOR_ORDER_TOLERANCE, Acceptance.FLOAT_AGAINST_DOUBLE);
    }

    @Override
    public List<CatalogLayer> points() {
        return Collections.nCopies(layers, new CatalogLayer());
    }

    @Override
    public List<VerificationRow> measure(Cell<CatalogLayer> cell, long seed) {
        CatalogCheck.Result r = CatalogCheck.check(seed, cell.index());
        return List.of(
                row(cell, r, Check.DOT_PRODUCT, Precision.DOUBLE, r.dotProduct(), Acceptance.DOT_PRODUCT,
                        r.dotProduct() <= Acceptance.DOT_PRODUCT),
                row(cell, r, Check.DOT_PRODUCT, Precision.FLOAT, r.dotProductFloat(), Double.NaN, true),
                row(cell, r, Check.FINITE_DIFFERENCE, Precision.DOUBLE, r.finiteDifference(),
                        Acceptance.FINITE_DIFFERENCE, r.finiteDifference() <= Acceptance.FINITE_DIFFERENCE),
                row(cell, r, Check.FINITE_DIFFERENCE_BOUND, Precision.DOUBLE, r.fdBound(), Double.NaN, true),
                row(cell, r, Check.TAYLOR_ORDER, Precision.DOUBLE, r.taylorOrder(), Acceptance.TAYLOR_ORDER,
                        Math.abs(r.taylorOrder() - Acceptance.TAYLOR_ORDER) <= Acceptance.TAYLOR_ORDER_TOLERANCE),
                row(cell, r, Check.FLOAT_VS_DOUBLE, Precision.FLOAT, r.floatVsDouble(), Acceptance.FLOAT_AGAINST_DOUBLE,
                        r.floatVsDouble() <= Acceptance.FLOAT_AGAINST_DOUBLE));
    }

    private static VerificationRow row(Cell<CatalogLayer> cell, CatalogCheck.Result r, Check check,
            Precision precision, double value, double threshold, boolean passed) {
        return new VerificationRow(cell.index(), r.name(), r.reference(), check, precision, value, threshold, passed,
                r.diagnostics().minRelativeGap(), r.diagnostics().maxAbsK());
    }
}
