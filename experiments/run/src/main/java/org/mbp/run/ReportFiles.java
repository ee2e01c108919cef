package org.mbp.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mbp.io.AtomicFile;
import org.mbp.reports.ReportDocument;

/**
 * A report's files in an output folder, each written atomically: {@code report.pdf} and every page
 * as {@code report-pages/report-NN.png}; page images of an earlier, longer report are removed, so
 * the folder holds exactly this report.
 */
public final class ReportFiles {

    /** The PDF's file name. */
    public static final String PDF = "report.pdf";
    /** The page images' folder. */
    public static final String PAGES = "report-pages";
    /** Page images: 110 dpi keeps an A4 page near 900 × 1300 pixels, legible and small. */
    static final float PAGE_DPI = 110f;
    private static final Pattern PAGE_FILE = Pattern.compile("report-\\d+\\.png");

    private ReportFiles() {
    }

    /**
     * Writes the report into {@code out}.
     *
     * @param report the report
     * @param out where to write
     * @return the page images written, in page order
     * @throws IOException if reading or writing fails
     */
    public static List<Path> write(ReportDocument report, Path out) throws IOException {
        AtomicFile.write(out.resolve(PDF), report::writePdf);
        List<byte[]> images = report.pngPages(PAGE_DPI);
        Path folder = out.resolve(PAGES);
        String name = "report-%0" + Math.max(2, String.valueOf(images.size()).length()) + "d.png";
        List<Path> pages = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            byte[] png = images.get(i);
            Path file = folder.resolve(String.format(name, i + 1));
            AtomicFile.write(file, stream -> stream.write(png));
            pages.add(file);
        }
        removeStalePages(folder, pages);
        return List.copyOf(pages);
    }

    private static void removeStalePages(Path folder, List<Path> pages) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (PAGE_FILE.matcher(file.getFileName().toString()).matches() && !pages.contains(file)) {
                    Files.delete(file);
                }
            }
        }
    }
}
