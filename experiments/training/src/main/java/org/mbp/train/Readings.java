package org.mbp.train;

import java.util.LinkedHashMap;
import java.util.Map;

/** The readings of an epoch, aggregated in the order they first appear. */
final class Readings {

    private final Map<String, double[]> sums = new LinkedHashMap<>();
    private final Map<String, Reading.Aggregate> aggregates = new LinkedHashMap<>();

    void add(Reading r) {
        double[] s = sums.computeIfAbsent(r.name(), k -> new double[] {initial(r.aggregate()), 0});
        aggregates.put(r.name(), r.aggregate());
        switch (r.aggregate()) {
            case MEAN -> s[0] += r.value();
            case MIN -> s[0] = Math.min(s[0], r.value());
            case MAX -> s[0] = Math.max(s[0], r.value());
        }
        s[1]++;
    }

    private static double initial(Reading.Aggregate a) {
        return switch (a) {
            case MEAN -> 0;
            case MIN -> Double.POSITIVE_INFINITY;
            case MAX -> Double.NEGATIVE_INFINITY;
        };
    }

    /** Name → aggregated value. */
    Map<String, Double> values() {
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((name, s) -> out.put(name, aggregates.get(name) == Reading.Aggregate.MEAN ? s[0] / s[1] : s[0]));
        return out;
    }
}
