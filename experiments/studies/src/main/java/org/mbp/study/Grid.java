package org.mbp.study;

import java.util.List;

/**
 * The grid a study runs: its points in a fixed order and how the rows of one point are measured.
 *
 * @param <P> a grid point
 * @param <R> a measurement, whose first component is {@code int cell}, the index of its cell
 */
public interface Grid<P extends Record, R extends Record> {

    /**
     * What is run, in a few sentences, for the report.
     *
     * @return what is run, in a few sentences, for the report
     */
    String description();

    /**
     * The points, in the grid's fixed order.
     *
     * @return the points, in the grid's fixed order
     */
    List<P> points();

    /**
     * The measurements of one cell, from the cell's seed.
     *
     * @param cell the grid cell
     * @param seed the random seed
     * @return the measurements of one cell, from the cell's seed
     */
    List<R> measure(Cell<P> cell, long seed);
}
