package org.mbp.nn;

import java.util.SplittableRandom;

/**
 * A trainable matrix of a network: a kernel or weight of {@code rows × cols} whose last row is the
 * bias (see {@link AffineLayer}), with {@code fanIn = rows − 1} inputs per output.
 */
public record Parameter(String name, int rows, int cols) {

    /**
     * Checks that the weight has at least one input row, the bias row and one column.
     *
     * @param name the name
     * @param rows the number of rows
     * @param cols the number of columns
     */
    public Parameter {
        if (rows < 2 || cols < 1) {
            throw new IllegalArgumentException(name + ": a weight needs at least one input row and the bias row, got "
                    + rows + "×" + cols);
        }
    }

    /**
     * Number of inputs of each output unit.
     *
     * @return number of inputs of each output unit
     */
    public int fanIn() {
        return rows - 1;
    }

    /**
     * Number of values.
     *
     * @return number of values
     */
    public int size() {
        return rows * cols;
    }

    /**
     * He initialisation (He et al., ICCV 2015): weights drawn from N(0, 2/fan-in), which keeps
     * the activation variance constant through ReLU layers; the bias row starts at zero.
     *
     * @param random the random
     * @return He initialisation (He et al., ICCV 2015): weights drawn from N(0, 2/fan-in), which
     *         keeps the activation variance constant through ReLU layers; the bias row starts at zero
     */
    public double[] heInitialised(SplittableRandom random) {
        double[] w = new double[size()];
        double sd = Math.sqrt(2.0 / fanIn());
        for (int i = 0; i < fanIn() * cols; i++) {
            w[i] = sd * gaussian(random);
        }
        return w;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
