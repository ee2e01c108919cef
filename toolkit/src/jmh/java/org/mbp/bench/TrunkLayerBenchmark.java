package org.mbp.bench;

import java.util.concurrent.TimeUnit;
import org.ejml.simple.SimpleMatrix;
import org.mbp.backend.EjmlOps;
import org.mbp.backend.Precision;
import org.mbp.layer.Layer;
import org.mbp.layer.Linearization;
import org.mbp.nn.ImageShape;
import org.mbp.nn.Pooling;
import org.mbp.nn.Relu;
import org.mbp.verify.SampleMatrices;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward and backward of one entry-wise layer of the §7.1 trunk over a training pass: ReLU or
 * 2×2 max pooling of {@code images} stacked 28×28×16 float activations (the first convolution's
 * output, Gaussian entries, so that half are negative in no order), then the adjoint of a Gaussian
 * upstream gradient. The backend is the training trunk's, {@link EjmlOps#fastest} in float.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xmx2g"})
public class TrunkLayerBenchmark {

    @Param({"relu", "max-pool"})
    public String layer;

    @Param({"4"})
    public int images;

    private Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> chosen;
    private SimpleMatrix input;
    private SimpleMatrix upstream;

    @Setup
    public void setUp() {
        EjmlOps ops = EjmlOps.fastest(Precision.FLOAT);
        ImageShape shape = new ImageShape(28, 28, 16);
        chosen = layer.equals("relu") ? new Relu<>(ops) : Pooling.max(ops, shape, 2);
        input = SampleMatrices.gaussian(ops, images * shape.locations(), shape.channels(), 11);
        upstream = SampleMatrices.gaussian(ops, ops.rows(chosen.forward(input).output()), shape.channels(), 12);
    }

    @Benchmark
    public SimpleMatrix forwardBackward() {
        Linearization<SimpleMatrix, SimpleMatrix, SimpleMatrix> at = chosen.forward(input);
        return at.adjoint(upstream);
    }
}
