package org.mbp.ncuts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.mbp.backend.EjmlOps;
import org.mbp.layer.Layer;
import org.mbp.layer.Pair;
import org.mbp.verify.SampleMatrices;

/** Projector invariants, Prop. 6 (eq. 60), ∂J2/∂Λ = 0 and Lemma 2. */
class NCutsLayersTest {

    private static final EjmlOps O = EjmlOps.DOUBLE;
    private static final int[] LABELS = {0, 0, 1, 1, 1, 2, 2, 0, 2, 1};

    private static SimpleMatrix pi(SimpleMatrix a) {
        return new ProjectorLayer<>(O).forward(a).output();
    }

    @Test
    void projectorIsIdempotentSymmetricAndFixesItsMatrix() {
        SimpleMatrix f = SampleMatrices.gaussian(O, 8, 3, 1);
        SimpleMatrix w = O.multTransB(f, f);
        SimpleMatrix p = pi(w);
        assertTrue(O.norm(O.sub(O.mult(p, p), p)) < 1e-14 * O.norm(p), "Π² = Π");
        assertTrue(O.norm(O.sub(p, O.transpose(p))) < 1e-15, "Π = Πᵀ");
        assertTrue(O.norm(O.sub(O.mult(p, w), w)) < 1e-13 * O.norm(w), "Π W = W");
        assertEquals(3, new ProjectorLayer<>(O).forward(w).diagnostics().spectra().get(0).numericalRank());
        assertEquals(3.0, O.dot(p, O.identity(8)), 1e-13, "trace = rank");
    }

    /** Lemma 1 through the composition reproduces Prop. 6's closed form −2 (I − Π_W) Π_Ψ W⁺. */
    @Test
    void j2GradientIsEquationSixty() {
        SimpleMatrix f = SampleMatrices.uniform(O, LABELS.length, 4, 0.1, 1, 2);
        SimpleMatrix w = O.multTransB(f, f);
        SimpleMatrix e = SampleMatrices.indicator(O, LABELS, 3);
        SimpleMatrix gradient = NCutsLosses.j2(O, e, Double.NaN).forward(w).adjoint(O.filled(1, 1, 1));
        SimpleMatrix piW = pi(w);
        SimpleMatrix psi = O.mult(O.mult(e, inverse(O.multTransA(e, e))), O.transpose(e));
        SimpleMatrix pinv = pseudoInverse(w);
        SimpleMatrix closed = O.scale(-2, O.mult(O.mult(O.sub(O.identity(LABELS.length), piW), psi), pinv));
        assertTrue(O.norm(O.sub(gradient, closed)) < 1e-11 * O.norm(closed),
                "relative difference " + O.norm(O.sub(gradient, closed)) / O.norm(closed));
    }

    /** The note after eq. 65: ∂J2/∂Λ = Fᵀ (∂J2/∂W) F = 0 because (I − Π_W) F = 0. */
    @Test
    void j2DoesNotDependOnLambda() {
        SimpleMatrix f = SampleMatrices.uniform(O, LABELS.length, 4, 0.1, 1, 3);
        SimpleMatrix lambda = O.add(O.identity(4), O.scale(0.1, O.sym(SampleMatrices.gaussian(O, 4, 4, 4))));
        SimpleMatrix e = SampleMatrices.indicator(O, LABELS, 3);
        Layer<SimpleMatrix, Pair<SimpleMatrix>, SimpleMatrix> loss =
                new SimilarityLayer<>(O).then(NCutsLosses.j2(O, e, Double.NaN));
        Pair<SimpleMatrix> g = loss.forward(new Pair<>(f, lambda)).adjoint(O.filled(1, 1, 1));
        double scale = O.norm(g.first()) * O.norm(f);
        assertTrue(scale > 1e-3, "F does get a gradient");
        assertTrue(O.norm(g.second()) < 1e-12 * scale, "‖∂J2/∂Λ‖ = " + O.norm(g.second()));
    }

