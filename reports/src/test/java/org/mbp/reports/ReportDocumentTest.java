package org.mbp.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDocumentTest {

    private static final String GREEK = "ε ≤ 10⁻¹²";

    @TempDir
    Path folder;

    /** A title page and three sections: Greek text, two charts, a table and a verdict. */
    static ReportDocument verificationReport() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Version", "0.1.0-SNAPSHOT");
        facts.put("Commit", "68f0218");
        facts.put("JVM", "OpenJDK 17.0.15");
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {2, 4, 3, 5, 1, 6};
        ChartSpec linear = new ChartSpec("Loss Λ per epoch", "epoch", "Λ", false, false,
                List.of(new Series("train", x, y), new Series("test", x, new double[] {3, 3, 2, 2, 1, 1})));
        return new ReportDocument()
                .titlePage("mbp verification report", "Gradients of Σ = UΛUᵀ", facts)
                .section("1 Accuracy")
                .paragraph("Every layer agrees with the high-precision reference to " + GREEK
                        + ", with σ₁/σₙ ≈ 10³, λ ≥ 0, ∂L/∂X = Uᵀ(K ∘ …)U and Π, Ω, × and − in the text. ".repeat(3))
                .chart(ChartsTest.convergence())
                .section("2 Training")
                .paragraph("The loss falls as expected; x₁ ≤ x₂ for every epoch.")
                .chart(linear)
                .section("3 Results")
                .table(List.of("layer", "dot", "fd", "verdict"),
                        List.of(List.of("svd", "1.9e-16", "1.2e-11", "pass"),
                                List.of("eig", "1.8e-16", "5.9e-13", "pass")))
                .verdict("2 of 2 layers passed every check.");
    }

    @Test
    void reportHasTheExpectedPagesWithExtractableUnicodeText() throws IOException {
        Path pdf = folder.resolve("report.pdf");
        write(verificationReport(), pdf);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals(3, document.getNumberOfPages());
            for (PDPage page : document.getPages()) {
                assertEquals(PDRectangle.A4.getWidth(), page.getMediaBox().getWidth(), 0.01);
                assertEquals(PDRectangle.A4.getHeight(), page.getMediaBox().getHeight(), 0.01);
            }
            String all = text(document, 1, 3);
            assertTrue(all.contains(GREEK), "extracted text lacks " + GREEK + ":\n" + all);
            assertTrue(all.contains("∂L/∂X = Uᵀ"), all);
            String title = text(document, 1, 1);
            assertTrue(title.contains("mbp verification report") && title.contains("Gradients of Σ = UΛUᵀ"), title);
            assertTrue(title.contains("Commit") && title.contains("68f0218"), title);
            String second = text(document, 2, 2);
            assertTrue(second.contains("1 Accuracy") && second.contains("2 Training"), second);
            assertTrue(second.contains("Error ε(h) of σ₁, λ ≥ 0"), "chart title is not text: " + second);
            assertTrue(second.contains("1e-12"), "log tick labels are not text: " + second);
            String third = text(document, 3, 3);
            assertTrue(third.contains("Loss Λ per epoch") && third.contains("3 Results"), third);
            assertTrue(third.contains("1.9e-16") && third.contains("2 of 2 layers passed every check."), third);
            for (int page = 1; page <= 3; page++) {
                assertTrue(text(document, page, page).contains("Page " + page + " of 3"), "footer of page " + page);
            }
            assertEquals(4, embeddedFonts(document.getPage(1).getResources()),
                    "page 2 does not use the regular and bold fonts for text and chart, all embedded");
        }
    }

    @Test
    void pngPagesMatchTheResolution() throws IOException {
        List<byte[]> pages = verificationReport().pngPages(50);

        assertEquals(3, pages.size());
        for (byte[] page : pages) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(page));
            assertEquals(PDRectangle.A4.getWidth() * 50 / 72, image.getWidth(), 1);
            assertEquals(PDRectangle.A4.getHeight() * 50 / 72, image.getHeight(), 1);
            int inked = 0;
            for (int y = 0; y < image.getHeight(); y += 2) {
                for (int x = 0; x < image.getWidth(); x += 2) {
                    inked += (image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
                }
            }
            assertTrue(inked > 200, "page " + (pages.indexOf(page) + 1) + " is nearly blank");
        }
    }

    @Test
    void longTablesContinueOnNewPagesUnderTheirHeader() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 1; r <= 200; r++) {
            rows.add(List.of(String.format("row %03d", r), String.format("%.1e", Math.pow(10, -r / 10.0)), "pass"));
        }
        Path pdf = folder.resolve("table.pdf");
        write(new ReportDocument().section("Measurements").table(List.of("layer", "relative error", "verdict"), rows),
                pdf);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int pages = document.getNumberOfPages();
            assertTrue(pages >= 4, "200 rows on " + pages + " pages");
            for (int page = 1; page <= pages; page++) {
                String text = text(document, page, page);
                assertEquals(1, occurrences(text, "relative error"), "header on page " + page + ":\n" + text);
            }
            String all = text(document, 1, pages);
            for (int r = 1; r <= 200; r++) {
                assertEquals(1, occurrences(all, String.format("row %03d", r)), "row " + r);
            }
            assertTrue(text(document, pages, pages).contains("row 200"));
            assertFalse(text(document, 2, 2).contains("Measurements"), "the heading was repeated");
        }
    }

    @Test
    void aFailedLayoutWritesNothing() {
        ReportDocument tallRow = new ReportDocument().table(List.of("cell"),
                List.of(List.of("line\n".repeat(80))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        IllegalArgumentException tooTall = assertThrows(IllegalArgumentException.class, () -> tallRow.writePdf(out));
        assertTrue(tooTall.getMessage().contains("table row 1 is taller than a page"), tooTall.getMessage());
        assertEquals(0, out.size());
    }

    @Test
    void badInputIsRejectedWithTheProblemNamed() {
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> new ReportDocument().table(List.of("a", "b"), List.of(List.of("1", "2"), List.of("3"))));
        assertEquals("table row 2 has 1 cells but the header has 2", ragged.getMessage());
        IllegalStateException empty = assertThrows(IllegalStateException.class,
                () -> new ReportDocument().writePdf(OutputStream.nullOutputStream()));
        assertTrue(empty.getMessage().startsWith("the report is empty"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReportDocument().paragraph("p").pngPages(0));
    }

    @Test
    void pdfBoxWarningsStayOffTheConsole() throws IOException {
        List<LogRecord> records = new ArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(recorder);
        try {
            verificationReport().pngPages(20);
            Logger pdfbox = Logger.getLogger("org.apache.pdfbox");
            Level quiet = pdfbox.getLevel();
            assertEquals(Level.SEVERE, quiet);
            leaveTextOpen();
            assertEquals(List.of(), records.stream().map(LogRecord::getMessage).toList());
            pdfbox.setLevel(Level.ALL);
            pdfbox.setUseParentHandlers(false);
            pdfbox.addHandler(recorder);
            try {
                leaveTextOpen();
            } finally {
                pdfbox.removeHandler(recorder);
                pdfbox.setUseParentHandlers(true);
                pdfbox.setLevel(quiet);
            }
            assertTrue(records.stream().anyMatch(r -> r.getLoggerName().startsWith("org.apache.pdfbox")),
                    "PDFBox does not log through java.util.logging, so its level does not silence it");
        } finally {
            root.removeHandler(recorder);
        }
    }

    /** Makes PDFBox warn, through commons-logging, that a text object was not ended. */
    private static void leaveTextOpen() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDPageContentStream content = new PDPageContentStream(document, page);
            content.beginText();
            content.close();
        }
    }

    private static String text(PDDocument document, int first, int last) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(first);
        stripper.setEndPage(last);
        return stripper.getText(document);
    }

    private static int occurrences(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    /** Counts the fonts used by the resources and the forms in them, failing on one not embedded. */
    private static int embeddedFonts(PDResources resources) throws IOException {
        int fonts = 0;
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
            fonts++;
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDFormXObject form) {
                fonts += embeddedFonts(form.getResources());
            }
        }
        return fonts;
    }

    /** Writes the report's PDF into a file. */
    static void write(ReportDocument report, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            report.writePdf(out);
        }
    }
}
