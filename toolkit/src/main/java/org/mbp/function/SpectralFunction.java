package org.mbp.function;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.mbp.backend.BatchOps;
import org.mbp.backend.MatrixOps;

/**
 * A scalar function g applied to a symmetric matrix through its spectrum,
 * {@code g(U Λ Uᵀ) = U g(Λ) Uᵀ} (Props. 3 and 4).
 *
 * <p>Besides g and g′ each function gives its first divided differences
 * {@code Γ_ij = (g(λ_i) − g(λ_j)) / (λ_i − λ_j)}, {@code Γ_ii = g′(λ_i)}, the kernel of the
 * Daleckii–Krein formula {@code d g(Z) = U (Γ ∘ Uᵀ dZ U) Uᵀ}. Each implementation evaluates Γ
 * without cancellation, so it stays exact as eigenvalues merge.
 */
public interface SpectralFunction {

    /**
     * A short name such as {@code "log"} or {@code "power(0.5)"}.
     *
     * @return a short name such as {@code "log"} or {@code "power(0.5)"}
     */
    String name();

    /**
     * Where g and g′ are finite.
     *
     * @return where g and g′ are finite
     */
    Domain domain();

    /**
     * {@code g} entry-wise.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param x the input
     * @return {@code g} entry-wise
     */
    <M> M value(MatrixOps<M> ops, M x);

    /**
     * {@code g′} entry-wise.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param x the input
     * @return {@code g′} entry-wise
     */
    <M> M derivative(MatrixOps<M> ops, M x);

    /**
     * The n×n matrix Γ of first divided differences of g on the n×1 spectrum λ.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param lambda the regularizer λ
     * @return the n×n matrix Γ of first divided differences of g on the n×1 spectrum λ
     */
    <M> M dividedDifferences(MatrixOps<M> ops, M lambda);

    /**
     * Fails unless every value lies in the domain, naming the first that does not. For the
     * positive domain, where nothing keeps the exact values away from zero ({@code regularizer}
     * 0), a value must also be numerically positive: above {@code n·ε·max|λ|}, the conventional
     * rank tolerance (LAPACK, NumPy), below which it is rounding noise of a zero or negative
     * eigenvalue and g, g′ of it are meaningless (log(FᵀF) of a rank-deficient F is −∞ however
     * the spectrum was computed). The spectrum of {@code FᵀF + εI} with ε &gt; 0 is positive in exact
     * arithmetic: a small computed value there is inaccurate, not meaningless, and
     * {@link org.mbp.layer.ErrorBound} says how inaccurate.
     *
     * @param spectrum    the eigenvalues g is applied to
     * @param epsilon     machine epsilon of the arithmetic the spectrum was computed in
     * @param regularizer what the exact eigenvalues are known to exceed (ε of {@code FᵀF + εI}),
     *                    0 where nothing is known
     * @param stage       the layer whose spectrum this is, for the message
     * @throws OutsideDomainException naming the value
     */
    default void requireDomain(double[] spectrum, double epsilon, double regularizer, String stage) {
        double largest = 0;
        for (double v : spectrum) {
            largest = Math.max(largest, Math.abs(v));
        }
        boolean positive = domain() == Domain.POSITIVE;
        double floor = spectrum.length * epsilon * largest;
        for (int i = 0; i < spectrum.length; i++) {
            if (!domain().contains(spectrum[i])) {
                throw new OutsideDomainException(String.format("%s: %s needs %s eigenvalues, but"
                        + " eigenvalue %d is %.6g", stage, name(),
                        positive ? "positive" : "finite", i, spectrum[i]));
            }
            if (positive && regularizer <= 0 && spectrum[i] <= floor) {
                throw new OutsideDomainException(String.format("%s: %s needs positive eigenvalues, but"
                        + " eigenvalue %d is %.3g, numerically zero (not above n·ε·largest = %.3g): the"
                        + " matrix is singular in this precision", stage, name(), i, spectrum[i], floor));
            }
        }
    }

    /**
     * {@link #requireDomain} for each example of a batch: {@code values} holds the {@code batch}
     * examples' spectra one after another, each checked on its own (its own largest value sets its
     * floor), and a failure names the example.
     *
     * @param values      the eigenvalues of every example
     * @param batch       the number of examples
     * @param epsilon     machine epsilon of the arithmetic the spectra were computed in
     * @param regularizer what the exact eigenvalues are known to exceed, 0 where nothing is known
     * @param stage       the layer whose spectra these are, for the message
     * @throws OutsideDomainException naming the example and the value
     */
    default void requireDomain(double[] values, int batch, double epsilon, double regularizer, String stage) {
        List<double[]> spectra = BatchOps.examples(values, batch);
        for (int e = 0; e < batch; e++) {
            requireDomain(spectra.get(e), epsilon, regularizer, batch == 1 ? stage : stage + ", example " + e);
        }
    }

    /**
     * The matrix logarithm (DeepO2P, eq. 4).
     *
     * @return the matrix logarithm (DeepO2P, eq. 4)
     */
    static SpectralFunction log() {
        return Log.INSTANCE;
    }

    /**
     * The matrix square root.
     *
     * @return the matrix square root
     */
    static SpectralFunction sqrt() {
        return Sqrt.INSTANCE;
    }

    /**
     * The matrix exponential.
     *
     * @return the matrix exponential
     */
    static SpectralFunction exp() {
        return Exp.INSTANCE;
    }

    /**
     * The matrix power {@code Z^p} for symmetric positive definite Z.
     *
     * @param p the probability or point
     * @return the matrix power {@code Z^p} for symmetric positive definite Z
     */
    static SpectralFunction power(double p) {
        return new Power(p);
    }

    /**
     * A user-supplied pair (g, g′), evaluated in double and rounded to the backend's precision.
     * Its divided differences use {@code g′((λ_i + λ_j)/2)} when {@code |λ_i − λ_j|} is below
     * {@code ε^{1/3}·max(|λ_i|, |λ_j|)} and the plain quotient otherwise, which balances the
     * O(Δ²) truncation error of the midpoint rule against the O(ε/Δ) cancellation of the
     * quotient (error about ε^{2/3} relative at worst).
     *
     * @param name the name
     * @param g the scalar function g
     * @param derivative the derivative
     * @param domain the domain
     * @return a user-supplied pair (g, g′), evaluated in double and rounded to the backend's
     *         precision
     */
    static SpectralFunction of(String name, DoubleUnaryOperator g, DoubleUnaryOperator derivative,
            Domain domain) {
        return new UserFunction(name, g, derivative, domain);
    }

    /**
     * The built-in function with this name: {@code log}, {@code sqrt}, {@code exp}.
     *
     * @param name the name
     * @return the built-in function with this name: {@code log}, {@code sqrt}, {@code exp}
     */
    static SpectralFunction named(String name) {
        return switch (name) {
            case "log" -> log();
            case "sqrt" -> sqrt();
            case "exp" -> exp();
            default -> throw new IllegalArgumentException("unknown spectral function '" + name
                    + "' (known: log, sqrt, exp; power(p) and user pairs via the API)");
        };
    }
}
