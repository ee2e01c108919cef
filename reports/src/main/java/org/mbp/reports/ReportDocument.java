package org.mbp.reports;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A multi-page A4 report written as a vector PDF: a title page, sections, word-wrapped
 * paragraphs, charts, tables and highlighted verdicts, laid out top to bottom with 2 cm margins,
 * new pages where content does not fit and "Page i of n" in every footer. The text is real,
 * selectable text in an embedded TrueType font (DejaVu Sans where installed), so Greek letters,
 * ≤ ≥ ≈ × − and superscripts such as 10⁻¹² print and extract as written; chart text is embedded
 * the same way.
 *
 * <p>Content is collected first and laid out when written, so the same report can be written as
 * a PDF and as PNG pages. Writing is atomic: a failure leaves any earlier file as it was. PDFBox's
 * own warnings (font fallbacks and the like) are kept off the console by raising the
 * {@code java.util.logging} level of {@code org.apache.pdfbox} and {@code org.apache.fontbox},
 * which is where PDFBox's commons-logging writes when no other logging library is present.
 */
public final class ReportDocument {

    /** The highest resolution of PNG pages; an A4 page at 600 dpi is about 5000 × 7000 pixels. */
    public static final float MAX_DPI = 600f;

    private static final String CREATOR = "mbp reports";

    /** Held so that the levels set on them are not lost when the loggers are garbage collected. */
    private static final List<Logger> QUIETED = quietPdfBoxLogging();

    private final List<Block> blocks = new ArrayList<>();
    private String title;

    /** An empty report. */
    public ReportDocument() {
    }

    /**
     * Adds a title page: the title, a subtitle (empty for none) and facts such as version,
     * commit, date, machine and JVM as a two-column list in the map's iteration order. The title
     * also goes in every footer and the PDF's properties. The next content starts a new page.
     *
     * @param title the title
     * @param subtitle the subtitle
     * @param facts the facts
     * @return the report document
     */
    public ReportDocument titlePage(String title, String subtitle, Map<String, String> facts) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        Map<String, String> copied = new LinkedHashMap<>();
        facts.forEach((key, value) -> copied.put(Objects.requireNonNull(key, "fact name"),
                Objects.requireNonNull(value, "value of fact " + key)));
        this.title = title;
        blocks.add(new Block.TitlePage(title, subtitle, Collections.unmodifiableMap(copied)));
        return this;
    }

    /**
     * Adds a section heading, kept on one page with the start of what follows it.
     *
     * @param heading the heading
     * @return the report document
     */
    public ReportDocument section(String heading) {
        blocks.add(new Block.Section(Objects.requireNonNull(heading, "heading")));
        return this;
    }

    /**
     * Adds a paragraph, word-wrapped to the text width; a newline in the text starts a new line.
     *
     * @param text the text
     * @return the report document
     */
    public ReportDocument paragraph(String text) {
        blocks.add(new Block.Paragraph(Objects.requireNonNull(text, "paragraph text")));
        return this;
    }

    /**
     * Adds a chart across the text width (about 17 × 10.5 cm), drawn as vector graphics.
     *
     * @param spec the specification
     * @return the report document
     * @throws IllegalStateException when no usable font is installed (see {@link Fonts#check()})
     */
    public ReportDocument chart(ChartSpec spec) {
        Objects.requireNonNull(spec, "chart");
        Fonts.check();
        blocks.add(new Block.Figure(spec));
        return this;
    }

    /**
     * Adds a table. Columns are as wide as their content and wrap when the table would be wider
     * than the page; columns of numbers are aligned right. A table longer than a page continues
     * on the next, starting with the header again.
     *
     * @param header the header
     * @param rows the number of rows
     * @return the report document
     * @throws IllegalArgumentException when the header is empty or a row has another number of
     *                                  cells than the header
     */
    public ReportDocument table(List<String> header, List<List<String>> rows) {
        blocks.add(new TableBlock(header, rows));
        return this;
    }

    /**
     * Adds a conclusion in bold in a tinted box, such as "21 of 21 layers passed".
     *
     * @param text the text
     * @return the report document
     */
    public ReportDocument verdict(String text) {
        blocks.add(new Block.Verdict(Objects.requireNonNull(text, "verdict text")));
        return this;
    }

    /**
     * Makes the next content start on a new page (nothing happens at the top of a page).
     *
     * @return the next content start on a new page (nothing happens at the top of a page)
     */
    public ReportDocument pageBreak() {
        blocks.add(new Block.PageBreak());
        return this;
    }

    /**
     * Lays the report out and writes it as a PDF to {@code out} (left open). Nothing is written
     * when the layout fails.
     *
     * @param out where to write
     * @throws IllegalStateException    when the report is empty or no usable font is installed
     * @throws IllegalArgumentException when a table row is taller than a page
     * @throws IOException              when the stream cannot be written
     */
    public void writePdf(OutputStream out) throws IOException {
        out.write(toPdf());
    }

    /**
     * The pages of the PDF that {@link #writePdf} writes, rendered as PNG images at the given
     * resolution (72 dpi gives one pixel per point, an A4 page 595 × 842 pixels), in page order.
     *
     * @param dpi the dpi
     * @return the pages of the PDF that {@link #writePdf} writes, rendered as PNG images at the
     *         given resolution (72 dpi gives one pixel per point, an A4 page 595 × 842 pixels), in page
     *         order
     * @throws IllegalArgumentException when the resolution is not in (0, {@link #MAX_DPI}]
     * @throws IllegalStateException    when the report is empty or no usable font is installed
     * @throws IOException if reading or writing fails
     */
    public List<byte[]> pngPages(float dpi) throws IOException {
        if (!(dpi > 0 && dpi <= MAX_DPI)) {
            throw new IllegalArgumentException("page images need a resolution in (0, " + MAX_DPI + "] dpi, not " + dpi);
        }
        List<byte[]> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(toPdf())) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.RGB);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                if (!ImageIO.write(image, "png", png)) {
                    throw new IOException("this Java runtime has no PNG writer");
                }
                pages.add(png.toByteArray());
            }
        }
        return List.copyOf(pages);
    }

    private byte[] toPdf() throws IOException {
        if (blocks.isEmpty()) {
            throw new IllegalStateException("the report is empty: add a title page, section, paragraph, chart, "
                    + "table or verdict before writing it");
        }
        Fonts.check();
        try (PDDocument document = new PDDocument(); PageWriter writer = new PageWriter(document)) {
            for (int i = 0; i < blocks.size(); i++) {
                float next = i + 1 < blocks.size() ? blocks.get(i + 1).leadHeight(writer) : 0;
                blocks.get(i).layOut(writer, next);
            }
            writer.finish(title);
            PDDocumentInformation information = document.getDocumentInformation();
            information.setTitle(title);
            information.setCreator(CREATOR);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static List<Logger> quietPdfBoxLogging() {
        List<Logger> loggers = List.of(Logger.getLogger("org.apache.pdfbox"), Logger.getLogger("org.apache.fontbox"));
        for (Logger logger : loggers) {
            logger.setLevel(Level.SEVERE);
        }
        return loggers;
    }
}
