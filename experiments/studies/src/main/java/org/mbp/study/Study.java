package org.mbp.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mbp.run.CellStore;
import org.mbp.run.RowCodec;

/**
 * A numerical study: the grid it runs and the claim it checks, under a name. The grid's points
 * become cells, each measured into typed rows (one per measurement); the claim summarises the rows
 * of every cell into a {@link Finding}. The rows are stored by their {@link RowCodec}.
 *
 * @param <P> a grid point
 * @param <R> a measurement
 */
public final class Study<P extends Record, R extends Record> {

    /** The column of every row that names its cell: the store keeps it once per cell. */
    public static final String CELL = "cell";

    private final String name;
    private final String title;
    private final Map<String, Object> parameters;
    private final Grid<P, R> grid;
    private final Claim<R> claim;
    private final RowCodec<R> codec;

    /**
     * A study.
     *
     * @param name       the name on the command line and in file names, e.g. {@code "svd-vs-eig"}
     * @param title      a title for the report
     * @param parameters the parameters the grid was made from, as they are stored (the cell
     *     store's header and the summary): what makes two runs comparable
     * @param rowType    the measurement's record, whose first component is {@code int cell}
     * @param grid the grid
     * @param claim the claim
     */
    public Study(String name, String title, Map<String, Object> parameters, Grid<P, R> grid, Claim<R> claim,
            Class<R> rowType) {
        this.name = name;
        this.title = title;
        this.parameters = parameters;
        this.grid = grid;
        this.claim = claim;
        this.codec = RowCodec.of(rowType);
        if (!codec.columns().get(0).equals(CELL)) {
            throw new IllegalArgumentException(rowType.getSimpleName() + " must begin with int cell");
        }
    }

    /**
     * The study's name, as users type it.
     *
     * @return the study's name, as users type it
     */
    public String name() {
        return name;
    }

    /**
     * The study's title.
     *
     * @return the study's title
     */
    public String title() {
        return title;
    }

    /**
     * What was run, in a few sentences, for the report.
     *
     * @return what was run, in a few sentences, for the report
     */
    public String description() {
        return grid.description();
    }

    /**
     * The claim checked, for the report.
     *
     * @return the claim checked, for the report
     */
    public String claim() {
        return claim.statement();
    }

    /**
     * The grid's parameters as stored (what makes two runs comparable), for the summary and for merging.
     *
     * @return the grid's parameters as stored (what makes two runs comparable), for the summary and
     *         for merging
     */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /**
     * The grid, in its fixed order.
     *
     * @return the grid, in its fixed order
     */
    public List<Cell<P>> cells() {
        List<Cell<P>> cells = new ArrayList<>();
        for (P point : grid.points()) {
            cells.add(new Cell<>(cells.size(), point));
        }
        return cells;
    }

    /**
     * The measurements of one cell.
     *
     * @param cell the grid cell
     * @param seed the random seed
     * @return the measurements of one cell
     */
    public List<R> measure(Cell<P> cell, long seed) {
        return grid.measure(cell, seed);
    }

    /**
     * How the rows are stored.
     *
     * @return how the rows are stored
     */
    public RowCodec<R> codec() {
        return codec;
    }

    /**
     * The rows of a store's cells, in cell order.
     *
     * @param stored the stored value
     * @return the rows of a store's cells, in cell order
     */
    public List<R> rows(CellStore.Contents stored) {
        return CellStore.rows(stored).stream().map(codec::decode).toList();
    }

    /**
     * What the rows of every cell show.
     *
     * @param all all of them
     * @return what the rows of every cell show
     */
    public Finding check(List<R> all) {
        return claim.check(all);
    }
}
