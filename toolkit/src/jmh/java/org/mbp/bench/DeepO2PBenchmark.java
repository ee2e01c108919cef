package org.mbp.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.ejml.simple.SimpleMatrix;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.Precision;
import org.mbp.layer.BatchExecutor;
import org.mbp.layer.Layer;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DeepO₂P forward + backward, {@code L = ⟨G, log(FᵀF + εI)⟩ → ∂L/∂F}, for a batch of F of
 * 169×256 (AlexNet conv5: 13×13 locations × 256 channels), processed in parallel across the
 * batch. The score is the time of one whole batch; divide by {@code batch} for the time per
 * matrix. The backend is {@link EjmlOps#fastest}: products in OpenBLAS, decompositions in its
 * LAPACK ({@code ?syevd}, {@code ?gesdd}), one OpenBLAS thread per call.
 * {@code scripts/peer_pytorch.py} times the same computation in PyTorch;
 * {@code scripts/bench-peer.sh} runs the two interleaved.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class DeepO2PBenchmark {

    @Param({"double", "float"})
    public String precision;

    @Param({"svd", "eig"})
    public String route;

    @Param({"paper", "stable"})
    public String form;

    @Param({"169"})
    public int locations;

    @Param({"256"})
    public int dimensions;

    @Param({"16"})
    public int batch;

    @Param({"2"})
    public int threads;

    private Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> layer;
    private List<SimpleMatrix> features;
    private List<SimpleMatrix> upstreams;
    private BatchExecutor executor;

    @Setup(Level.Trial)
    public void setUp() {
        EjmlOps ops = EjmlOps.fastest(precision.equals("float") ? Precision.FLOAT : Precision.DOUBLE);
        Form f = Form.valueOf(form.toUpperCase(java.util.Locale.ROOT));
        layer = route.equals("svd") ? DeepO2P.svd(ops, DeepO2P.DEFAULT_EPSILON, f)
                : DeepO2P.eig(ops, DeepO2P.DEFAULT_EPSILON, f);
        features = IntStream.range(0, batch)
                .mapToObj(i -> SampleMatrices.gaussian(ops, locations, dimensions, 1000 + i)).toList();
        upstreams = IntStream.range(0, batch)
                .mapToObj(i -> ops.sym(SampleMatrices.gaussian(ops, dimensions, dimensions, 2000 + i))).toList();
        executor = new BatchExecutor(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
    }

    @Benchmark
    public List<SimpleMatrix> forwardBackward() {
        return executor.gradients(layer, features, upstreams);
    }
}
