package org.mbp.layer;

/**
 * The rows each example of a stacked minibatch holds, and the checks of the layers that split a
 * stack by them ({@link Batched}, {@link PerExample}).
 *
 * @param layer the layer's name, for the messages
 * @param perExample the rows of one example
 */
record ExampleRows(String layer, int perExample) {

    ExampleRows {
        if (perExample < 1) {
            throw new IllegalArgumentException(layer + ": rows per example must be positive, got " + perExample);
        }
    }

    /** The number of examples a stack of {@code rows} rows holds, failing unless it is a positive whole number. */
    int count(int rows) {
        if (rows == 0 || rows % perExample != 0) {
            throw new IllegalArgumentException(layer + ": input has " + rows + " rows, expected a positive multiple of "
                    + perExample + " (one block of " + perExample + " rows per example)");
        }
        return rows / perExample;
    }
}
