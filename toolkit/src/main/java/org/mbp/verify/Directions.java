package org.mbp.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mbp.backend.MatrixOps;
import org.mbp.layer.Space;
import org.mbp.layer.Structure;

/**
 * Admissible variations of a layer variable: random ones and an orthonormal basis, both
 * respecting each part's {@link Structure} (symmetric for EIG inputs, diagonal for Σ, and for
 * positive structures small enough that {@code x + h·dx} stays positive for {@code |h| ≤ 1}).
 */
public final class Directions<M> {

    private final MatrixOps<M> ops;
    private final Random random;

    /**
     * Random directions on the backend {@code ops}, drawn from {@code seed}.
     *
     * @param ops the backend that computes
     * @param seed the random seed
     */
    public Directions(MatrixOps<M> ops, long seed) {
        this.ops = ops;
        this.random = new Random(seed);
    }

    /**
     * A matrix of independent standard normal entries.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @return a matrix of independent standard normal entries
     */
    public M gaussian(int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
        return ops.fromRowMajor(rows, cols, v);
    }

    /**
     * A random admissible variation at {@code x}.
     *
     * @param <X> the input variable type
     * @param space the space
     * @param x the input
     * @return a random admissible variation at {@code x}
     */
    public <X> X random(Space<M, X> space, X x) {
        List<M> parts = space.parts(x);
        List<M> out = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            M part = parts.get(i);
            Structure structure = space.structures().get(i);
            M d = structure.project(ops, gaussian(ops.rows(part), ops.cols(part)));
            out.add(structure.isPositive() ? ops.scale(0.5 / positiveRadius(structure, part, d), d) : d);
        }
        return space.assemble(out);
    }

    /**
     * A random variable shaped like {@code like}, e.g. an upstream gradient Ȳ.
     *
     * @param <Y> the output variable type
     * @param space the space
     * @param like the example to match
     * @return a random variable shaped like {@code like}, e.g. an upstream gradient Ȳ
     */
    public <Y> Y randomLike(Space<M, Y> space, Y like) {
        List<M> parts = space.parts(like);
        List<M> out = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            M part = parts.get(i);
            out.add(space.structures().get(i).project(ops, gaussian(ops.rows(part), ops.cols(part))));
        }
        return space.assemble(out);
    }

    /**
     * An orthonormal basis of the admissible variations at {@code x}: unit entries for general
     * and diagonal parts, {@code (E_ij + E_ji)/√2} and {@code E_ii} for symmetric ones.
     *
     * @param <X> the input variable type
     * @param space the space
     * @param x the input
     * @return an orthonormal basis of the admissible variations at {@code x}: unit entries for
     *         general and diagonal parts, {@code (E_ij + E_ji)/√2} and {@code E_ii} for symmetric ones
     */
    public <X> List<X> basis(Space<M, X> space, X x) {
        List<M> parts = space.parts(x);
        List<X> basis = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            int rows = ops.rows(parts.get(p));
            int cols = ops.cols(parts.get(p));
            for (double[] entries : unitDirections(space.structures().get(p), rows, cols)) {
                List<M> direction = new ArrayList<>(parts.size());
                for (int q = 0; q < parts.size(); q++) {
                    M part = parts.get(q);
                    direction.add(q == p ? ops.fromRowMajor(rows, cols, entries)
                            : ops.zeros(ops.rows(part), ops.cols(part)));
                }
                basis.add(space.assemble(direction));
            }
        }
        return basis;
    }

    private static List<double[]> unitDirections(Structure structure, int rows, int cols) {
        List<double[]> out = new ArrayList<>();
        switch (structure) {
            case GENERAL -> {
                for (int k = 0; k < rows * cols; k++) {
                    double[] e = new double[rows * cols];
                    e[k] = 1;
                    out.add(e);
                }
            }
            case DIAGONAL, POSITIVE_DIAGONAL -> {
                for (int i = 0; i < Math.min(rows, cols); i++) {
                    double[] e = new double[rows * cols];
                    e[i * cols + i] = 1;
                    out.add(e);
                }
            }
            case SYMMETRIC, SYMMETRIC_POSITIVE_DEFINITE -> {
                for (int i = 0; i < rows; i++) {
                    for (int j = i; j < cols; j++) {
                        double[] e = new double[rows * cols];
                        double w = i == j ? 1 : Math.sqrt(0.5);
                        e[i * cols + j] = w;
                        e[j * cols + i] = w;
                        out.add(e);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The largest h with {@code x ± h·dx} still inside the positive structure of every part
     * (infinite when no part is positive).
     *
     * @param <X> the input variable type
     * @param space the space
     * @param x the input
     * @param dx the input variation dX
     * @return the largest h with {@code x ± h·dx} still inside the positive structure of every part
     *         (infinite when no part is positive)
     */
    public <X> double maxStep(Space<M, X> space, X x, X dx) {
        List<M> px = space.parts(x);
        List<M> pd = space.parts(dx);
        double h = Double.POSITIVE_INFINITY;
        for (int i = 0; i < px.size(); i++) {
            Structure structure = space.structures().get(i);
            if (structure.isPositive()) {
                h = Math.min(h, 1.0 / positiveRadius(structure, px.get(i), pd.get(i)));
            }
        }
        return h;
    }

    /**
     * For a positive part x and variation d, the factor {@code r} with {@code x + h d} positive
     * whenever {@code |h| < 1/r}: {@code ‖d‖_F / λ_min(x)} for SPD (the Frobenius norm bounds the
     * spectral one), {@code max_i |d_ii| / x_ii} for a positive diagonal.
     */
    private double positiveRadius(Structure structure, M x, M d) {
        if (structure == Structure.SYMMETRIC_POSITIVE_DEFINITE) {
            double lambdaMin = ops.toRowMajor(ops.eigSymmetric(ops.sym(x)).values())[0];
            return ops.norm(d) / lambdaMin;
        }
        double[] xs = ops.toRowMajor(ops.diagonal(x));
        double[] ds = ops.toRowMajor(ops.diagonal(d));
        double r = 0;
        for (int i = 0; i < xs.length; i++) {
            r = Math.max(r, Math.abs(ds[i]) / xs[i]);
        }
        return r;
    }
}
