package org.mbp.verify;

import java.util.ArrayList;
import java.util.List;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.Space;

/** Vector-space arithmetic on the variables of a {@link Space}: inner products and steps. */
final class Tangents {

    private Tangents() {
    }

    /** {@code ⟨a, b⟩ = Σ_parts a_p : b_p}. */
    static <M, X> double dot(MatrixOps<M> ops, Space<M, X> space, X a, X b) {
        List<M> pa = space.parts(a);
        List<M> pb = space.parts(b);
        double sum = 0;
        for (int i = 0; i < pa.size(); i++) {
            sum += ops.dot(pa.get(i), pb.get(i));
        }
        return sum;
    }

    static <M, X> double norm(MatrixOps<M> ops, Space<M, X> space, X a) {
        return Math.sqrt(dot(ops, space, a, a));
    }

    /** {@code x + h·dx}. */
    static <M, X> X step(MatrixOps<M> ops, Space<M, X> space, X x, double h, X dx) {
        List<M> px = space.parts(x);
        List<M> pd = space.parts(dx);
        List<M> out = new ArrayList<>(px.size());
        for (int i = 0; i < px.size(); i++) {
            out.add(ops.add(px.get(i), ops.scale(h, pd.get(i))));
        }
        return space.assemble(out);
    }

    /** Each part projected onto the admissible variations of its structure. */
    static <M, X> X project(MatrixOps<M> ops, Space<M, X> space, X x) {
        List<M> px = space.parts(x);
        List<M> out = new ArrayList<>(px.size());
        for (int i = 0; i < px.size(); i++) {
            out.add(space.structures().get(i).project(ops, px.get(i)));
        }
        return space.assemble(out);
    }

    /** Relative difference {@code |a − b| / max(|a|, |b|)}, 0 when both vanish. */
    static double relative(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }
}
