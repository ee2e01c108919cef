package org.mbp.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mbp.study.Scale;
import org.mbp.study.Studies;
import org.mbp.study.Study;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The grid options of the studies; each study reads those it uses (see {@code mbp study --help}). */
final class StudyOptions {

    @Option(names = "--d", split = ",", hideParamSyntax = true, paramLabel = "D[,D...]", description = "svd-vs-eig: dimensions d")
    List<Integer> d;

    @Option(names = "--gaps", split = ",", hideParamSyntax = true, paramLabel = "G[,G...]",
            description = "svd-vs-eig, gap: relative eigengaps in (0, 1); gap: below 1/size")
    List<Double> gaps;

    @Option(names = "--kappas", split = ",", hideParamSyntax = true, paramLabel = "K[,K...]", description = "svd-vs-eig: condition numbers of FᵀF")
    List<Double> kappas;

    @Option(names = "--epsilons", split = ",", hideParamSyntax = true, paramLabel = "E[,E...]", description = "svd-vs-eig: regularisers ε ≥ 0")
    List<Double> epsilons;

    @Option(names = "--shapes", split = ",", hideParamSyntax = true, paramLabel = "S[,S...]", description = "svd-vs-eig: tall and/or wide")
    List<String> shapes;

    @Option(names = "--samples", paramLabel = "N", description = "svd-vs-eig, gap, precision: inputs per cell")
    Integer samples;

    @Option(names = "--digits", paramLabel = "D", description = "decimal digits of the high-precision reference")
    Integer digits;

    @Option(names = "--size", paramLabel = "N", description = "gap, precision: matrix size n")
    Integer size;

    @Option(names = "--taylor-degree", paramLabel = "K", description = "gap: degree of the Taylor-expanded K̃")
    Integer taylorDegree;

    @Option(names = "--clamp", paramLabel = "TAU", description = "gap: clamp/shift of K̃'s gaps, relative to λ_max")
    Double clamp;

    @Option(names = "--eta", paramLabel = "ETA", description = "gap: Lorentzian broadening, relative to λ_max")
    Double eta;

    @Option(names = "--m", paramLabel = "M", description = "rank: number of points")
    Integer m;

    @Option(names = "--dims", paramLabel = "D", description = "rank: feature dimensions")
    Integer dims;

    @Option(names = "--k", paramLabel = "K", description = "rank: number of target segments")
    Integer k;

    @Option(names = "--runs", paramLabel = "R", description = "rank: runs per setting")
    Integer runs;

    @Option(names = "--iterations", paramLabel = "T", description = "rank: gradient-descent iterations")
    Integer iterations;

    @Option(names = "--losses", split = ",", hideParamSyntax = true, paramLabel = "L[,L...]", description = "rank: j1 and/or j2")
    List<String> losses;

    @Option(names = "--initial-ranks", split = ",", hideParamSyntax = true, paramLabel = "R[,R...]", description = "rank: initial ranks of F")
    List<Integer> initialRanks;

    @Option(names = "--rank-tolerance", paramLabel = "TAU", description = "rank: relative numerical-rank tolerance")
    Double rankTolerance;

    /**
     * The named studies at a scale with the grid options applied.
     *
     * @throws picocli.CommandLine.ParameterException when a grid option applies to none of them
     * @throws IllegalArgumentException when a grid option has a value the study refuses
     */
    List<Study<?, ?>> studies(CommandSpec spec, List<String> names, Scale scale) {
        Map<String, Object> overrides = overrides();
        for (String key : overrides.keySet()) {
            Usage.require(spec, !users(names, key, scale).isEmpty(), "--" + key + " does not apply to "
                    + String.join(", ", names) + " (it is a parameter of "
                    + String.join(", ", users(Studies.NAMES, key, scale)) + ")");
        }
        List<Study<?, ?>> studies = new ArrayList<>();
        for (String name : names) {
            studies.add(Studies.create(name, scale, overrides));
        }
        return studies;
    }

    /** Those of the named studies that have the parameter {@code key}. */
    private static List<String> users(List<String> names, String key, Scale scale) {
        return names.stream().filter(name -> Studies.defaults(name, scale).containsKey(key)).toList();
    }

    /** The options given, by parameter name. */
    private Map<String, Object> overrides() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "d", d);
        put(m, "gaps", gaps);
        put(m, "kappas", kappas);
        put(m, "epsilons", epsilons);
        put(m, "shapes", shapes);
        put(m, "samples", samples);
        put(m, "digits", digits);
        put(m, "size", size);
        put(m, "taylor-degree", taylorDegree);
        put(m, "clamp", clamp);
        put(m, "eta", eta);
        put(m, "m", this.m);
        put(m, "dims", dims);
        put(m, "k", k);
        put(m, "runs", runs);
        put(m, "iterations", iterations);
        put(m, "losses", losses);
        put(m, "initial-ranks", initialRanks);
        put(m, "rank-tolerance", rankTolerance);
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
