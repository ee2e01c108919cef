package org.mbp.accuracy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.hipparchus.dfp.Dfp;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.BatchExecutor;
import org.mbp.layer.DegenerateSpectrumException;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.SpectrumDiagnostics;
import org.mbp.precise.FieldDense;
import org.mbp.precise.FieldOps;
import org.mbp.precise.HighPrecision;
import org.mbp.spectra.ControlledSpectra;
import org.mbp.spectra.Spectrum;
import org.mbp.spectral.Form;
import org.mbp.verify.CatalogCheck;
import org.mbp.verify.LayerCase;
import org.mbp.verify.Verifier;

/**
 * Runs every layer family × form × precision over an {@link AccuracyGrid} against the
 * high-precision reference: the engine of {@code mbp gradcheck}.
 *
 * <p>The reference evaluates the same layer in the same form on the {@link HighPrecision}
 * backend, at the input and upstream gradient the backend under test actually saw (its rounded
 * values, so only the computation is measured), with the backend's rank tolerance. If the
 * reference itself refuses (an exact tie), the family's stable form serves as reference.
 */
public final class AccuracyCheck {

    private AccuracyCheck() {
    }

    /**
     * The grid over the given families and backends; one task per cell.
     *
     * @param grid the grid
     * @param families the families
     * @param backends the backends
     * @param executor the executor
     * @param progress the progress
     * @return the grid over the given families and backends; one task per cell
     */
    public static List<CellResult> run(AccuracyGrid grid, List<LayerFamily> families, List<? extends MatrixOps<?>> backends,
            BatchExecutor executor, Consumer<CellResult> progress) {
        List<Cell> cells = new ArrayList<>();
        for (LayerFamily family : families) {
            for (Form form : family.forms()) {
                for (MatrixOps<?> backend : backends) {
                    for (int s = 0; s < grid.spectra().size(); s++) {
                        cells.add(new Cell(family, form, backend, s));
                    }
                }
            }
        }
        FieldOps<Dfp> reference = HighPrecision.ops(grid.digits());
        return executor.map(cells, c -> {
            CellResult r = cell(grid, c.family(), c.form(), c.backend(), c.spectrum(), reference);
            progress.accept(r);
            return r;
        });
    }

    /** One cell to compute. */
    private record Cell(LayerFamily family, Form form, MatrixOps<?> backend, int spectrum) {
    }

    private static CellResult cell(AccuracyGrid grid, LayerFamily family, Form form, MatrixOps<?> backend,
            int spectrumIndex, FieldOps<Dfp> reference) {
        Spectrum spectrum = grid.spectra().get(spectrumIndex);
        DescriptiveStatistics errors = new DescriptiveStatistics();
        Diagnostics diagnostics = Diagnostics.none();
        double amplification = 1;
        String note = "";
        boolean refused = false;
        boolean failed = false;
        for (int k = 0; k < grid.seeds(); k++) {
            long seed = grid.seed() + 1000L * spectrumIndex + k;
            Measurement m = measure(family, form, spectrum, backend, backend, seed, reference);
            switch (m.outcome()) {
                case MEASURED -> {
                    errors.addValue(m.error());
                    if (k == 0) {
                        diagnostics = m.diagnostics();
                    }
                    amplification = Math.max(amplification, amplification(m.diagnostics(), form));
                }
                case REFUSED -> {
                    refused = true;
                    note = m.note();
                }
                case FAILED -> {
                    failed = true;
                    note = m.note();
                }
            }
        }
        Verdict verdict;
        if (failed) {
            verdict = Verdict.FAILED;
        } else if (refused) {
            verdict = Verdict.REFUSED;
        } else {
            verdict = Verdict.of(errors.getMax(), backend.epsilon(), amplification);
        }
        double median = errors.getN() == 0 ? Double.NaN : errors.getPercentile(50);
        double max = errors.getN() == 0 ? Double.NaN : errors.getMax();
        return new CellResult(family.name(), form.label(), backend.name(), spectrum.label(), median, max,
                backend.epsilon(), amplification, verdict, diagnostics, note);
    }

    /** What became of one measurement. */
    public enum Outcome {
        /** Both gradients computed and compared. */
        MEASURED,
        /** The layer refused the input (for example a degenerate spectrum). */
        REFUSED,
        /** The computation failed. */
        FAILED
    }

    /**
     * One gradient against the reference.
     *
     * @param error       {@code ‖g − g_ref‖ / ‖g_ref‖} (NaN unless measured)
     * @param diagnostics the reference's spectra
     * @param note        the refusal or failure, else empty
     */
    public record Measurement(Outcome outcome, double error, Diagnostics diagnostics, String note) {
    }

