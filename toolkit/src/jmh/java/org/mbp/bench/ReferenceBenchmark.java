package org.mbp.bench;

import java.util.concurrent.TimeUnit;
import org.hipparchus.dfp.Dfp;
import org.mbp.layer.Layer;
import org.mbp.precise.FieldDense;
import org.mbp.precise.FieldOps;
import org.mbp.precise.HighPrecision;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.Form;
import org.mbp.verify.SampleMatrices;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one high-precision reference gradient: DeepO₂P ({@code log(FᵀF + εI)}, stable EIG
 * route) forward + backward on the {@link HighPrecision} backend at its default digits, for F of
 * ⌈0.66 d⌉ × d (the AlexNet conv5 aspect, 169×256 at d = 256), so FᵀF + εI has a tied cluster
 * at ε of d − m eigenvalues, as in the studies. Single shots: one operation takes seconds to
 * minutes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class ReferenceBenchmark {

    @Param({"8", "32", "128", "256"})
    public int dimensions;

    private Layer<FieldDense<Dfp>, FieldDense<Dfp>, FieldDense<Dfp>> layer;
    private FieldDense<Dfp> features;
    private FieldDense<Dfp> upstream;

    @Setup(Level.Trial)
    public void setUp() {
        FieldOps<Dfp> ops = HighPrecision.ops();
        int locations = (int) Math.ceil(0.66 * dimensions);
        layer = DeepO2P.eig(ops, DeepO2P.DEFAULT_EPSILON, Form.STABLE);
        features = SampleMatrices.gaussian(ops, locations, dimensions, 1);
        upstream = ops.sym(SampleMatrices.gaussian(ops, dimensions, dimensions, 2));
    }

    @Benchmark
    public FieldDense<Dfp> referenceGradient() {
        return layer.forward(features).adjoint(upstream);
    }
}
