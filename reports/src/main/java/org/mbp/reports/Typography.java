package org.mbp.reports;

import java.awt.Color;

/** Sizes, spacing and colours of report text, in PDF points. */
final class Typography {

    static final float BODY = 10.5f;
    static final float BODY_LEADING = 14.5f;
    static final float HEADING = 15f;
    static final float HEADING_LEADING = 20f;
    static final float TITLE = 24f;
    static final float TITLE_LEADING = 30f;
    static final float SUBTITLE = 13f;
    static final float SUBTITLE_LEADING = 18f;
    static final float BLOCK_GAP = 8f;
    static final float SECTION_GAP = 16f;

    static final Color INK = new Color(0x1A1A1A);
    static final Color MUTED = new Color(0x555555);
    static final Color ACCENT = new Color(0x1F4E79);
    static final Color RULE = new Color(0xB0B7C0);

    private Typography() {
    }
}
