import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mbp.io.AtomicFile;
import org.mbp.reports.ChartSpec;
import org.mbp.reports.Charts;
import org.mbp.reports.Series;

/**
 * The cost-curve chart of {@code scripts/bench-peer.sh --curve}: ms per matrix against d, log-log,
 * one line per column of the tab-separated table (first column d). Run as a single-file program on
 * the command line's jar: {@code java -cp experiments/cli/target/mbp.jar scripts/CostCurveChart.java IN.tsv OUT.png}.
 */
public final class CostCurveChart {

    private CostCurveChart() {
    }

    /**
     * Draws the chart.
     *
     * @param args the table and the PNG to write
     * @throws IOException when the table cannot be read or the PNG written
     */
    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        String[] names = lines.get(0).split("\t");
        int rows = lines.size() - 1;
        double[] d = new double[rows];
        double[][] ms = new double[names.length - 1][rows];
        for (int i = 0; i < rows; i++) {
            String[] cells = lines.get(i + 1).split("\t");
            d[i] = Double.parseDouble(cells[0]);
            for (int c = 1; c < names.length; c++) {
                ms[c - 1][i] = Double.parseDouble(cells[c]);
            }
        }
        List<Series> series = new ArrayList<>();
        for (int c = 1; c < names.length; c++) {
            series.add(new Series(names[c], d, ms[c - 1]));
        }
        ChartSpec spec = new ChartSpec("DeepO2P forward + backward, double, stable form, F of 0.66d x d",
                "d", "ms per matrix", true, true, series);
        AtomicFile.write(Path.of(args[1]), out -> Charts.writePng(spec, out, 800, 520));
    }
}
