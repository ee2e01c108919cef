package org.mbp.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mbp.study.gap.GapGrid;
import org.mbp.study.gap.GapStudy;
import org.mbp.study.precision.PrecisionGrid;
import org.mbp.study.precision.PrecisionStudy;
import org.mbp.study.rank.RankGrid;
import org.mbp.study.rank.RankStudy;
import org.mbp.study.svdeig.SvdVsEigGrid;
import org.mbp.study.svdeig.SvdVsEigStudy;

/** The studies by name: their defaults per scale, and construction from parameters. */
public final class Studies {

    /** Every study, in report order. */
    public static final List<String> NAMES = List.of(SvdVsEigStudy.NAME, GapStudy.NAME, PrecisionStudy.NAME,
            RankStudy.NAME);

    private Studies() {
    }

    private static Function<Map<String, Object>, Study<?, ?>> constructor(String name) {
        return switch (name) {
            case SvdVsEigStudy.NAME -> SvdVsEigStudy::create;
            case GapStudy.NAME -> GapStudy::create;
            case PrecisionStudy.NAME -> PrecisionStudy::create;
            case RankStudy.NAME -> RankStudy::create;
            default -> throw unknown(name);
        };
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown study '" + name + "' (known: " + String.join(", ", NAMES) + ")");
    }

    /**
     * The study's default parameters at a scale.
     *
     * @param name the name
     * @param scale the scale
     * @return the study's default parameters at a scale
     */
    public static Map<String, Object> defaults(String name, Scale scale) {
        return switch (name) {
            case SvdVsEigStudy.NAME -> SvdVsEigGrid.defaults(scale);
            case GapStudy.NAME -> GapGrid.defaults(scale);
            case PrecisionStudy.NAME -> PrecisionGrid.defaults(scale);
            case RankStudy.NAME -> RankGrid.defaults(scale);
            default -> throw unknown(name);
        };
    }

    /**
     * A study at a scale with some parameters overridden; overrides the study does not use are
     * ignored (so one set of options can serve {@code all}).
     *
     * @param name the name
     * @param scale the scale
     * @param overrides the overrides
     * @return a study at a scale with some parameters overridden; overrides the study does not use
     *         are ignored (so one set of options can serve {@code all})
     */
    public static Study<?, ?> create(String name, Scale scale, Map<String, Object> overrides) {
        Map<String, Object> parameters = new LinkedHashMap<>(defaults(name, scale));
        overrides.forEach((key, value) -> {
            if (parameters.containsKey(key)) {
                parameters.put(key, value);
            }
        });
        return constructor(name).apply(parameters);
    }

    /**
     * The study a stored result was made with.
     *
     * @param name the name
     * @param parameters the parameters
     * @return the study a stored result was made with
     */
    public static Study<?, ?> fromParameters(String name, Map<String, Object> parameters) {
        return constructor(name).apply(parameters);
    }
}
