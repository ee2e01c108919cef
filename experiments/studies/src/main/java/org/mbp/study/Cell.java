package org.mbp.study;

import java.util.Map;
import org.mbp.run.RowCodec;

/**
 * One point of a study's grid and its position in the grid's fixed order. The cell's randomness
 * derives from the study seed and the index, so a cell gives the same rows whichever shard or
 * thread computes it.
 *
 * @param <P> the grid point: the study's parameters at this cell
 */
public record Cell<P extends Record>(int index, P point) {

    /**
     * The seed of this cell's inputs.
     *
     * @param studySeed the study seed
     * @return the seed of this cell's inputs
     */
    public long seed(long studySeed) {
        return studySeed * 1_000_003L + index;
    }

    /**
     * The point's parameters as they are stored, for messages.
     *
     * @return the point's parameters as they are stored, for messages
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> parameters() {
        return RowCodec.of((Class<P>) point.getClass()).encode(point);
    }
}
