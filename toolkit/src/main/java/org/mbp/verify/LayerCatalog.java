package org.mbp.verify;

import java.util.ArrayList;
import java.util.List;
import org.mbp.backend.MatrixOps;
import org.mbp.function.SpectralFunction;
import org.mbp.layer.Layer;
import org.mbp.layer.Pair;
import org.mbp.ncuts.NCutsLosses;
import org.mbp.ncuts.NCutsNormalizationLayer;
import org.mbp.ncuts.ProjectorLayer;
import org.mbp.ncuts.SimilarityLayer;
import org.mbp.spectral.CovarianceLayer;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.EigFactors;
import org.mbp.spectral.EigLayer;
import org.mbp.spectral.EigMatrixFunctionLayer;
import org.mbp.spectral.Form;
import org.mbp.spectral.SpectralFunctionLayer;
import org.mbp.spectral.SvdFactors;
import org.mbp.spectral.SvdLayer;
import org.mbp.spectral.SvdMatrixFunctionLayer;

/**
 * Every layer of the paper on a small seeded input with a well-separated spectrum: the set the
 * test suite and {@code mbp report} verify. The same seed gives the same inputs and upstream
 * gradients (up to rounding) on every backend, so results of two precisions can be compared.
 */
public final class LayerCatalog {

    private LayerCatalog() {
    }

    /**
     * The catalogue on one backend.
     *
     * @param <M> the backend's matrix type
     * @param ops the backend that computes
     * @param seed the random seed
     * @return the catalogue on one backend
     */
    public static <M> List<LayerCase<M, ?, ?>> paperLayers(MatrixOps<M> ops, long seed) {
        Builder<M> b = new Builder<>(ops, seed);
        double epsilon = DeepO2P.DEFAULT_EPSILON;

        M tall = SampleMatrices.withSingularValues(ops, 7, 4, new double[] {4, 3, 2, 1}, seed + 1);
        b.add("svd", "Prop. 1, eqs. 11–17", new SvdLayer<>(ops), tall);

        M symmetric = SampleMatrices.symmetricWithEigenvalues(ops, new double[] {-2, -1, 0.5, 1.5, 3},
                seed + 2);
        b.add("eig", "Prop. 2, eqs. 32–35", new EigLayer<>(ops), symmetric);

        M features = SampleMatrices.withSingularValues(ops, 7, 4, new double[] {2, 1.5, 1, 0.5}, seed + 3);
        SvdFactors<M> factors = new SvdLayer<>(ops).forward(features).output();
        b.add("svd-function(log)", "Prop. 3, eqs. 40–41",
                new SvdMatrixFunctionLayer<>(ops, SpectralFunction.log(), epsilon), factors);

        M spd = SampleMatrices.symmetricWithEigenvalues(ops, new double[] {0.5, 1, 1.5, 2, 3}, seed + 4);
        EigFactors<M> eigen = new EigLayer<>(ops).forward(spd).output();
        b.add("eig-function(log)", "Prop. 4, eqs. 43–45",
                new EigMatrixFunctionLayer<>(ops, SpectralFunction.log()), eigen);

        M tallF = SampleMatrices.withSingularValues(ops, 9, 5, new double[] {3, 2.5, 2, 1.5, 1}, seed + 5);
        M wideF = SampleMatrices.withSingularValues(ops, 4, 6, new double[] {3, 2, 1.5, 1}, seed + 6);
        for (Form form : Form.values()) {
            b.add("deepo2p-svd(" + form.label() + ")", "Cor. 1, eq. 46", DeepO2P.svd(ops, epsilon, form), tallF);
            b.add("deepo2p-svd(" + form.label() + "), m<d", "Cor. 1, eq. 46 with the U₂ block",
                    DeepO2P.svd(ops, epsilon, form), wideF);
            b.add("deepo2p-eig(" + form.label() + ")", "Cor. 1, eq. 47", DeepO2P.eig(ops, epsilon, form), tallF);
        }
        b.add("deepo2p-eig(stable), m<d", "Daleckii–Krein on a tied null space",
                DeepO2P.eig(ops, epsilon, Form.STABLE), wideF);
        for (SpectralFunction g : List.of(SpectralFunction.log(), SpectralFunction.sqrt(),
                SpectralFunction.exp(), SpectralFunction.power(0.75))) {
            b.add("stable-function(" + g.name() + ")", "Daleckii–Krein form of Props. 3–4",
                    SpectralFunctionLayer.ofSymmetric(ops, g), spd);
        }
        b.add("covariance", "eq. 4, FᵀF + εI", new CovarianceLayer<>(ops, epsilon), tallF);

        M columns = SampleMatrices.withSingularValues(ops, 7, 3, new double[] {3, 2, 1}, seed + 7);
        b.add("projector", "Lemma 1, eqs. 51–52", new ProjectorLayer<>(ops), columns);

        int[] labels = {0, 0, 1, 1, 1, 2, 2, 0};
        M e = SampleMatrices.indicator(ops, labels, 3);
        M positive = SampleMatrices.uniform(ops, labels.length, 3, 0.1, 1.0, seed + 8);
        M w = ops.multTransB(positive, positive);
        b.add("ncuts", "Prop. 5, eqs. 56–57", new NCutsNormalizationLayer<>(ops, e), w);
        Layer<M, M, M> affinity = NCutsLosses.linearAffinity(ops, 3);
        b.add("ncuts-j1", "eq. 50 through W = FFᵀ", affinity.then(NCutsLosses.j1(ops, e, Double.NaN)), positive);
        b.add("ncuts-j2", "eqs. 59–60, Prop. 6, through W = FFᵀ",
                affinity.then(NCutsLosses.j2(ops, e, Double.NaN)), positive);
        b.add("similarity", "eqs. 64–65", new SimilarityLayer<>(ops),
                new Pair<>(SampleMatrices.gaussian(ops, 6, 3, seed + 9),
                        SampleMatrices.gaussian(ops, 3, 3, seed + 10)));
        return b.cases;
    }

    /** Collects cases, drawing each upstream gradient from the seed. */
    private static final class Builder<M> {

        private final List<LayerCase<M, ?, ?>> cases = new ArrayList<>();
        private final Directions<M> upstreams;

        Builder(MatrixOps<M> ops, long seed) {
            this.upstreams = new Directions<>(ops, seed);
        }

        <X, Y> void add(String name, String reference, Layer<M, X, Y> layer, X input) {
            Y output = layer.forward(input).output();
            cases.add(new LayerCase<>(name, reference, layer, input,
                    upstreams.randomLike(layer.outputSpace(), output)));
        }
    }
}
