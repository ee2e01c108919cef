package org.mbp.study.precision;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mbp.run.Rows;
import org.mbp.study.Claim;

/**
 * Paper §7.1: computing the structured layers in single precision gives a significantly less
 * accurate gradient. Compares the precisions input by input, over all spectra and on each, and
 * layer by layer.
 */
public final class PrecisionClaim implements Claim<PrecisionRow> {

    /** The error from which a float gradient counts as off. */
    static final double OFF = 1e-2;

    @Override
    public String statement() {
        return "Paper §7.1: computing the structured layers in single precision gives a significantly less accurate"
                + " gradient, so they ran them in double.";
    }

    @Override
    public PrecisionFinding check(List<PrecisionRow> rows) {
        List<SpectrumErrors> bySpectrum = new ArrayList<>();
        Rows.group(rows, r -> r.point().spectrum()).forEach((spectrum, in) -> bySpectrum.add(new SpectrumErrors(
                spectrum, distributions(in), Rows.median(comparisons(in, Arithmetic.FLOAT, Arithmetic.DOUBLE),
                        PrecisionComparison::ratio))));
        List<PrecisionComparison> floatOverDouble = comparisons(rows, Arithmetic.FLOAT, Arithmetic.DOUBLE);
        Map<String, Double> byLayer = new LinkedHashMap<>();
        Rows.group(floatOverDouble, c -> c.point().layer() + "/" + c.point().form().label())
                .forEach((layer, group) -> byLayer.put(layer, Rows.median(group, PrecisionComparison::ratio)));
        List<PrecisionRow> floats = of(rows, Arithmetic.FLOAT);
        long usable = floats.stream().filter(r -> r.error() <= OFF).count();
        long measured = floats.stream().filter(r -> Double.isFinite(r.error())).count();
        return new PrecisionFinding(rows, floatOverDouble, distributions(rows), bySpectrum,
                Rows.median(floatOverDouble, PrecisionComparison::ratio),
                Rows.median(comparisons(rows, Arithmetic.MIXED, Arithmetic.DOUBLE), PrecisionComparison::ratio),
                byLayer, measured, measured - usable);
    }

    static List<PrecisionRow> of(List<PrecisionRow> rows, Arithmetic precision) {
        return rows.stream().filter(r -> r.precision() == precision).toList();
    }

    private static Map<Arithmetic, ErrorDistribution> distributions(List<PrecisionRow> rows) {
        Map<Arithmetic, ErrorDistribution> out = new EnumMap<>(Arithmetic.class);
        for (Arithmetic precision : Arithmetic.values()) {
            out.put(precision, ErrorDistribution.of(of(rows, precision)));
        }
        return out;
    }

    /** The errors in two precisions, input by input, where both were measured and {@code under}'s is positive. */
    private static List<PrecisionComparison> comparisons(List<PrecisionRow> rows, Arithmetic over, Arithmetic under) {
        List<PrecisionComparison> out = new ArrayList<>();
        Rows.group(rows, r -> List.of(r.cell(), r.sample())).values().forEach(input -> {
            double a = Double.NaN;
            double b = Double.NaN;
            for (PrecisionRow r : input) {
                if (r.precision() == over) {
                    a = r.error();
                } else if (r.precision() == under) {
                    b = r.error();
                }
            }
            if (Double.isFinite(a) && Double.isFinite(b) && b > 0) {
                out.add(new PrecisionComparison(input.get(0).point(), a, b));
            }
        });
        return out;
    }
}
