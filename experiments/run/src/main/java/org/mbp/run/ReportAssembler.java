package org.mbp.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.mbp.reports.ReportDocument;

/**
 * Assembles the PDF report from an output folder: a title page, an overview of what ran and how
 * long it took, then one section per result folder ({@link ResultFolder}), flowing from page to
 * page: the verification, the studies in their fixed order, then any other results found there
 * (training runs), by name.
 */
public final class ReportAssembler {

    /** What one step of the report run did: its folder name, cells, cells computed now, time and verdict. */
    public record Step(String name, int cells, int computed, double seconds, String verdict) {
    }

    private ReportAssembler() {
    }

    /**
     * The result folders under {@code out}: those named in {@code order} first, in that order,
     * then every other sub-folder with a summary, sorted by name.
     *
     * @param out where to write
     * @param order the order
     * @return the result folders under {@code out}: those named in {@code order} first, in that
     *         order, then every other sub-folder with a summary, sorted by name
     * @throws IOException if reading or writing fails
     */
    public static List<Path> folders(Path out, List<String> order) throws IOException {
        List<Path> folders = new ArrayList<>();
        for (String name : order) {
            if (ResultFolder.isResult(out.resolve(name))) {
                folders.add(out.resolve(name));
            }
        }
        try (Stream<Path> children = Files.list(out)) {
            children.filter(Files::isDirectory).filter(ResultFolder::isResult)
                    .filter(p -> !order.contains(p.getFileName().toString()))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .forEach(folders::add);
        }
        return folders;
    }

    /**
     * The report of the given result folders.
     *
     * @param facts the facts
     * @param steps every step tried
     * @param folders the folders
     * @return the report of the given result folders
     * @throws IOException if reading or writing fails
     */
    public static ReportDocument assemble(Map<String, String> facts, List<Step> steps, List<Path> folders)
            throws IOException {
        ReportDocument report = new ReportDocument().titlePage("mbp report",
                "Matrix backpropagation: verified gradients of structured matrix layers and where they break", facts);
        report.section("Overview");
        report.paragraph("Each section below states a claim of the paper (Ionescu, Vantzos and Sminchisescu, Matrix"
                + " Backpropagation for Deep Networks with Structured Layers) or of numerical analysis, what was run"
                + " to test it, the charts and key numbers, and the verdict. Every number comes from the files next to"
                + " the charts: results.csv (one row per measurement) and summary.json.");
        List<List<String>> overview = new ArrayList<>();
        for (Path folder : folders) {
            JsonNode summary = ResultFolder.summary(folder);
            String name = folder.getFileName().toString();
            Step step = steps.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
            overview.add(List.of(summary.path("title").asText(name), name, summary.path("cells").asText("-"),
                    step == null ? "-" : String.format(Locale.ROOT, "%d", step.computed()),
                    step == null ? "-" : String.format(Locale.ROOT, "%.1f s", step.seconds()),
                    seconds(summary.path("run").path("cell_seconds")),
                    firstWord(summary.path("verdict").asText("-"))));
        }
        report.table(List.of("section", "folder", "cells", "computed now", "wall time now", "cell time", "verdict"),
                overview);
        report.paragraph("Cell time is the sum over the cells of the time each took, whichever run computed it;"
                + " wall time is this run's, shorter when cells ran in parallel or were kept from an earlier run.");
        for (Path folder : folders) {
            section(report, folder);
        }
        return report;
    }

    private static void section(ReportDocument report, Path folder) throws IOException {
        JsonNode summary = ResultFolder.summary(folder);
        report.section(summary.path("title").asText(folder.getFileName().toString()));
        text(report, summary, "description", "");
        text(report, summary, "claim", "Claim: ");
        for (Chart chart : ResultFolder.charts(folder)) {
            report.chart(chart.spec());
        }
        JsonNode table = summary.path("table");
        if (table.path("header").isArray() && table.path("rows").isArray() && table.path("rows").size() > 0) {
            report.table(strings(table.path("header")), rows(table.path("rows")));
        }
        if (summary.hasNonNull("verdict")) {
            report.verdict(summary.get("verdict").asText());
        }
        String work = summary.has("cells") ? summary.get("cells").asText() + " cells, "
                + seconds(summary.path("run").path("cell_seconds")) + " of cell time"
                : seconds(summary.path("run").path("cell_seconds")) + " of computing time";
        report.paragraph(String.format(Locale.ROOT, "Files: %s/ (results.csv, summary.json%s). Seed %s; %s.",
                folder.getFileName(), summary.path("charts").size() > 0 ? ", charts as PNG" : "",
                summary.path("seed").asText("-"), work));
    }

    private static String seconds(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.1f s", value.asDouble()) : "-";
    }

    private static void text(ReportDocument report, JsonNode summary, String field, String prefix) {
        if (summary.hasNonNull(field) && !summary.get(field).asText().isBlank()) {
            report.paragraph(prefix + summary.get(field).asText());
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<List<String>> rows(JsonNode array) {
        List<List<String>> out = new ArrayList<>();
        array.forEach(row -> out.add(strings(row)));
        return out;
    }

    /** The verdict's first word ("Supported", "Confirmed", "FAILED", ...), for the overview. */
    private static String firstWord(String verdict) {
        int end = 0;
        while (end < verdict.length() && Character.isLetter(verdict.charAt(end))) {
            end++;
        }
        return end == 0 ? verdict : verdict.substring(0, end);
    }
}