    @Test
    void lossesVanishWhenTheSpansAlign() {
        SimpleMatrix e = SampleMatrices.indicator(O, LABELS, 3);
        SimpleMatrix w = O.multTransB(e, e);
        for (Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> j : java.util.List.of(
                NCutsLosses.j1(O, e, Double.NaN), NCutsLosses.j2(O, e, Double.NaN))) {
            var point = j.forward(w);
            assertEquals(0.0, O.get(point.output(), 0, 0), 1e-25, j.name());
            assertTrue(O.norm(point.adjoint(O.filled(1, 1, 1))) < 1e-12, j.name());
        }
    }

    /**
     * Lemma 2: ‖Π_A − Π_B‖₂ &lt; 1 ⇒ rank A = rank B, on random pairs of random ranks, half of them
     * nearby (B a small perturbation of A within its rank), so that the premise holds often; and
     * its corollary (66): J2 &lt; ½ ⇒ rank(W) = rank(EEᵀ).
     */
    @Test
    void lemmaTwoHoldsOnRandomPairs() {
        Random random = new Random(5);
        int premiseHeld = 0;
        int ranksDiffered = 0;
        for (int trial = 0; trial < 200; trial++) {
            int m = 6;
            int n = 5;
            int rankA = 1 + random.nextInt(5);
            SimpleMatrix a = lowRank(m, n, rankA, random.nextLong());
            int rankB;
            SimpleMatrix b;
            if (trial % 2 == 0) {
                rankB = rankA;
                SimpleMatrix factor = lowRank(m, n, rankA, random.nextLong());
                b = O.add(a, O.scale(0.05 * O.norm(a) / O.norm(factor), O.mult(pi(a), factor)));
            } else {
                rankB = 1 + random.nextInt(5);
                b = lowRank(m, n, rankB, random.nextLong());
            }
            double distance = O.toRowMajor(O.svd(O.sub(pi(a), pi(b)), false).sigma())[0];
            if (rankA != rankB) {
                ranksDiffered++;
                assertTrue(distance >= 1 - 1e-12, "Lemma 2 violated: ranks " + rankA + ", " + rankB
                        + " at distance " + distance);
            }
            // differing ranks put the distance at exactly 1 (up to rounding), so the premise is
            // taken with the same rounding margin as the conclusion above
            if (distance < 1 - 1e-12) {
                premiseHeld++;
                assertEquals(rank(a), rank(b));
            }
        }
        assertTrue(premiseHeld >= 80 && ranksDiffered >= 50, premiseHeld + " / " + ranksDiffered);
        SimpleMatrix e = SampleMatrices.indicator(O, LABELS, 3);
        for (int trial = 0; trial < 50; trial++) {
            SimpleMatrix f = SampleMatrices.uniform(O, LABELS.length, 1 + trial % 5, 0.1, 1, trial);
            SimpleMatrix w = O.multTransB(f, f);
            double j2 = O.get(NCutsLosses.j2(O, e, Double.NaN).forward(w).output(), 0, 0);
            if (j2 < 0.5) {
                assertEquals(3, rank(w), "J2 = " + j2);
            }
        }
    }

    @Test
    void nonPositiveRowSumIsNamed() {
        SimpleMatrix w = O.fromRowMajor(3, 3, new double[] {1, 0.2, 0.1, 0.2, 1, 0.3, 0.1, 0.3, -1});
        SimpleMatrix e = SampleMatrices.indicator(O, new int[] {0, 0, 1}, 2);
        for (Layer<SimpleMatrix, SimpleMatrix, SimpleMatrix> j : java.util.List.of(
                NCutsLosses.j1(O, e, Double.NaN), NCutsLosses.j2(O, e, Double.NaN))) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> j.forward(w));
            assertTrue(ex.getMessage().contains("row 2 of W sums to -0.6"), ex.getMessage());
        }
    }

    private static SimpleMatrix lowRank(int m, int n, int rank, long seed) {
        return O.mult(SampleMatrices.gaussian(O, m, rank, seed), SampleMatrices.gaussian(O, rank, n, seed + 1));
    }

    private static int rank(SimpleMatrix a) {
        return new ProjectorLayer<>(O).forward(a).diagnostics().spectra().get(0).numericalRank();
    }

    private static SimpleMatrix inverse(SimpleMatrix a) {
        return a.invert();
    }

    /** W⁺ from EJML's own pseudo-inverse, independent of the projector layer. */
    private static SimpleMatrix pseudoInverse(SimpleMatrix a) {
        return a.pseudoInverse();
    }
}
