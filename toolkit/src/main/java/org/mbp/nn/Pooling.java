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
 * variations and gradients through the arg-max of each window (the first one at ties), as a 0/1
 * selection S: {@code Y = windowSum(S ∘ X)}, adjoint {@code S ∘ windowSpread(Ȳ)}. Global
 * average pooling, the first-order baseline of §7.1, is the window of the whole image. A stack of
 * images ({@link ImageOps}) is pooled image by image in one call: global average pooling of n
 * images gives n rows.
 */
public final class Pooling<M> extends AbstractLayer<M, M, M> {

    /** How a window is reduced. */
    public enum Kind {
        /** Maximum over each window. */
        MAX,
        /** Mean over each window. */
        AVERAGE
    }

    private final Kind kind;
    private final ImageShape in;
    private final ImageShape out;
    private final int kh;
    private final int kw;
    private final ImageOps<M> images;

    private Pooling(MatrixOps<M> ops, Kind kind, ImageShape in, int kh, int kw) {
        super(kind.name().toLowerCase() + "-pool" + kh + "x" + kw, ops, MatrixSpace.of("X", Structure.GENERAL),
                MatrixSpace.of("Y", Structure.GENERAL));
        this.out = HostImageOps.pooled(in, kh, kw);
        this.kind = kind;
        this.in = in;
        this.kh = kh;
        this.kw = kw;
        this.images = ImageOps.of(ops);
    }

    /**
     * k×k max pooling with stride k.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param in where to read from
     * @param k the number k
     * @return k×k max pooling with stride k
     */
    public static <M> Pooling<M> max(MatrixOps<M> ops, ImageShape in, int k) {
        return new Pooling<>(ops, Kind.MAX, in, k, k);
    }

    /**
     * k×k average pooling with stride k.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param in where to read from
     * @param k the number k
     * @return k×k average pooling with stride k
     */
    public static <M> Pooling<M> average(MatrixOps<M> ops, ImageShape in, int k) {
        return new Pooling<>(ops, Kind.AVERAGE, in, k, k);
    }

    /**
     * Global average pooling: the mean over all locations, a 1×C row.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param in where to read from
     * @return global average pooling: the mean over all locations, a 1×C row
     */
    public static <M> Pooling<M> globalAverage(MatrixOps<M> ops, ImageShape in) {
        return new Pooling<>(ops, Kind.AVERAGE, in, in.height(), in.width());
    }

    /**
     * The pooled shape.
     *
     * @return the pooled shape
     */
    public ImageShape outputShape() {
        return out;
    }

    @Override
    public Linearization<M, M, M> forward(M x) {
        return checked(x, evaluate(x));
    }

    private Linearization<M, M, M> evaluate(M x) {
        MatrixOps<M> ops = ops();
        ImageOps.count(ops, x, in, name());
        Inputs.requireFinite(ops, x, name() + " input");
        double weight = kind == Kind.MAX ? 1.0 : 1.0 / (kh * kw);
        M select = kind == Kind.MAX ? images.windowArgMaxMask(x, in, kh, kw) : null;
        UnaryOperator<M> map = select != null
                ? dx -> images.windowSum(ops.hadamard(select, dx), in, kh, kw)
                : dx -> ops.scale(weight, images.windowSum(dx, in, kh, kw));
        UnaryOperator<M> adjoint = select != null
                ? g -> ops.hadamard(select, images.windowSpread(g, in, kh, kw))
                : g -> ops.scale(weight, images.windowSpread(g, in, kh, kw));
        return Linearization.of(map.apply(x), Diagnostics.none(), map, adjoint);
    }
}
