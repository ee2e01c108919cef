package org.mbp.nn;

import java.util.function.UnaryOperator;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.AbstractLayer;
import org.mbp.layer.Diagnostics;
import org.mbp.layer.Inputs;
import org.mbp.layer.Linearization;
import org.mbp.layer.MatrixSpace;
import org.mbp.layer.Structure;

/**
 * Max or average pooling over non-overlapping {@code kh × kw} windows, per channel. Average
 * pooling is linear (its adjoint spreads {@code Ȳ/(kh·kw)} over the window); max pooling routes
 * variations and gradients through the arg-max of each window (the first one at ties). Global
 * average pooling, the first-order baseline of §7.1, is the window of the whole image.
 */
public final class Pooling<M> extends AbstractLayer<M, M, M> {

    /** How a window is reduced. */
    public enum Kind { MAX, AVERAGE }

    private final Kind kind;
    private final ImageShape in;
    private final ImageShape out;
    private final int kh;
    private final int kw;

    private Pooling(MatrixOps<M> ops, Kind kind, ImageShape in, int kh, int kw) {
        super(kind.name().toLowerCase() + "-pool" + kh + "x" + kw, ops, MatrixSpace.of("X", Structure.GENERAL),
                MatrixSpace.of("Y", Structure.GENERAL));
        if (kh <= 0 || kw <= 0 || in.height() % kh != 0 || in.width() % kw != 0) {
            throw new IllegalArgumentException(kh + "×" + kw + " pooling needs the image size to be a multiple"
                    + " of the window, got a " + in + " image");
        }
        this.kind = kind;
        this.in = in;
        this.kh = kh;
        this.kw = kw;
        this.out = new ImageShape(in.height() / kh, in.width() / kw, in.channels());
    }

    /** k×k max pooling with stride k. */
    public static <M> Pooling<M> max(MatrixOps<M> ops, ImageShape in, int k) {
        return new Pooling<>(ops, Kind.MAX, in, k, k);
    }

    /** k×k average pooling with stride k. */
    public static <M> Pooling<M> average(MatrixOps<M> ops, ImageShape in, int k) {
        return new Pooling<>(ops, Kind.AVERAGE, in, k, k);
    }

    /** Global average pooling: the mean over all locations, a 1×C row. */
    public static <M> Pooling<M> globalAverage(MatrixOps<M> ops, ImageShape in) {
        return new Pooling<>(ops, Kind.AVERAGE, in, in.height(), in.width());
    }

    /** The pooled shape. */
    public ImageShape outputShape() {
        return out;
    }

    @Override
    public Linearization<M, M, M> forward(M x) {
        MatrixOps<M> ops = ops();
        if (ops.rows(x) != in.locations() || ops.cols(x) != in.channels()) {
            throw new IllegalArgumentException(name() + ": input is " + ops.rows(x) + "×" + ops.cols(x)
                    + ", expected " + in.locations() + "×" + in.channels());
        }
        Inputs.requireFinite(ops, x, name() + " input");
        int[] source = kind == Kind.MAX ? argMax(ops.toRowMajor(x)) : null;
        UnaryOperator<M> map = kind == Kind.MAX
                ? dx -> ops.fromRowMajor(out.locations(), out.channels(), gather(ops.toRowMajor(dx), source))
                : dx -> ops.fromRowMajor(out.locations(), out.channels(), average(ops.toRowMajor(dx)));
        UnaryOperator<M> adjoint = kind == Kind.MAX
                ? g -> ops.fromRowMajor(in.locations(), in.channels(), scatter(ops.toRowMajor(g), source))
                : g -> ops.fromRowMajor(in.locations(), in.channels(), spread(ops.toRowMajor(g)));
        return Linearization.of(map.apply(x), Diagnostics.none(), map, adjoint);
    }

    /** Index into x (row-major) of each output value's window maximum. */
    private int[] argMax(double[] x) {
        int c = in.channels();
        int[] source = new int[out.size()];
        for (int oy = 0; oy < out.height(); oy++) {
            for (int ox = 0; ox < out.width(); ox++) {
                for (int ch = 0; ch < c; ch++) {
                    int best = -1;
                    for (int dy = 0; dy < kh; dy++) {
                        for (int dx = 0; dx < kw; dx++) {
                            int i = ((oy * kh + dy) * in.width() + ox * kw + dx) * c + ch;
                            if (best < 0 || x[i] > x[best]) {
                                best = i;
                            }
                        }
                    }
                    source[(oy * out.width() + ox) * c + ch] = best;
                }
            }
        }
        return source;
    }

    private static double[] gather(double[] x, int[] source) {
        double[] y = new double[source.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[source[i]];
        }
        return y;
    }

    private double[] scatter(double[] g, int[] source) {
        double[] x = new double[in.size()];
        for (int i = 0; i < g.length; i++) {
            x[source[i]] += g[i];
        }
        return x;
    }

    private double[] average(double[] x) {
        double[] y = new double[out.size()];
        double w = 1.0 / (kh * kw);
        forEachWindowEntry((input, output) -> y[output] += w * x[input]);
        return y;
    }

    private double[] spread(double[] g) {
        double[] x = new double[in.size()];
        double w = 1.0 / (kh * kw);
        forEachWindowEntry((input, output) -> x[input] = w * g[output]);
        return x;
    }

    /** An input value's index and that of the output value of its window. */
    @FunctionalInterface
    private interface WindowEntry {
        void at(int input, int output);
    }

    /** Visits every input value with the index of the output value of its window. */
    private void forEachWindowEntry(WindowEntry entry) {
        int c = in.channels();
        for (int yy = 0; yy < in.height(); yy++) {
            for (int xx = 0; xx < in.width(); xx++) {
                int o = ((yy / kh) * out.width() + xx / kw) * c;
                int i = (yy * in.width() + xx) * c;
                for (int ch = 0; ch < c; ch++) {
                    entry.at(i + ch, o + ch);
                }
            }
        }
    }
}
