package org.mbp.nn;

/**
 * Stochastic gradient descent with momentum μ and weight decay λ, in the form PyTorch's
 * {@code torch.optim.SGD} uses: {@code g ← ∇ + λθ}, {@code v ← μv + g}, {@code θ ← θ − η v}.
 * The velocity v is the optimiser state a checkpoint keeps.
 */
public final class Sgd {

    private final double momentum;
    private final double weightDecay;
    private final double[][] velocity;

    /**
     * SGD on {@code weights} with {@code momentum} and {@code weightDecay}.
     *
     * @param weights the weights
     * @param momentum the momentum
     * @param weightDecay the weight decay
     */
    public Sgd(Weights weights, double momentum, double weightDecay) {
        this(momentum, weightDecay, zeros(weights));
    }

    /**
     * An optimiser resuming from a saved velocity.
     *
     * @param momentum the momentum
     * @param weightDecay the weight decay
     * @param velocity the velocity
     */
    public Sgd(double momentum, double weightDecay, double[][] velocity) {
        if (!(momentum >= 0 && momentum < 1) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("SGD needs momentum in [0, 1) and weight decay ≥ 0, got "
                    + momentum + " and " + weightDecay);
        }
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.velocity = velocity;
    }

    private static double[][] zeros(Weights weights) {
        double[][] v = new double[weights.parameters().size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = new double[weights.parameters().get(i).size()];
        }
        return v;
    }

    /**
     * The velocity, live.
     *
     * @return the velocity, live
     */
    public double[][] velocity() {
        return velocity;
    }

    /**
     * One step of size {@code learningRate} along the gradient (already averaged over the batch).
     *
     * @param weights the weights
     * @param gradient the gradient
     * @param learningRate the learning rate
     */
    public void step(Weights weights, double[][] gradient, double learningRate) {
        for (int p = 0; p < velocity.length; p++) {
            double[] theta = weights.values(p);
            double[] v = velocity[p];
            double[] g = gradient[p];
            for (int i = 0; i < theta.length; i++) {
                v[i] = momentum * v[i] + g[i] + weightDecay * theta[i];
                theta[i] -= learningRate * v[i];
            }
        }
        weights.changed();
    }
}
