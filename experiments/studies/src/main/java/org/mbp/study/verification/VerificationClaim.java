package org.mbp.study.verification;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.mbp.backend.Precision;
import org.mbp.run.Rows;
import org.mbp.study.Claim;

/**
 * Each layer's backward pass (the paper's adjoint) is the exact adjoint of its forward variation
 * and the gradient of its loss: every check of every layer passes.
 */
final class VerificationClaim implements Claim<VerificationRow> {

    @Override
    public String statement() {
        return "Each layer's backward pass (the paper's adjoint) is the exact adjoint of its forward variation and"
                + " the gradient of its loss.";
    }

    @Override
    public VerificationFinding check(List<VerificationRow> rows) {
        List<LayerChecks> layers = new ArrayList<>();
        Rows.group(rows, VerificationRow::layer).forEach((layer, checks) ->
                layers.add(new LayerChecks(layer, checks.get(0).reference(), checks)));
        return new VerificationFinding(layers, stats(rows, Check.DOT_PRODUCT, Precision.DOUBLE).getMax(),
                stats(rows, Check.FINITE_DIFFERENCE, Precision.DOUBLE).getMax(),
                stats(rows, Check.TAYLOR_ORDER, Precision.DOUBLE).getMin(),
                stats(rows, Check.TAYLOR_ORDER, Precision.DOUBLE).getMax(),
                stats(rows, Check.FLOAT_VS_DOUBLE, Precision.FLOAT).getMax());
    }

    private static DescriptiveStatistics stats(List<VerificationRow> rows,
            Check check, Precision precision) {
        return Rows.stats(rows.stream().filter(r -> r.check() == check && r.precision() == precision).toList(),
                VerificationRow::value);
    }
}
