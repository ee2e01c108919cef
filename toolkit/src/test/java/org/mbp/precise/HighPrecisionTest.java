package org.mbp.precise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;
import org.mbp.accuracy.LayerFamilies;
import org.mbp.accuracy.LayerFamily;
import org.mbp.backend.Svd;
import org.mbp.backend.SymmetricEigen;
import org.mbp.spectra.ControlledMatrix;
import org.mbp.spectra.ControlledSpectra;
import org.mbp.spectra.Spectrum;
import org.mbp.spectral.Form;
import org.mbp.verify.LayerCase;
import org.mbp.verify.LayerCatalog;

/**
 * The reference backend: the same layer code at 40 and at 60 digits must agree to at least 25
 * digits wherever gaps are at least 1e-10 (the test goes down to exactly 1e-10; rounding at 40
 * digits, ε ≈ 1e-36, amplified by at most 1/gap = 1e10, leaves about 26), and its
 * decompositions must reach working precision.
 */
class HighPrecisionTest {

    private static final FieldOps<Dfp> D40 = HighPrecision.ops(40);
    private static final FieldOps<Dfp> D60 = HighPrecision.ops(60);

    private static <X, Y> BigDecimal[] decimalGradient(LayerCase<FieldDense<Dfp>, X, Y> c) {
        X g = c.layer().forward(c.input()).adjoint(c.upstream());
        List<BigDecimal> all = new ArrayList<>();
        for (FieldDense<Dfp> part : c.layer().inputSpace().parts(g)) {
            all.addAll(List.of(HighPrecision.decimals(part)));
        }
        return all.toArray(BigDecimal[]::new);
    }

    @Test
    void everyCatalogLayerAgreesToTwentyFiveDigitsAcrossPrecisions() {
        var low = LayerCatalog.paperLayers(D40, 3);
        var high = LayerCatalog.paperLayers(D60, 3);
        for (int i = 0; i < low.size(); i++) {
            double difference = HighPrecision.relativeDifference(gradient(low.get(i)), gradient(high.get(i)));
            assertTrue(difference <= 1e-25, low.get(i).name() + ": 40 vs 60 digits differ by " + difference);
        }
    }

    @Test
    void everyFamilyAgreesToTwentyFiveDigitsOnTheGridsSeparatedSpectra() {
        for (Spectrum spectrum : List.of(Spectrum.separated(5), Spectrum.clustered(5, 1e-4), Spectrum.clustered(5, 1e-8),
                Spectrum.clustered(5, 1e-10))) {
            for (LayerFamily family : LayerFamilies.all()) {
                for (Form form : family.forms()) {
                    BigDecimal[] low = gradient(family.build(D40, form, spectrum, new ControlledSpectra(9), 9, 1e-30));
                    BigDecimal[] high = gradient(family.build(D60, form, spectrum, new ControlledSpectra(9), 9, 1e-30));
                    double difference = HighPrecision.relativeDifference(low, high);
                    assertTrue(difference <= 1e-25, family.name() + "/" + form + "/" + spectrum.label()
                            + ": 40 vs 60 digits differ by " + difference);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <X, Y> LayerCase<FieldDense<Dfp>, X, Y> cast(LayerCase<?, ?, ?> c) {
        return (LayerCase<FieldDense<Dfp>, X, Y>) c;
    }

    private static BigDecimal[] gradient(LayerCase<?, ?, ?> c) {
        return decimalGradient(cast(c));
    }

    @Test
    void eigendecompositionRecoversAPrescribedSpectrumToWorkingPrecision() {
        FieldOps<Dfp> ops = HighPrecision.ops();
        for (Spectrum s : List.of(Spectrum.separated(7), Spectrum.clustered(7, 1e-12), Spectrum.multiplicity(7, 3),
                Spectrum.rankDeficient(7, 3))) {
            ControlledMatrix a = new ControlledSpectra(5).symmetric(s);
            SymmetricEigen<FieldDense<Dfp>> eig = ops.eigSymmetric(a.exact());
            double[] prescribed = s.values().clone();
            java.util.Arrays.sort(prescribed);
            for (int i = 0; i < prescribed.length; i++) {
                double error = eig.values().data()[i].subtract(ops.field().getZero().newInstance(prescribed[i]))
                        .abs().getReal();
                assertTrue(error <= 100 * ops.epsilon() * 7, s.label() + ": eigenvalue " + i + " off by " + error);
            }
            assertTrue(offOrthogonality(ops, eig.vectors()) <= 10 * ops.epsilon(), s.label());
            FieldDense<Dfp> rebuilt = ops.multTransB(ops.scaleColumns(eig.vectors(), eig.values()), eig.vectors());
            assertTrue(ops.maxAbs(ops.sub(rebuilt, a.exact())) <= 100 * ops.epsilon() * 7, s.label());
        }
    }

    @Test
    void svdReachesWorkingPrecisionForTallWideAndRankDeficientInput() {
        FieldOps<Dfp> ops = HighPrecision.ops();
        int[][] shapes = {{7, 4}, {4, 7}, {6, 6}};
        for (int[] shape : shapes) {
            int k = Math.min(shape[0], shape[1]);
            for (Spectrum s : List.of(Spectrum.separated(k), Spectrum.rankDeficient(k, 2))) {
                ControlledMatrix a = new ControlledSpectra(11).general(shape[0], shape[1], s);
                for (boolean full : new boolean[] {true, false}) {
                    Svd<FieldDense<Dfp>> svd = ops.svd(a.exact(), full);
                    for (int i = 0; i < k; i++) {
                        double error = svd.sigma().data()[i].subtract(ops.field().getZero().newInstance(s.values()[i]))
                                .abs().getReal();
                        assertTrue(error <= 1000 * ops.epsilon(), shape[0] + "×" + shape[1] + " " + s.label() + ": σ" + i + " off by " + error);
                    }
                    assertTrue(offOrthogonality(ops, svd.u()) <= 100 * ops.epsilon());
                    assertTrue(offOrthogonality(ops, svd.v()) <= 100 * ops.epsilon());
                    FieldDense<Dfp> sigma = ops.diagonalMatrix(svd.sigma(), ops.cols(svd.u()), ops.cols(svd.v()));
                    FieldDense<Dfp> rebuilt = ops.multTransB(ops.mult(svd.u(), sigma), svd.v());
                    assertTrue(ops.maxAbs(ops.sub(rebuilt, a.exact())) <= 1000 * ops.epsilon(), shape[0] + "×" + shape[1]);
                }
            }
        }
    }

    @Test
    void digitsAreConfigurable() {
        assertEquals("dfp40", D40.name());
        assertTrue(D40.epsilon() < 1e-35 && D60.epsilon() < 1e-55);
    }

    private static double offOrthogonality(FieldOps<Dfp> ops, FieldDense<Dfp> q) {
        return ops.maxAbs(ops.sub(ops.multTransA(q, q), ops.identity(ops.cols(q))));
    }
}
