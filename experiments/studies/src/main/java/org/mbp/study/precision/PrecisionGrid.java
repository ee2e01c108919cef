package org.mbp.study.precision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.dfp.Dfp;
import org.mbp.accuracy.AccuracyCheck;
import org.mbp.accuracy.AccuracyGrid;
import org.mbp.accuracy.LayerFamilies;
import org.mbp.accuracy.LayerFamily;
import org.mbp.precise.FieldOps;
import org.mbp.precise.HighPrecision;
import org.mbp.spectra.Spectrum;
import org.mbp.spectral.Form;
import org.mbp.study.Cell;
import org.mbp.study.Grid;
import org.mbp.study.Parameters;
import org.mbp.study.Scale;

/**
 * The precision grid: every layer family in float, in double and mixed (float inputs and outputs
 * around the layer computed in double), against the high-precision reference at the same rounded
 * input, over the accuracy grid's spectra.
 */
public final class PrecisionGrid implements Grid<PrecisionPoint, PrecisionRow> {

    private final int size;
    private final int samples;
    private final int digits;

    /**
     * The grid of these parameters.
     *
     * @param parameters the parameters
     * @throws IllegalArgumentException naming the option, when a parameter is out of range
     */
    public PrecisionGrid(Map<String, Object> parameters) {
        Parameters p = new Parameters(parameters);
        this.size = p.integer("size", 4, 64);
        this.samples = p.integer("samples", 1, 100);
        this.digits = p.integer("digits", 30, 200);
    }

    /**
     * The parameters at a scale.
     *
     * @param scale the scale
     * @return the parameters at a scale
     */
    public static Map<String, Object> defaults(Scale scale) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("size", scale == Scale.FULL ? 12 : 6);
        p.put("samples", scale == Scale.FULL ? 5 : 2);
        p.put("digits", HighPrecision.DEFAULT_DIGITS);
        return p;
    }

    private List<Spectrum> spectra() {
        return new AccuracyGrid(size, 1, digits, 0).spectra();
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "Every layer family of the toolkit (%d families, both forms where the stable one"
                + " exists) in float, double and mixed precision — float inputs and outputs around the layer computed"
                + " in double — against the %d-digit reference at the same rounded input, on spectra of size %d:"
                + " well separated, clustered at relative gaps 1e-4, 1e-8, 1e-12, rank-deficient; %d input(s) per"
                + " cell.", LayerFamilies.all().size(), digits, size, samples);
    }

    @Override
    public List<PrecisionPoint> points() {
        List<PrecisionPoint> points = new ArrayList<>();
        for (LayerFamily family : LayerFamilies.all()) {
            for (Form form : family.forms()) {
                for (Spectrum spectrum : spectra()) {
                    points.add(new PrecisionPoint(family.name(), form, spectrum.label()));
                }
            }
        }
        return points;
    }

    @Override
    public List<PrecisionRow> measure(Cell<PrecisionPoint> cell, long seed) {
        PrecisionPoint point = cell.point();
        LayerFamily family = LayerFamilies.all().stream().filter(f -> f.name().equals(point.layer())).findFirst()
                .orElseThrow();
        Spectrum spectrum = spectra().stream().filter(s -> s.label().equals(point.spectrum())).findFirst()
                .orElseThrow();
        FieldOps<Dfp> reference = HighPrecision.ops(digits);
        List<PrecisionRow> rows = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            long sampleSeed = seed * 31 + s;
            for (Arithmetic precision : Arithmetic.values()) {
                AccuracyCheck.Measurement m = AccuracyCheck.measure(family, point.form(), spectrum, precision.input(),
                        precision.compute(), sampleSeed, reference);
                rows.add(new PrecisionRow(cell.index(), point, s, precision, m.error(), m.outcome()));
            }
        }
        return rows;
    }
}
