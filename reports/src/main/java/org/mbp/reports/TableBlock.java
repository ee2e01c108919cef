package org.mbp.reports;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A table with a bold header row: columns as wide as their content, narrowed in proportion with
 * wrapped cells when the table is wider than the page; numeric columns aligned right; rows in
 * alternating shades. A long table continues on the next pages, each starting with the header.
 */
final class TableBlock implements Block {

    private static final float SIZE = 9f;
    private static final float LEADING = 11.5f;
    private static final float PAD_X = 4f;
    private static final float PAD_Y = 2.5f;
    private static final Color HEADER_FILL = new Color(0xDDE4EC);
    private static final Color STRIPE = new Color(0xF4F6F8);

    /** A number as tables print it: 12, −3.5, 1.9e-16, 2,000, 45%. */
    private static final Pattern NUMBER =
            Pattern.compile("[-+−]?(\\d[\\d,]*(\\.\\d*)?|\\.\\d+)([eE][-+−]?\\d+)?%?");
    /** Cells that stand for "no value" and do not decide a column's alignment. */
    private static final Pattern NO_VALUE = Pattern.compile("|-|–|—|n/a");

    private final List<String> header;
    private final List<List<String>> rows;

    /**
     * Checks and copies the cells.
     *
     * @throws IllegalArgumentException when the header is empty or a row has another number of cells
     */
    TableBlock(List<String> header, List<List<String>> rows) {
        this.header = List.copyOf(header);
        if (this.header.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        List<List<String>> copied = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            if (row.size() != this.header.size()) {
                throw new IllegalArgumentException("table row " + (copied.size() + 1) + " has " + row.size()
                        + " cells but the header has " + this.header.size());
            }
            copied.add(List.copyOf(row));
        }
        this.rows = List.copyOf(copied);
    }

    @Override
    public void layOut(PageWriter writer, float next) throws IOException {
        Layout layout = new Layout(writer);
        float headerHeight = layout.height(layout.headerLines);
        writer.gap(Typography.BLOCK_GAP / 2);
        writer.reserve(headerHeight + (rows.isEmpty() ? 0 : layout.height(layout.rowLines.get(0))));
        layout.drawRow(layout.headerLines, true, false);
        for (int r = 0; r < rows.size(); r++) {
            List<List<String>> cells = layout.rowLines.get(r);
            float height = layout.height(cells);
            if (headerHeight + height > writer.bodyHeight()) {
                throw new IllegalArgumentException("table row " + (r + 1)
                        + " is taller than a page: shorten its cells or split it");
            }
            if (height > writer.remaining()) {
                writer.newPage();
                layout.drawRow(layout.headerLines, true, false);
            }
            layout.drawRow(cells, false, r % 2 == 1);
        }
        writer.rule(Typography.RULE, 0.6f, writer.left(), writer.cursor(), layout.tableWidth);
        writer.gap(Typography.BLOCK_GAP * 1.5f);
    }

    /** The header and the first row. */
    @Override
    public float leadHeight(PageWriter writer) {
        Layout layout = new Layout(writer);
        return layout.height(layout.headerLines) + (rows.isEmpty() ? 0 : layout.height(layout.rowLines.get(0)));
    }

    /** Column widths, alignments and wrapped cells of the table on one writer's page. */
    private final class Layout {
        private final PageWriter writer;
        private final float[] widths;
        private final boolean[] rightAligned;
        private final float tableWidth;
        private final List<List<String>> headerLines;
        private final List<List<List<String>>> rowLines = new ArrayList<>();

        Layout(PageWriter writer) {
            this.writer = writer;
            int columns = header.size();
            float[] natural = new float[columns];
            rightAligned = new boolean[columns];
            for (int c = 0; c < columns; c++) {
                natural[c] = writer.bold().width(writer.bold().printable(header.get(c)), SIZE);
                boolean numeric = false;
                boolean text = false;
                for (List<String> row : rows) {
                    String cell = row.get(c).strip();
                    natural[c] = Math.max(natural[c], writer.regular().width(writer.regular().printable(cell), SIZE));
                    if (NUMBER.matcher(cell).matches()) {
                        numeric = true;
                    } else if (!NO_VALUE.matcher(cell).matches()) {
                        text = true;
                    }
                }
                natural[c] += 2 * PAD_X;
                rightAligned[c] = numeric && !text;
            }
            widths = fit(natural, writer.width());
            float sum = 0;
            for (float w : widths) {
                sum += w;
            }
            tableWidth = sum;
            headerLines = wrap(header, writer.bold());
            for (List<String> row : rows) {
                rowLines.add(wrap(row, writer.regular()));
            }
        }

        private List<List<String>> wrap(List<String> cells, TextFace face) {
            List<List<String>> wrapped = new ArrayList<>(cells.size());
            for (int c = 0; c < cells.size(); c++) {
                wrapped.add(face.wrap(cells.get(c).strip(), SIZE, widths[c] - 2 * PAD_X));
            }
            return wrapped;
        }

        float height(List<List<String>> cells) {
            int lines = 1;
            for (List<String> cell : cells) {
                lines = Math.max(lines, cell.size());
            }
            return lines * LEADING + 2 * PAD_Y;
        }

        void drawRow(List<List<String>> cells, boolean isHeader, boolean striped) throws IOException {
            float height = height(cells);
            float top = writer.cursor();
            if (isHeader) {
                writer.fill(HEADER_FILL, writer.left(), top - height, tableWidth, height);
            } else if (striped) {
                writer.fill(STRIPE, writer.left(), top - height, tableWidth, height);
            }
            TextFace face = isHeader ? writer.bold() : writer.regular();
            float x = writer.left();
            for (int c = 0; c < cells.size(); c++) {
                List<String> lines = cells.get(c);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    float lineX = rightAligned[c] ? x + widths[c] - PAD_X - face.width(line, SIZE) : x + PAD_X;
                    float baseline = PageWriter.baseline(top - PAD_Y - i * LEADING, SIZE, LEADING);
                    writer.text(face, SIZE, Typography.INK, lineX, baseline, line);
                }
                x += widths[c];
            }
            if (isHeader) {
                writer.rule(Typography.ACCENT, 0.8f, writer.left(), top - height, tableWidth);
            }
            writer.advance(height);
        }
    }

    /**
     * Column widths that fit the available width: the natural widths when they fit; otherwise
     * columns narrower than an equal share keep their width and the others share the rest in
     * proportion to their natural widths.
     */
    static float[] fit(float[] natural, float available) {
        float total = 0;
        for (float w : natural) {
            total += w;
        }
        if (total <= available) {
            return natural.clone();
        }
        float[] widths = new float[natural.length];
        boolean[] settled = new boolean[natural.length];
        float left = available;
        int open = natural.length;
        boolean changed = true;
        while (changed) {
            changed = false;
            float share = left / open;
            for (int c = 0; c < natural.length; c++) {
                if (!settled[c] && natural[c] <= share) {
                    widths[c] = natural[c];
                    settled[c] = true;
                    left -= natural[c];
                    open--;
                    changed = true;
                }
            }
        }
        float openNatural = 0;
        for (int c = 0; c < natural.length; c++) {
            if (!settled[c]) {
                openNatural += natural[c];
            }
        }
        for (int c = 0; c < natural.length; c++) {
            if (!settled[c]) {
                widths[c] = left * natural[c] / openNatural;
            }
        }
        return widths;
    }
}
