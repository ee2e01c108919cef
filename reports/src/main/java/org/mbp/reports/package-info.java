/**
 * Charts and PDF reports for mbp, on JFreeChart and PDFBox only (no dependency on the toolkit).
 *
 * <p>A {@link org.mbp.reports.ChartSpec} describes a chart ({@link org.mbp.reports.Series} curves,
 * {@link org.mbp.reports.Guide} reference lines, linear or base-10 logarithmic axes);
 * {@link org.mbp.reports.Charts} draws it as a JFreeChart or a PNG, and
 * {@link org.mbp.reports.ReportDocument} lays charts, text and tables out as an A4 vector PDF with
 * embedded, selectable Unicode text, and as PNG pages. They write to streams: the files, written
 * atomically, are the caller's ({@code org.mbp.run.ResultFolder}, {@code org.mbp.run.ReportFiles}). Both need
 * a TrueType font and a working AWT font system; {@link org.mbp.reports.Fonts#check()} fails fast
 * with the fix when the host lacks them. Everything works headless.
 */
package org.mbp.reports;
