package org.mbp.reports;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;

/**
 * Lays content out on A4 portrait pages, top to bottom: keeps the position of the next free line
 * (the cursor), starts a page when something does not fit, draws text, rules, boxes and charts,
 * and finally numbers the pages in the footer. Coordinates are PDF points from the bottom left.
 */
final class PageWriter implements Closeable {

    /** The page size, A4 portrait. */
    static final PDRectangle PAGE = PDRectangle.A4;

    /** The margin on every side, about 2 cm. */
    static final float MARGIN = 56f;

    /**
     * Charts are drawn this much larger than their box and scaled down into it, so that their text
     * (10.5 to 14 points, sized for PNGs) sits at 8.5 to 11 points beside the 10.5-point body text.
     */
    private static final float CHART_SCALE = 1.25f;
    private static final float FOOTER_BASELINE = 30f;
    private static final float FOOTER_SIZE = 8f;
    private static final Color FOOTER_INK = new Color(0x666666);

    private final PDDocument document;
    private final TextFace regular;
    private final TextFace bold;
    private final PdfBoxGraphics2DFontTextDrawer chartText = new PdfBoxGraphics2DFontTextDrawer();
    private PDPageContentStream content;
    private float cursor;
    private boolean breakRequested;

    /** Embeds the fonts found by {@link Fonts} in the document, for its text and its charts. */
    PageWriter(PDDocument document) throws IOException {
        this.document = document;
        PDType0Font regularFont = PDType0Font.load(document, Fonts.regularFile().toFile());
        PDType0Font boldFont = Fonts.boldFile().equals(Fonts.regularFile())
                ? regularFont
                : PDType0Font.load(document, Fonts.boldFile().toFile());
        this.regular = new TextFace(regularFont);
        this.bold = new TextFace(boldFont);
        chartText.registerFont(Fonts.regular(1f).getFontName(), regularFont);
        chartText.registerFont(Fonts.bold(1f).getFontName(), boldFont);
    }

    TextFace regular() {
        return regular;
    }

    TextFace bold() {
        return bold;
    }

    /** The left edge of the text area. */
    float left() {
        return MARGIN;
    }

    /** The width of the text area. */
    float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    /** The height of the text area of a page. */
    float bodyHeight() {
        return top() - MARGIN;
    }

    /** The top of the free space: where the next content starts. */
    float cursor() {
        return cursor;
    }

    /** The free height left on the current page. */
    float remaining() {
        return content == null || breakRequested ? 0 : cursor - MARGIN;
    }

    /** Whether nothing has been drawn on the current page yet. */
    boolean atPageTop() {
        return content != null && !breakRequested && cursor == top();
    }

    /** Makes the next content start a new page, unless the current page is still empty. */
    void requestPageBreak() {
        if (content != null && !atPageTop()) {
            breakRequested = true;
        }
    }

    /** Starts a new page unless {@code height} fits below the cursor or the page is still empty. */
    void reserve(float height) throws IOException {
        if (content == null || breakRequested || (height > remaining() && !atPageTop())) {
            newPage();
        }
    }

    /** Moves the cursor down past drawn content. */
    void advance(float height) {
        cursor -= height;
    }

    /** Vertical space between blocks; none at the top of a page. */
    void gap(float height) {
        if (!atPageTop() && content != null) {
            cursor = Math.max(MARGIN, cursor - height);
        }
    }

    /** Ends the current page and starts the next. */
    void newPage() throws IOException {
        closeContent();
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        cursor = top();
        breakRequested = false;
    }

    /**
     * Draws one line of printable text in a line box {@code leading} high at the cursor, on a new
     * page if the box does not fit, and moves the cursor below the box.
     */
    void line(TextFace face, float size, float leading, Color ink, float x, String printable) throws IOException {
        reserve(leading);
        text(face, size, ink, x, baseline(cursor, size, leading), printable);
        advance(leading);
    }

    /** The baseline that centres capitals in a line box {@code leading} high whose top is {@code top}. */
    static float baseline(float top, float size, float leading) {
        return top - leading / 2 - 0.36f * size;
    }

    /** Draws printable text with its baseline at {@code baseline}. */
    void text(TextFace face, float size, Color ink, float x, float baseline, String printable) throws IOException {
        text(content, face, size, ink, x, baseline, printable);
    }

    /** Fills a rectangle given by its bottom-left corner. */
    void fill(Color paint, float x, float y, float w, float h) throws IOException {
        content.setNonStrokingColor(paint);
        content.addRect(x, y, w, h);
        content.fill();
    }

    /** Strokes the outline of a rectangle given by its bottom-left corner. */
    void outline(Color paint, float lineWidth, float x, float y, float w, float h) throws IOException {
        content.setStrokingColor(paint);
        content.setLineWidth(lineWidth);
        content.addRect(x, y, w, h);
        content.stroke();
    }

    /** Draws a horizontal rule. */
    void rule(Color paint, float lineWidth, float x, float y, float w) throws IOException {
        content.setStrokingColor(paint);
        content.setLineWidth(lineWidth);
        content.moveTo(x, y);
        content.lineTo(x + w, y);
        content.stroke();
    }

    /**
     * Draws a chart as vector graphics in the given box (bottom-left corner and size). Its text is
     * embedded in the document's fonts; text in a font that is not embedded becomes outlines.
     */
    void chart(JFreeChart chart, float x, float y, float w, float h) throws IOException {
        PdfBoxGraphics2D g2 = new PdfBoxGraphics2D(document, w * CHART_SCALE, h * CHART_SCALE);
        g2.setFontTextDrawer(chartText);
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, w * CHART_SCALE, h * CHART_SCALE));
        } finally {
            g2.dispose();
        }
        content.saveGraphicsState();
        content.transform(Matrix.getTranslateInstance(x, y));
        content.transform(Matrix.getScaleInstance(1 / CHART_SCALE, 1 / CHART_SCALE));
        content.drawForm(g2.getXFormObject());
        content.restoreGraphicsState();
    }

    /**
     * Closes the last page and writes the footers: {@code title} on the left (when not null) and
     * "Page i of n" on the right.
     */
    void finish(String title) throws IOException {
        closeContent();
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String number = regular.printable("Page " + (i + 1) + " of " + pages);
                float numberWidth = regular.width(number, FOOTER_SIZE);
                text(footer, regular, FOOTER_SIZE, FOOTER_INK, left() + width() - numberWidth, FOOTER_BASELINE,
                        number);
                if (title != null) {
                    text(footer, regular, FOOTER_SIZE, FOOTER_INK, left(), FOOTER_BASELINE,
                            shortened(title, width() - numberWidth - 24));
                }
            }
        }
    }

    /** Frees the chart text drawer; the document is closed by its owner. */
    @Override
    public void close() throws IOException {
        closeContent();
        chartText.close();
    }

    /** The first line of the text that fits the width, with an ellipsis when text was cut. */
    private String shortened(String text, float room) {
        List<String> lines = regular.wrap(text, FOOTER_SIZE, room - regular.width("…", FOOTER_SIZE));
        return lines.size() == 1 ? lines.get(0) : lines.get(0) + "…";
    }

    private float top() {
        return PAGE.getHeight() - MARGIN;
    }

    private void closeContent() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    private static void text(PDPageContentStream stream, TextFace face, float size, Color ink, float x,
            float baseline, String printable) throws IOException {
        stream.beginText();
        stream.setFont(face.font(), size);
        stream.setNonStrokingColor(ink);
        stream.newLineAtOffset(x, baseline);
        stream.showText(printable);
        stream.endText();
    }
}
