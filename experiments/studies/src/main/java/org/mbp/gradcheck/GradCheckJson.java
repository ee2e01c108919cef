package org.mbp.gradcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mbp.accuracy.AccuracyGrid;
import org.mbp.accuracy.Baseline;
import org.mbp.accuracy.CellResult;
import org.mbp.accuracy.Verdict;
import org.mbp.run.Rows;
import org.mbp.run.RunEnvironment;
import org.mbp.spectra.Spectrum;

/** The JSON form of an accuracy grid run, which is also the baseline format. */
final class GradCheckJson {

    /** The format number written, and the only one read. */
    static final int FORMAT = 1;

    private GradCheckJson() {
    }

    /** The run as indented JSON, ending in a newline. */
    static String write(AccuracyGrid grid, List<String> precisions, List<CellResult> results, double seconds)
            throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("command", "gradcheck");
        root.put("version", RunEnvironment.version());
        root.put("created", Instant.now().toString());
        root.put("seconds", seconds);
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("size", grid.size());
        g.put("seeds", grid.seeds());
        g.put("digits", grid.digits());
        g.put("seed", grid.seed());
        g.put("spectra", grid.spectra().stream().map(Spectrum::label).toList());
        g.put("precisions", precisions);
        root.put("grid", g);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (CellResult r : results) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("key", r.key());
            c.put("layer", r.layer());
            c.put("form", r.form());
            c.put("precision", r.precision());
            c.put("spectrum", r.spectrum());
            c.put("median_error", Rows.finiteOrNull(r.medianError()));
            c.put("max_error", Rows.finiteOrNull(r.maxError()));
            c.put("epsilon", r.epsilon());
            c.put("amplification", Rows.finiteOrNull(r.amplification()));
            c.put("bound", Rows.finiteOrNull(1e3 * r.epsilon() * r.amplification()));
            c.put("verdict", r.verdict().label());
            c.put("min_relative_gap", Rows.finiteOrNull(r.diagnostics().minRelativeGap()));
            c.put("max_abs_k", Rows.finiteOrNull(r.diagnostics().maxAbsK()));
            if (!r.note().isEmpty()) {
                c.put("note", r.note());
            }
            cells.add(c);
        }
        root.put("cells", cells);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    }

    /** Reads a baseline; any problem is an {@link IllegalArgumentException} naming the file. */
    static Baseline read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("--baseline " + file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException("--baseline " + file + ": not a readable JSON file ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        try {
            if (root == null || root.path("format").asInt() != FORMAT || !root.path("cells").isArray()) {
                throw new IllegalArgumentException("not a gradcheck result of format " + FORMAT);
            }
            JsonNode g = root.path("grid");
            AccuracyGrid grid = new AccuracyGrid(g.path("size").asInt(), g.path("seeds").asInt(),
                    g.path("digits").asInt(), g.path("seed").asLong());
            Map<String, Baseline.Cell> cells = new LinkedHashMap<>();
            for (JsonNode c : root.path("cells")) {
                String key = c.path("key").asText();
                if (key.isEmpty()) {
                    throw new IllegalArgumentException("a cell has no key");
                }
                double error = c.path("max_error").isNumber() ? c.path("max_error").asDouble() : Double.NaN;
                Verdict verdict = Verdict.ofLabel(c.path("verdict").asText());
                cells.put(key, new Baseline.Cell(key, error, c.path("epsilon").asDouble(), verdict));
            }
            return new Baseline(grid, cells);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--baseline " + file + ": " + e.getMessage(), e);
        }
    }
}
