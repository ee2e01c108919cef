package org.mbp.study.svdeig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.simple.SimpleMatrix;
import org.hipparchus.dfp.Dfp;
import org.mbp.backend.EjmlOps;
import org.mbp.layer.DegenerateSpectrumException;
import org.mbp.layer.ErrorBound;
import org.mbp.layer.Linearization;
import org.mbp.layer.SpectrumDiagnostics;
import org.mbp.precise.FieldDense;
import org.mbp.precise.FieldOps;
import org.mbp.precise.HighPrecision;
import org.mbp.run.Labelled;
import org.mbp.spectra.ControlledSpectra;
import org.mbp.spectra.Spectrum;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.Form;
import org.mbp.study.Cell;
import org.mbp.study.Grid;
import org.mbp.study.Parameters;
import org.mbp.study.Scale;
import org.mbp.verify.SampleMatrices;
import org.mbp.verify.Verifier;

/**
 * The svd-vs-eig grid: the gradient of {@code L = ⟨G, log(FᵀF + εI)⟩} with respect to F by each
 * {@link Route}, in double, against the high-precision reference, over the smallest relative
 * eigengap of FᵀF, its condition number, ε and the dimension d, for tall F (m = d + 2) and wide F
 * (m = ⌈0.66 d⌉ &lt; d, where FᵀF + εI has a tied cluster at ε).
 */
public final class SvdVsEigGrid implements Grid<SvdVsEigPoint, SvdVsEigRow> {

    private final List<Integer> dimensions;
    private final List<Double> gaps;
    private final List<Double> kappas;
    private final List<Double> epsilons;
    private final List<Shape> shapes;
    private final int samples;
    private final int digits;

    /**
     * The grid of these parameters.
     *
     * @param parameters the parameters
     * @throws IllegalArgumentException naming the option, when a parameter is out of range
     */
    public SvdVsEigGrid(Map<String, Object> parameters) {
        Parameters p = new Parameters(parameters);
        this.dimensions = p.integers("d", 4, 512);
        this.gaps = p.numbers("gaps", 0, 1, true, true);
        this.kappas = p.numbers("kappas", 2, 1e15, false, false);
        this.epsilons = p.numbers("epsilons", 0, 1, false, false);
        this.shapes = p.choices("shapes", Shape.class);
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
        boolean full = scale == Scale.FULL;
        p.put("d", full ? List.of(8, 32, 128, 256) : List.of(8, 32));
        p.put("gaps", full ? List.of(0.5, 1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12, 1e-14)
                : List.of(0.5, 1e-4, 1e-8, 1e-12, 1e-14));
        p.put("kappas", full ? List.of(10.0, 1e3, 1e6, 1e9, 1e12) : List.of(10.0, 1e6, 1e12));
        p.put("epsilons", List.of(0.0, 1e-6, 1e-3));
        p.put("shapes", Labelled.all(Shape.class));
        p.put("samples", full ? 3 : 2);
        p.put("digits", HighPrecision.DEFAULT_DIGITS);
        return p;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "∂L/∂F of L = ⟨G, log(FᵀF + εI)⟩ by DeepO₂P-SVD and DeepO₂P-EIG in the paper's"
                + " form and by the gap-stable (Daleckii–Krein) form, in double, each against the %d-digit reference"
                + " at the same input. FᵀF has a geometric spectrum from 1 to 1/κ whose top two eigenvalues are"
                + " pulled to a relative gap g; F is tall (m = d + 2) or wide (m = ⌈0.66 d⌉ < d, so FᵀF + εI has"
                + " d − m eigenvalues tied at ε). Grid: d ∈ %s, g ∈ %s, κ ∈ %s, ε ∈ %s, %s; %d input(s) per cell"
                + " (wide F only with ε > 0: FᵀF itself is singular). Error percentiles of each method per cell:"
                + " summary.json, per_cell; every input: results.csv, with the error bound each route predicts.",
                digits, dimensions, gaps, kappas, epsilons, shapes.stream().map(Labelled::of).toList(), samples);
    }

    @Override
    public List<SvdVsEigPoint> points() {
        List<SvdVsEigPoint> points = new ArrayList<>();
        for (int d : dimensions) {
            for (Shape shape : shapes) {
                for (double kappa : kappas) {
                    for (double epsilon : epsilons) {
                        if (shape == Shape.WIDE && epsilon == 0) {
                            continue;
                        }
                        for (double gap : gaps) {
                            points.add(new SvdVsEigPoint(d, shape, kappa, epsilon, gap));
                        }
                    }
                }
            }
        }
        return points;
    }

    /** Eigenvalues of FᵀF + εI: geometric 1 → 1/κ over the rank, top pair at relative gap g, ε added. */
    static Spectrum covariance(int d, int rank, double kappa, double gap, double epsilon) {
        double[] lambda = new double[d];
        for (int i = 0; i < rank; i++) {
            lambda[i] = Math.pow(kappa, -(double) i / (rank - 1));
        }
        lambda[1] = lambda[0] * (1 - gap);
        for (int i = 0; i < d; i++) {
            lambda[i] += epsilon;
        }
        return new Spectrum("covariance", lambda);
    }

    @Override
    public List<SvdVsEigRow> measure(Cell<SvdVsEigPoint> cell, long seed) {
        SvdVsEigPoint point = cell.point();
        int d = point.d();
        int m = point.shape().rows(d);
        double epsilon = point.epsilon();
        Spectrum spectrum = covariance(d, Math.min(m, d), point.kappa(), point.gap(), epsilon);
        FieldOps<Dfp> reference = HighPrecision.ops(digits);
        EjmlOps ops = EjmlOps.DOUBLE;
        List<SvdVsEigRow> rows = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            long sampleSeed = seed * 31 + s;
            SimpleMatrix f = new ControlledSpectra(sampleSeed, reference).covarianceFeatures(m, spectrum, epsilon).in(ops);
            SimpleMatrix g = ops.sym(SampleMatrices.gaussian(ops, d, d, sampleSeed + 1));
            Linearization<FieldDense<Dfp>, FieldDense<Dfp>, FieldDense<Dfp>> exact =
                    DeepO2P.eig(reference, epsilon, Form.STABLE).forward(reference.copyOf(ops, f));
            double[] truth = reference.toRowMajor(exact.adjoint(reference.copyOf(ops, g)));
            SpectrumDiagnostics z = exact.diagnostics().spectra().get(exact.diagnostics().spectra().size() - 1);
            for (Route route : Route.values()) {
                double error;
                double bound;
                String note = "";
                try {
                    Linearization<SimpleMatrix, SimpleMatrix, SimpleMatrix> at = route.layer(ops, epsilon).forward(f);
                    error = Verifier.relativeError(ops.toRowMajor(at.adjoint(g)), truth);
                    bound = ErrorBound.of(at.diagnostics(), ops.epsilon()).relative();
                } catch (DegenerateSpectrumException e) {
                    error = Double.NaN;
                    bound = Double.NaN;
                    note = "refused: " + e.getMessage();
                }
                rows.add(new SvdVsEigRow(cell.index(), point, s, route, error, bound, z.minRelativeGap(),
                        z.conditionNumber(), note));
            }
        }
        return rows;
    }
}
