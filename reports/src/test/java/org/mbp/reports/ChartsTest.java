package org.mbp.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    @TempDir
    Path folder;

    /** Sixteen decades of error against step size, as a gradient check plots them. */
    static ChartSpec convergence() {
        int n = 17;
        double[] h = new double[n];
        double[] error = new double[n];
        double[] rounding = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = Math.pow(10, -i);
            error[i] = Math.pow(10, -16 + i);
            rounding[i] = 1e-16 / h[i] + h[i] * h[i];
        }
        return new ChartSpec("Error ε(h) of σ₁, λ ≥ 0", "step h", "relative error ε", true, true,
                List.of(new Series("truncation", h, error),
                        new Series("rounding", h, rounding, Series.Style.MARKERS)),
                List.of(new Guide("slope −1", -1, 1e-8, 1e-8), Guide.horizontal("threshold 10⁻⁶", 1e-6)));
    }

    @Test
    void pngHasTheRequestedSizeAndShowsEachSeriesInItsOwnColour() throws IOException {
        Path png = folder.resolve("chart.png");
        try (OutputStream out = Files.newOutputStream(png)) {
            Charts.writePng(convergence(), out, 640, 400);
        }

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(400, image.getHeight());
        int pixels = image.getWidth() * image.getHeight();
        int inked = count(image, rgb -> (rgb & 0xFFFFFF) != 0xFFFFFF);
        assertTrue(inked > pixels / 50, "only " + inked + " of " + pixels + " pixels are not white");
        assertTrue(inked < pixels / 2, inked + " of " + pixels + " pixels are not white: no white background");
        assertTrue(count(image, rgb -> near(rgb, 0x0072B2)) > 100, "the first series is not blue");
        assertTrue(count(image, rgb -> near(rgb, 0xD55E00)) > 100, "the second series is not vermillion");
        assertEquals(List.of(png), filesIn(folder), "a temporary file was left behind");
    }

    @Test
    void logAxesSpanSixteenDecadesAndSkipPointsTheyCannotShow() {
        double[] x = {1e-16, 1e-8, 1, 0, -1, Double.NaN, 1e-4};
        double[] y = {1e-16, 1e-8, 1, 1e-4, 1e-4, 1e-4, 0};
        ChartSpec spec = new ChartSpec("", "x", "y", true, true, List.of(new Series("s", x, y)));

        JFreeChart chart = Charts.render(spec);
        XYPlot plot = chart.getXYPlot();
        LogAxis xAxis = assertInstanceOf(LogAxis.class, plot.getDomainAxis());
        LogAxis yAxis = assertInstanceOf(LogAxis.class, plot.getRangeAxis());
        assertEquals(10, yAxis.getBase());
        assertEquals(1e-300, yAxis.getSmallestValue());
        assertEquals(3, plot.getDataset().getItemCount(0), "points at x ≤ 0, x = NaN or y = 0 are drawn");
        assertTrue(yAxis.getLowerBound() > 0 && yAxis.getLowerBound() <= 1e-16, "lower bound " + yAxis.getLowerBound());
        assertTrue(yAxis.getUpperBound() >= 1, "upper bound " + yAxis.getUpperBound());
        assertTrue(xAxis.getLowerBound() <= 1e-16 && xAxis.getUpperBound() >= 1);
        BufferedImage image = chart.createBufferedImage(500, 300);
        assertTrue(count(image, rgb -> near(rgb, 0x0072B2)) > 30, "the curve was not drawn");
    }

    @Test
    void linearAxesKeepNegativePointsAndDoNotForceZero() {
        double[] x = {-2, -1, 0, 1};
        double[] y = {100, 101, 102, Double.POSITIVE_INFINITY};
        JFreeChart chart = Charts.render(new ChartSpec("t", "x", "y", false, false,
                List.of(new Series("s", x, y, Series.Style.LINE))));

        XYPlot plot = chart.getXYPlot();
        assertInstanceOf(NumberAxis.class, plot.getRangeAxis());
        assertEquals(3, plot.getDataset().getItemCount(0));
        assertTrue(plot.getRangeAxis().getLowerBound() > 50, "the axis starts at " + plot.getRangeAxis().getLowerBound());
    }

    @Test
    void guidesFollowTheirPowerLawAcrossTheDrawnPoints() {
        XYDataset data = Charts.render(convergence()).getXYPlot().getDataset();

        assertEquals(4, data.getSeriesCount());
        assertEquals("slope −1", data.getSeriesKey(2));
        for (int i = 0; i < data.getItemCount(2); i++) {
            double x = data.getXValue(2, i);
            assertEquals(1e-16 / x, data.getYValue(2, i), 1e-9 * (1e-16 / x));
        }
        assertEquals(1e-16, data.getXValue(2, 0), 1e-30);
        assertEquals(1, data.getXValue(2, data.getItemCount(2) - 1), 1e-12);
        for (int i = 0; i < data.getItemCount(3); i++) {
            assertEquals(1e-6, data.getYValue(3, i));
        }
    }

    @Test
    void logTickLabelsAreShortPowersOfTen() {
        assertEquals("1e-12", PowerOfTenFormat.label(1e-12));
        assertEquals("1e-3", PowerOfTenFormat.label(1.0000000000000002e-3));
        assertEquals("0.01", PowerOfTenFormat.label(0.01));
        assertEquals("1", PowerOfTenFormat.label(1));
        assertEquals("1000", PowerOfTenFormat.label(1000));
        assertEquals("1e4", PowerOfTenFormat.label(1e4));
        assertEquals("2.50", PowerOfTenFormat.label(2.5));
    }

    @Test
    void specsRejectAmbiguousOrMismatchedData() {
        Series a = new Series("a", new double[] {1}, new double[] {1});
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> new ChartSpec("t", "x", "y", false, false, List.of(a), List.of(Guide.horizontal("a", 1))));
        assertTrue(duplicate.getMessage().contains("'a'"), duplicate.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ChartSpec("t", "x", "y", false, false, List.of()));
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> new Series("b", new double[2], new double[3]));
        assertTrue(lengths.getMessage().contains("2 x values but 3 y values"), lengths.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Guide("g", Double.NaN, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Charts.writePng(convergence(), OutputStream.nullOutputStream(), 0, 10));
    }

    @Test
    void seriesAreCopiedInAndOut() {
        double[] x = {1, 2};
        Series series = new Series("s", x, new double[] {3, 4});
        x[0] = 99;
        series.x()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, series.x());
        assertEquals(new Series("s", new double[] {1, 2}, new double[] {3, 4}), series);
    }

    static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static int count(BufferedImage image, IntPredicate test) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (test.test(image.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean near(int rgb, int target) {
        Color a = new Color(rgb);
        Color b = new Color(target);
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue()) < 40;
    }
}
