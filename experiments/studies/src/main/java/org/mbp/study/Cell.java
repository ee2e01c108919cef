package org.mbp.study;

import java.util.Map;

/**
 * One point of a study's grid: its position in the grid's fixed order and its parameters. The
 * cell's randomness derives from the study seed and the index, so a cell gives the same rows
 * whichever shard or thread computes it.
 */
public record Cell(int index, Map<String, Object> parameters) {

    public Cell {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    /** The seed of this cell's inputs. */
    public long seed(long studySeed) {
        return studySeed * 1_000_003L + index;
    }

    public double number(String key) {
        return ((Number) parameters.get(key)).doubleValue();
    }

    public int integer(String key) {
        return ((Number) parameters.get(key)).intValue();
    }

    public String text(String key) {
        return String.valueOf(parameters.get(key));
    }
}
