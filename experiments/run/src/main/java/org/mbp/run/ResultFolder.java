package org.mbp.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mbp.io.AtomicFile;
import org.mbp.reports.Charts;

/**
 * The files every result folder holds, whatever wrote it (a study, the layer verification, a
 * training run), so that {@code mbp report} can present any of them: {@code summary.json} with at
 * least {@code title}, {@code description}, {@code claim}, {@code verdict} and a {@code table}
 * ({@code header}, {@code rows}) of key numbers; {@code charts.json}, the chart specifications
 * (drawn as vector graphics in the PDF); and each chart as {@code <file>.png}.
 */
public final class ResultFolder {

    /** The summary file's name. */
    public static final String SUMMARY = "summary.json";
    /** The chart specifications' file name. */
    public static final String CHARTS = "charts.json";
    /** Pixel size of the PNG charts. */
    static final int PNG_WIDTH = 900;
    static final int PNG_HEIGHT = 600;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFolder() {
    }

    /**
     * Writes {@code summary.json} atomically.
     *
     * @param folder the folder
     * @param summary the summary
     * @throws IOException if reading or writing fails
     */
    public static void writeSummary(Path folder, Map<String, Object> summary) throws IOException {
        writeJson(folder.resolve(SUMMARY), summary);
    }

    /**
     * Writes a JSON object, indented, atomically.
     *
     * @param file the file
     * @param value the value
     * @throws IOException if reading or writing fails
     */
    public static void writeJson(Path file, Map<String, Object> value) throws IOException {
        AtomicFile.writeString(file, JSON.writeValueAsString(value) + "\n");
    }

    /**
     * Writes every chart as PNG, then their specifications; returns the PNG file names.
     *
     * @param folder the folder
     * @param charts the charts
     * @return the list
     * @throws IOException if reading or writing fails
     */
    public static List<String> writeCharts(Path folder, List<Chart> charts) throws IOException {
        List<String> files = new ArrayList<>();
        for (Chart chart : charts) {
            Path png = folder.resolve(chart.file() + ".png");
            AtomicFile.write(png, out -> Charts.writePng(chart.spec(), out, PNG_WIDTH, PNG_HEIGHT));
            files.add(png.getFileName().toString());
        }
        AtomicFile.writeString(folder.resolve(CHARTS), JSON.writeValueAsString(charts) + "\n");
        return files;
    }

    /**
     * Whether a folder holds a summary the report can present.
     *
     * @param folder the folder
     * @return whether a folder holds a summary the report can present
     */
    public static boolean isResult(Path folder) {
        return Files.isRegularFile(folder.resolve(SUMMARY));
    }

    /**
     * The folder's summary.
     *
     * @param folder the folder
     * @return the folder's summary
     * @throws IOException if reading or writing fails
     */
    public static JsonNode summary(Path folder) throws IOException {
        Path file = folder.resolve(SUMMARY);
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }


    /**
     * The folder's charts, none when it has no {@code charts.json}.
     *
     * @param folder the folder
     * @return the folder's charts, none when it has no {@code charts.json}
     * @throws IOException if reading or writing fails
     */
    public static List<Chart> charts(Path folder) throws IOException {
        Path file = folder.resolve(CHARTS);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return JSON.readValue(Files.readAllBytes(file), new TypeReference<List<Chart>>() { });
        } catch (JsonProcessingException e) {
            throw new IOException(file + " does not hold chart specifications: " + e.getOriginalMessage(), e);
        }
    }
}