    /**
     * The gradient of one input against the high-precision reference. The input is drawn in the
     * {@code input} precision (its rounding is part of the input, not of the error); the layer
     * then runs in the {@code compute} precision on those values, and the gradient is rounded
     * back to the input precision — so {@code input = float, compute = double} is the paper's
     * mixed precision, float layers around a double structured layer.
     *
     * @param family the family
     * @param form the form
     * @param spectrum the spectrum it was built with
     * @param input the input
     * @param compute the compute
     * @param seed the random seed
     * @param reference the reference
     * @return the gradient of one input against the high-precision reference
     */
    public static Measurement measure(LayerFamily family, Form form, Spectrum spectrum, MatrixOps<?> input,
            MatrixOps<?> compute, long seed, FieldOps<Dfp> reference) {
        double tolerance = (spectrum.size() + 3) * input.epsilon();
        try {
            LayerCase<?, ?, ?> drawn = family.build(input, form, spectrum, new ControlledSpectra(seed, reference), seed,
                    tolerance);
            LayerCase<?, ?, ?> tested = input == compute ? drawn : transfer(drawn, family.build(compute, form,
                    spectrum, new ControlledSpectra(seed, reference), seed, tolerance));
            double[] gradient = CatalogCheck.flatGradient(tested);
            if (input != compute) {
                gradient = rounded(input, gradient);
            }
            Measured ref = referenceGradient(family, form, spectrum, seed, tolerance, reference, drawn);
            return new Measurement(Outcome.MEASURED, Verifier.relativeError(gradient, ref.gradient()),
                    ref.diagnostics(), "");
        } catch (DegenerateSpectrumException e) {
            return new Measurement(Outcome.REFUSED, Double.NaN, Diagnostics.none(), e.getMessage());
        } catch (RuntimeException e) {
            return new Measurement(Outcome.FAILED, Double.NaN, Diagnostics.none(), e.toString());
        }
    }

    /** {@code values} rounded to the precision of {@code ops}. */
    private static <M> double[] rounded(MatrixOps<M> ops, double[] values) {
        return ops.toRowMajor(ops.fromRowMajor(1, values.length, values));
    }

    /** A reference gradient with the diagnostics of the reference evaluation. */
    private record Measured(double[] gradient, Diagnostics diagnostics) {
    }

    private static Measured referenceGradient(LayerFamily family, Form form, Spectrum spectrum, long seed,
            double tolerance, FieldOps<Dfp> reference, LayerCase<?, ?, ?> tested) {
        try {
            return evaluate(transfer(tested, family.build(reference, form, spectrum,
                    new ControlledSpectra(seed, reference), seed, tolerance)));
        } catch (DegenerateSpectrumException tie) {
            if (!family.forms().contains(Form.STABLE)) {
                throw tie;
            }
            return evaluate(transfer(tested, family.build(reference, Form.STABLE, spectrum,
                    new ControlledSpectra(seed, reference), seed, tolerance)));
        }
    }

    private static <X, Y> Measured evaluate(LayerCase<FieldDense<Dfp>, X, Y> c) {
        var point = c.layer().forward(c.input());
        X g = point.adjoint(c.upstream());
        double[] flat = c.layer().inputSpace().parts(g).stream().map(c.layer().ops()::toRowMajor)
                .flatMapToDouble(Arrays::stream).toArray();
        return new Measured(flat, point.diagnostics());
    }

    /** The reference case at the tested case's input and upstream values. */
    private static <M, N, X, Y, X2, Y2> LayerCase<N, X2, Y2> transfer(LayerCase<M, X, Y> from,
            LayerCase<N, X2, Y2> to) {
        MatrixOps<M> source = from.layer().ops();
        MatrixOps<N> target = to.layer().ops();
        X2 input = to.layer().inputSpace().assemble(convert(source, target,
                from.layer().inputSpace().parts(from.input())));
        Y2 upstream = to.layer().outputSpace().assemble(convert(source, target,
                from.layer().outputSpace().parts(from.upstream())));
        return new LayerCase<>(to.name(), to.reference(), to.layer(), input, upstream);
    }

    private static <M, N> List<N> convert(MatrixOps<M> source, MatrixOps<N> target, List<M> parts) {
        return parts.stream().map(p -> target.copyOf(source, p)).toList();
    }

    /**
     * A of the verdict: the largest effective condition number of the stages, times
     * 1/(smallest relative gap) when a stage divides by gaps (has a K) in the paper's form.
     */
    static double amplification(Diagnostics diagnostics, Form form) {
        double a = 1;
        boolean hasK = false;
        for (SpectrumDiagnostics d : diagnostics.spectra()) {
            if (Double.isFinite(d.effectiveConditionNumber())) {
                a = Math.max(a, d.effectiveConditionNumber());
            }
            hasK |= !Double.isNaN(d.maxAbsK());
        }
        double gap = diagnostics.minRelativeGap();
        if (form == Form.PAPER && hasK) {
            a *= gap > 0 ? 1 / gap : Double.POSITIVE_INFINITY;
        }
        return a;
    }

    /**
     * The precisions {@code mbp gradcheck} checks on the CPU: float and double (EJML).
     *
     * @return the precisions {@code mbp gradcheck} checks on the CPU: float and double (EJML)
     */
    public static List<EjmlOps> defaultBackends() {
        return List.of(EjmlOps.DOUBLE, EjmlOps.FLOAT);
    }
}
