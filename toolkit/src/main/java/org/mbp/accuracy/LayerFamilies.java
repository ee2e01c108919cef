package org.mbp.accuracy;

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
import org.mbp.spectra.ControlledSpectra;
import org.mbp.spectra.Spectrum;
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
import org.mbp.verify.Directions;
import org.mbp.verify.LayerCase;
import org.mbp.verify.SampleMatrices;

/**
 * Every layer of the toolkit as a {@link LayerFamily}. A spectrum of size n enters as: the
 * singular values of an (n+2)×n matrix (SVD, projector, features), the eigenvalues of a
 * symmetric matrix (EIG), shifted by ε = 10⁻³ where a logarithm needs them positive, the
 * eigenvalues of {@code FᵀF + εI} (DeepO₂P), or the trailing singular values of positive
 * features (normalized cuts, with F of (n+3)×(n+1)).
 */
public final class LayerFamilies {

    /** The regulariser of the logarithm layers. */
    public static final double EPSILON = DeepO2P.DEFAULT_EPSILON;

    private LayerFamilies() {
    }

    /**
     * All families, in the order the grid reports them.
     *
     * @return all families, in the order the grid reports them
     */
    public static List<LayerFamily> all() {
        List<LayerFamily> all = new ArrayList<>();
        all.add(new Family("svd", false) {
            @Override
            <M> LayerCase<M, ?, ?> make(MatrixOps<M> ops, Form form, Spectrum s, ControlledSpectra in,
                    long seed, double tolerance) {
                M x = in.general(s.size() + 2, s.size(), s).in(ops);
                SvdLayer<M> layer = new SvdLayer<>(ops);
                SvdFactors<M> y = upstream(layer, x, ops, seed);
                int m = ops.rows(y.u());
                int n = s.size();
                // the U₂ block of U is defined up to a rotation: leave it out of the loss
                M u1 = ops.hconcat(ops.block(y.u(), 0, m, 0, n), ops.zeros(m, m - n));
                return new LayerCase<>(name(), "Prop. 1", layer, x, new SvdFactors<>(u1, y.sigma(), y.v()));
            }
        });
        all.add(new Family("eig", false) {
            @Override
            <M> LayerCase<M, ?, ?> make(MatrixOps<M> ops, Form form, Spectrum s, ControlledSpectra in,
                    long seed, double tolerance) {
                return withUpstream(name(), "Prop. 2", new EigLayer<>(ops), in.symmetric(s).in(ops), ops, seed);
            }
        });
        all.add(new Family("svd-function(log)", false) {
            @Override
            <M> LayerCase<M, ?, ?> make(MatrixOps<M> ops, Form form, Spectrum s, ControlledSpectra in,
                    long seed, double tolerance) {
                SvdFactors<M> x = new SvdLayer<>(ops).forward(in.general(s.size() + 2, s.size(), s).in(ops)).output();
                return withUpstream(name(), "Prop. 3", new SvdMatrixFunctionLayer<>(ops, SpectralFunction.log(),
                        EPSILON), x, ops, seed);
            }
        });
        all.add(new Family("eig-function(log)", false) {
            @Override
            <M> LayerCase<M, ?, ?> make(MatrixOps<M> ops, Form form, Spectrum s, ControlledSpectra in,
                    long seed, double tolerance) {
                EigFactors<M> x = new EigLayer<>(ops).forward(in.symmetric(s.shifted(EPSILON)).in(ops)).output();
                return withUpstream(name(), "Prop. 4", new EigMatrixFunctionLayer<>(ops, SpectralFunction.log()),
                        x, ops, seed);
            }
        });
        all.add(new Family("log(Z)", true) {
            @Override
            <M> LayerCase<M, ?, ?> make(MatrixOps<M> ops, Form form, Spectrum s, ControlledSpectra in,
                    long seed, double tolerance) {
                Layer<M, M, M> layer = form == Form.STABLE
                        ? SpectralFunctionLayer.ofSymmetric(ops, SpectralFunction.log())
                        : new EigLayer<>(ops).then(new EigMatrixFunctionLayer<>(ops, SpectralFunction.log()));
                return withUpstream(name(), "Props. 2 and 4", layer, in.symmetric(s.shifted(EPSILON)).in(ops), ops, seed);
            }
        });
        for (String route : List.of("svd", "eig")) {
            all.add(new Family("deepo2p-" + route, true) {
                @Override
                <M> LayerCase<M, ?, ?> make(MatrixOps<M> ops, Form form, Spectrum s, ControlledSpectra in,
                        long seed, double tolerance) {
                    M f = in.covarianceFeatures(s.size() + 2, s.shifted(EPSILON), EPSILON).in(ops);
                    Layer<M, M, M> layer = route.equals("svd") ? DeepO2P.svd(ops, EPSILON, form)
                            : DeepO2P.eig(ops, EPSILON, form);
                    return withUpstream(name(), "Cor. 1", layer, f, ops, seed);
                }
            });
        }
        all.add(new Family("projector", false) {
            @Override
            <M> LayerCase<M, ?, ?> make(MatrixOps<M> ops, Form form, Spectrum s, ControlledSpectra in,
                    long seed, double tolerance) {
                return withUpstream(name(), "Lemma 1", new ProjectorLayer<>(ops, tolerance),
                        in.general(s.size() + 2, s.size(), s).in(ops), ops, seed);
            }
        });
        all.add(new Family("ncuts", false) {
            @Override
            <M> LayerCase<M, ?, ?> make(MatrixOps<M> ops, Form form, Spectrum s, ControlledSpectra in,
                    long seed, double tolerance) {
                M f = in.positiveFeatures(s.size() + 3, s.size() + 1, s).in(ops);
                return withUpstream(name(), "Prop. 5", new NCutsNormalizationLayer<>(ops, segmentation(ops,
                        s.size() + 3)), ops.multTransB(f, f), ops, seed);
            }
        });
        for (String loss : List.of("ncuts-j1", "ncuts-j2")) {
            all.add(new Family(loss, false) {
                @Override
                <M> LayerCase<M, ?, ?> make(MatrixOps<M> ops, Form form, Spectrum s, ControlledSpectra in,
                        long seed, double tolerance) {
                    int m = s.size() + 3;
                    M f = in.positiveFeatures(m, s.size() + 1, s).in(ops);
                    M e = segmentation(ops, m);
                    Layer<M, M, M> j = loss.equals("ncuts-j1") ? NCutsLosses.j1(ops, e, tolerance)
                            : NCutsLosses.j2(ops, e, tolerance);
                    return new LayerCase<>(name(), loss.equals("ncuts-j1") ? "eq. 50" : "eq. 59, Prop. 6",
                            NCutsLosses.linearAffinity(ops, s.size() + 1).then(j), f, ops.filled(1, 1, 1.0));
                }
            });
        }
        all.add(new Family("similarity", false) {
            @Override
            <M> LayerCase<M, ?, ?> make(MatrixOps<M> ops, Form form, Spectrum s, ControlledSpectra in,
                    long seed, double tolerance) {
                Pair<M> x = new Pair<>(in.general(s.size() + 2, s.size(), s).in(ops),
                        SampleMatrices.gaussian(ops, s.size(), s.size(), seed));
                return withUpstream(name(), "eqs. 64–65", new SimilarityLayer<>(ops), x, ops, seed);
            }
        });
        all.add(new Family("covariance", false) {
            @Override
            <M> LayerCase<M, ?, ?> make(MatrixOps<M> ops, Form form, Spectrum s, ControlledSpectra in,
                    long seed, double tolerance) {
                return withUpstream(name(), "eq. 4", new CovarianceLayer<>(ops, EPSILON),
                        in.general(s.size() + 2, s.size(), s).in(ops), ops, seed);
            }
        });
        return all;
    }

