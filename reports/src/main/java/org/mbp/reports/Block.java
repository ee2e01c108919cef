package org.mbp.reports;

import static org.mbp.reports.Typography.BLOCK_GAP;
import static org.mbp.reports.Typography.BODY;
import static org.mbp.reports.Typography.BODY_LEADING;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** One piece of a report, laid out on the pages in the order it was added. */
interface Block {

    /**
     * Draws the block at the writer's cursor, continuing on new pages as needed.
     *
     * @param next the height the next block needs to start on the same page (0 when there is
     *             none); a heading keeps that much room below it so that it is not left alone at
     *             the foot of a page
     */
    void layOut(PageWriter writer, float next) throws IOException;

    /** The height this block needs to start on a page: its first unbreakable part. */
    default float leadHeight(PageWriter writer) {
        return 0;
    }

    /** A heading, kept on the same page as the first lines after it. */
    record Section(String heading) implements Block {
        private static final float RULE_SPACE = 6f;

        @Override
        public void layOut(PageWriter writer, float next) throws IOException {
            writer.gap(Typography.SECTION_GAP);
            List<String> lines = writer.bold().wrap(heading, Typography.HEADING, writer.width());
            writer.reserve(lines.size() * Typography.HEADING_LEADING + RULE_SPACE + next);
            for (String line : lines) {
                writer.line(writer.bold(), Typography.HEADING, Typography.HEADING_LEADING, Typography.ACCENT,
                        writer.left(), line);
            }
            writer.rule(Typography.RULE, 0.6f, writer.left(), writer.cursor() - 1, writer.width());
            writer.advance(RULE_SPACE);
        }
    }

    /** Word-wrapped body text; each newline of the text starts a line. */
    record Paragraph(String text) implements Block {
        @Override
        public void layOut(PageWriter writer, float next) throws IOException {
            for (String line : writer.regular().wrap(text, BODY, writer.width())) {
                writer.line(writer.regular(), BODY, BODY_LEADING, Typography.INK, writer.left(), line);
            }
            writer.gap(BLOCK_GAP);
        }

        /** Two lines, or one for a one-line paragraph. */
        @Override
        public float leadHeight(PageWriter writer) {
            return Math.min(2, writer.regular().wrap(text, BODY, writer.width()).size()) * BODY_LEADING;
        }
    }

    /** A chart across the text width, as vector graphics. */
    record Figure(ChartSpec spec) implements Block {
        private static final float ASPECT = 0.62f;

        @Override
        public void layOut(PageWriter writer, float next) throws IOException {
            float width = writer.width();
            float height = width * ASPECT;
            writer.reserve(height);
            writer.chart(Charts.render(spec), writer.left(), writer.cursor() - height, width, height);
            writer.advance(height);
            writer.gap(BLOCK_GAP * 1.5f);
        }

        @Override
        public float leadHeight(PageWriter writer) {
            return writer.width() * ASPECT;
        }
    }

    /** Bold text in a tinted box with a bar on its left; a long verdict continues on the next page. */
    record Verdict(String text) implements Block {
        private static final float PADDING = 8f;
        private static final float BAR = 4f;
        private static final Color TINT = new Color(0xEAF1F8);

        @Override
        public void layOut(PageWriter writer, float next) throws IOException {
            float inner = writer.width() - BAR - 2 * PADDING;
            List<String> lines = writer.bold().wrap(text, BODY, inner);
            writer.gap(BLOCK_GAP / 2);
            int done = 0;
            while (done < lines.size()) {
                writer.reserve(2 * PADDING + BODY_LEADING);
                int fit = (int) Math.max(1, Math.floor((writer.remaining() - 2 * PADDING) / BODY_LEADING));
                int count = Math.min(fit, lines.size() - done);
                float height = 2 * PADDING + count * BODY_LEADING;
                float bottom = writer.cursor() - height;
                writer.fill(TINT, writer.left(), bottom, writer.width(), height);
                writer.fill(Typography.ACCENT, writer.left(), bottom, BAR, height);
                writer.advance(PADDING);
                for (String line : lines.subList(done, done + count)) {
                    writer.line(writer.bold(), BODY, BODY_LEADING, Typography.INK, writer.left() + BAR + PADDING, line);
                }
                writer.advance(PADDING);
                done += count;
            }
            writer.gap(BLOCK_GAP * 1.5f);
        }

        @Override
        public float leadHeight(PageWriter writer) {
            return 2 * PADDING + BODY_LEADING;
        }
    }

    /** Makes the next block start on a new page. */
    record PageBreak() implements Block {
        @Override
        public void layOut(PageWriter writer, float next) {
            writer.requestPageBreak();
        }
    }

    /**
     * A page of its own: title, subtitle, a rule and the facts as a two-column list in the map's
     * order; the next block starts on a new page.
     */
    record TitlePage(String title, String subtitle, Map<String, String> facts) implements Block {
        private static final float DROP = 0.2f;
        private static final float FACT = 10f;
        private static final float FACT_LEADING = 15f;
        private static final float KEY_GAP = 14f;

        @Override
        public void layOut(PageWriter writer, float next) throws IOException {
            writer.requestPageBreak();
            writer.reserve(writer.bodyHeight());
            writer.advance(writer.bodyHeight() * DROP);
            for (String line : writer.bold().wrap(title, Typography.TITLE, writer.width())) {
                writer.line(writer.bold(), Typography.TITLE, Typography.TITLE_LEADING, Typography.ACCENT,
                        writer.left(), line);
            }
            if (!subtitle.isBlank()) {
                writer.advance(4);
                for (String line : writer.regular().wrap(subtitle, Typography.SUBTITLE, writer.width())) {
                    writer.line(writer.regular(), Typography.SUBTITLE, Typography.SUBTITLE_LEADING, Typography.MUTED,
                            writer.left(), line);
                }
            }
            writer.advance(14);
            writer.rule(Typography.ACCENT, 1.2f, writer.left(), writer.cursor(), writer.width());
            writer.advance(18);
            layOutFacts(writer);
            writer.requestPageBreak();
        }

        private void layOutFacts(PageWriter writer) throws IOException {
            float keyWidth = 0;
            for (String key : facts.keySet()) {
                keyWidth = Math.max(keyWidth, writer.bold().width(writer.bold().printable(key), FACT));
            }
            keyWidth = Math.min(keyWidth, writer.width() * 0.35f);
            float valueX = writer.left() + keyWidth + KEY_GAP;
            float valueWidth = writer.width() - keyWidth - KEY_GAP;
            for (Map.Entry<String, String> fact : facts.entrySet()) {
                List<String> keyLines = writer.bold().wrap(fact.getKey(), FACT, keyWidth);
                List<String> valueLines = writer.regular().wrap(fact.getValue(), FACT, valueWidth);
                int rows = Math.max(keyLines.size(), valueLines.size());
                writer.reserve(rows * FACT_LEADING);
                float top = writer.cursor();
                for (int i = 0; i < rows; i++) {
                    float baseline = PageWriter.baseline(top - i * FACT_LEADING, FACT, FACT_LEADING);
                    if (i < keyLines.size()) {
                        writer.text(writer.bold(), FACT, Typography.MUTED, writer.left(), baseline, keyLines.get(i));
                    }
                    if (i < valueLines.size()) {
                        writer.text(writer.regular(), FACT, Typography.INK, valueX, baseline, valueLines.get(i));
                    }
                }
                writer.advance(rows * FACT_LEADING);
            }
        }
    }
}
