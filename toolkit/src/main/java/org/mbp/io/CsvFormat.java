package org.mbp.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Matrices as comma-separated text: one row per line, no header; blank lines and lines starting
 * with {@code #} are skipped. Values are written in the shortest form that reads back exactly.
 */
public final class CsvFormat {

    private CsvFormat() {
    }

    /**
     * Reads a matrix from a CSV file.
     *
     * @param path the path
     * @return a matrix from a CSV file
     * @throws IOException if reading or writing fails
     */
    public static DenseMatrix read(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        List<double[]> rows = new ArrayList<>();
        int firstRowLine = -1;
        for (int line = 0; line < lines.size(); line++) {
            String text = lines.get(line).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split(",", -1);
            double[] row = new double[fields.length];
            for (int c = 0; c < fields.length; c++) {
                try {
                    row[c] = Double.parseDouble(fields[c].strip());
                } catch (NumberFormatException e) {
                    throw new MatrixFileException(String.format("%s: line %d, column %d: '%s' is not a"
                            + " number", path, line + 1, c + 1, fields[c].strip()));
                }
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new MatrixFileException(String.format("%s: line %d has %d values, line %d has %d",
                        path, line + 1, row.length, firstRowLine + 1, rows.get(0).length));
            }
            if (rows.isEmpty()) {
                firstRowLine = line;
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new MatrixFileException(path + ": no data rows");
        }
        int cols = rows.get(0).length;
        double[] values = new double[rows.size() * cols];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, values, r * cols, cols);
        }
        return new DenseMatrix(rows.size(), cols, values);
    }

    /**
     * Writes a matrix as CSV, in float precision when {@code single}.
     *
     * @param out where to write
     * @param m the number of rows m
     * @param single whether single
     * @throws IOException if reading or writing fails
     */
    public static void write(OutputStream out, DenseMatrix m, boolean single) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                if (c > 0) {
                    text.append(',');
                }
                double v = m.get(r, c);
                text.append(single ? Float.toString((float) v) : Double.toString(v));
            }
            text.append('\n');
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