    /** Three segments of consecutive points. */
    private static <M> M segmentation(MatrixOps<M> ops, int m) {
        int[] labels = new int[m];
        for (int i = 0; i < m; i++) {
            labels[i] = 3 * i / m;
        }
        return SampleMatrices.indicator(ops, labels, 3);
    }

    private static <M, X, Y> Y upstream(Layer<M, X, Y> layer, X x, MatrixOps<M> ops, long seed) {
        return new Directions<>(ops, seed).randomLike(layer.outputSpace(), layer.forward(x).output());
    }

    /** The case of a layer at x with an upstream gradient drawn from the seed. */
    static <M, X, Y> LayerCase<M, X, Y> withUpstream(String name, String reference,
            Layer<M, X, Y> layer, X x, MatrixOps<M> ops, long seed) {
        return new LayerCase<>(name, reference, layer, x, upstream(layer, x, ops, seed));
    }

    /** A family with a name and (optionally) a stable form. */
    private abstract static class Family implements LayerFamily {

        private final String name;
        private final List<Form> forms;

        Family(String name, boolean stable) {
            this.name = name;
            this.forms = stable ? List.of(Form.PAPER, Form.STABLE) : List.of(Form.PAPER);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<Form> forms() {
            return forms;
        }

        @Override
        public <M> LayerCase<M, ?, ?> build(MatrixOps<M> ops, Form form, Spectrum spectrum,
                ControlledSpectra inputs, long seed, double relativeTolerance) {
            return make(ops, form, spectrum, inputs, seed, relativeTolerance);
        }

        abstract <M> LayerCase<M, ?, ?> make(MatrixOps<M> ops, Form form, Spectrum spectrum,
                ControlledSpectra inputs, long seed, double relativeTolerance);
    }
}
