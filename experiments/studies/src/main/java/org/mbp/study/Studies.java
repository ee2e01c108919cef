package org.mbp.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The studies by name: their defaults per scale, and construction from parameters. */
public final class Studies {

    /** Every study, in report order. */
    public static final List<String> NAMES = List.of(SvdVsEigStudy.NAME, GapStudy.NAME, PrecisionStudy.NAME,
            RankStudy.NAME);

    private Studies() {
    }

    private static Function<Map<String, Object>, Study> constructor(String name) {
        return switch (name) {
            case SvdVsEigStudy.NAME -> SvdVsEigStudy::new;
            case GapStudy.NAME -> GapStudy::new;
            case PrecisionStudy.NAME -> PrecisionStudy::new;
            case RankStudy.NAME -> RankStudy::new;
            default -> throw new IllegalArgumentException("unknown study '" + name + "' (known: "
                    + String.join(", ", NAMES) + ")");
        };
    }

    /** The study's default parameters at a scale. */
    public static Map<String, Object> defaults(String name, Scale scale) {
        return switch (name) {
            case SvdVsEigStudy.NAME -> SvdVsEigStudy.defaults(scale);
            case GapStudy.NAME -> GapStudy.defaults(scale);
            case PrecisionStudy.NAME -> PrecisionStudy.defaults(scale);
            case RankStudy.NAME -> RankStudy.defaults(scale);
            default -> throw new IllegalArgumentException("unknown study '" + name + "' (known: "
                    + String.join(", ", NAMES) + ")");
        };
    }

    /**
     * A study at a scale with some parameters overridden; overrides the study does not use are
     * ignored (so one set of options can serve {@code all}).
     */
    public static Study create(String name, Scale scale, Map<String, Object> overrides) {
        Map<String, Object> parameters = new LinkedHashMap<>(defaults(name, scale));
        overrides.forEach((key, value) -> {
            if (parameters.containsKey(key)) {
                parameters.put(key, value);
            }
        });
        return constructor(name).apply(parameters);
    }

    /** The study a stored result was made with. */
    public static Study fromParameters(String name, Map<String, Object> parameters) {
        return constructor(name).apply(parameters);
    }
}
