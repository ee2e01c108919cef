package org.mbp.accuracy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mbp.json.JsonProblem;
import org.mbp.spectra.Spectrum;

/**
 * The JSON form of an accuracy grid run, which is also the baseline format: of {@code mbp
 * gradcheck} over the built-in layers, and of {@link LayerGrid} over a user's layer.
 *
 * <p>A file holds the grid (size, inputs per cell, reference digits, seed, spectra, precisions)
 * and one object per cell ({@code key}, {@code max_error}, {@code epsilon}, {@code verdict}, and
 * for reading by people the median error, amplification, bound, smallest relative gap and
 * largest |K|). It holds no date or duration, so that the same results give the same file.
 * Reading validates every field that the comparison uses, and the types and ranges of the others:
 * a problem is one line naming the file, the cell and the field.
 */
public final class BaselineFile {

    /** The format number written, and the only one read. */
    public static final int FORMAT = 1;

    private static final List<String> VERDICTS = Arrays.stream(Verdict.values()).map(Verdict::label).toList();

    private BaselineFile() {
    }

    /**
     * A run as indented JSON, ending in a newline.
     *
     * @param command    what made the run, e.g. {@code "gradcheck"}
     * @param version    the version of mbp that made it, or null to leave it out
     * @param grid       the grid
     * @param precisions the names of the backends checked, in order
     * @param results    the cells
     * @return the JSON text
     */
    public static String json(String command, String version, AccuracyGrid grid, List<String> precisions,
            List<CellResult> results) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("command", command);
        if (version != null) {
            root.put("version", version);
        }
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
            c.put("median_error", finiteOrNull(r.medianError()));
            c.put("max_error", finiteOrNull(r.maxError()));
            c.put("epsilon", r.epsilon());
            c.put("amplification", finiteOrNull(r.amplification()));
            c.put("bound", finiteOrNull(r.bound()));
            c.put("error_bound", finiteOrNull(r.errorBound()));
            c.put("verdict", r.verdict().label());
            c.put("min_relative_gap", finiteOrNull(r.diagnostics().minRelativeGap()));
            c.put("max_abs_k", finiteOrNull(r.diagnostics().maxAbsK()));
            if (!r.note().isEmpty()) {
                c.put("note", r.note());
            }
            cells.add(c);
        }
        root.put("cells", cells);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }

    /**
     * Reads and validates a baseline.
     *
     * @param file  the file
     * @param label how the user named it, e.g. {@code "--baseline"}, to start each message with
     * @return the baseline
     * @throws IllegalArgumentException with one line naming the file, and the cell and field where
     *                                  one is at fault: a missing or unreadable file, JSON that
     *                                  does not parse, another format, a field of the wrong type
     *                                  or out of range, an unknown verdict, a repeated cell
     */
    public static Baseline read(Path file, String label) {
        String named = label + " " + file;
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(named + ": no such file");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(named + ": not a readable JSON file (" + JsonProblem.describe(e) + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException(named + ": not a readable JSON file ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(named + ": " + e.getMessage(), e);
        }
    }

    private static Baseline parse(JsonNode root) {
        require(root != null && root.isObject() && root.path("format").isInt() && root.path("format").asInt() == FORMAT,
                "not a gradcheck result of format " + FORMAT);
        JsonNode g = root.path("grid");
        require(g.isObject(), "no grid object");
        AccuracyGrid grid = new AccuracyGrid(integer(g, "size", "grid"), integer(g, "seeds", "grid"),
                integer(g, "digits", "grid"), longInteger(g, "seed", "grid"));
        require(grid.digits() >= 20 && grid.digits() <= 1000, "grid: digits must lie in [20, 1000], got "
                + grid.digits());
        JsonNode list = root.path("cells");
        require(list.isArray() && !list.isEmpty(), "no cells (\"cells\" must be a non-empty array)");
        Map<String, Baseline.Cell> cells = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Baseline.Cell cell = cell(list.get(i), i);
            require(cells.put(cell.key(), cell) == null, "cell " + (i + 1) + " (" + cell.key() + "): the key repeats"
                    + " an earlier cell");
        }
        return new Baseline(grid, cells);
    }

    private static Baseline.Cell cell(JsonNode c, int index) {
        String where = "cell " + (index + 1);
        require(c.isObject(), where + ": not an object");
        JsonNode keyNode = c.path("key");
        require(keyNode.isTextual() && !keyNode.asText().isBlank(), where + ": \"key\" must be a non-empty string");
        String key = keyNode.asText();
        where += " (" + key + ")";
        for (String name : List.of("layer", "form", "precision", "spectrum", "note")) {
            require(c.path(name).isMissingNode() || c.path(name).isTextual(), where + ": \"" + name
                    + "\" must be a string");
        }
        List<String> parts = List.of("layer", "form", "precision", "spectrum").stream().filter(n -> c.path(n)
                .isTextual()).map(n -> c.path(n).asText()).toList();
        require(parts.size() < 4 || key.equals(String.join("|", parts)), where + ": \"key\" is not"
                + " layer|form|precision|spectrum (" + String.join("|", parts) + ")");
        JsonNode verdictNode = c.path("verdict");
        require(verdictNode.isTextual() && VERDICTS.contains(verdictNode.asText()), where
                + ": \"verdict\" must be one of " + String.join(", ", VERDICTS) + ", got " + verdictNode);
        Verdict verdict = Verdict.values()[VERDICTS.indexOf(verdictNode.asText())];
        double epsilon = number(c, "epsilon", where, false);
        require(epsilon > 0 && epsilon < 1, where + ": \"epsilon\" must lie in (0, 1), got " + epsilon);
        boolean measured = verdict == Verdict.ACCURATE || verdict == Verdict.ILL_CONDITIONED
                || verdict == Verdict.INACCURATE;
        double maxError = number(c, "max_error", where, !measured);
        for (String name : List.of("median_error", "amplification", "bound", "error_bound", "min_relative_gap",
                "max_abs_k")) {
            if (!c.path(name).isMissingNode()) {
                number(c, name, where, true);
            }
        }
        return new Baseline.Cell(key, maxError, epsilon, verdict);
    }

    /** A number ≥ 0 (NaN for null where allowed). */
    private static double number(JsonNode c, String name, String where, boolean nullable) {
        JsonNode n = c.path(name);
        if (nullable && n.isNull()) {
            return Double.NaN;
        }
        require(n.isNumber() && Double.isFinite(n.asDouble()) && n.asDouble() >= 0, where + ": \"" + name
                + "\" must be a number ≥ 0" + (nullable ? " or null" : "") + ", got " + (n.isMissingNode() ? "nothing"
                : n.toString()));
        return n.asDouble();
    }

    private static int integer(JsonNode g, String name, String where) {
        JsonNode n = g.path(name);
        require(n.isInt(), where + ": \"" + name + "\" must be an integer, got " + (n.isMissingNode() ? "nothing"
                : n.toString()));
        return n.asInt();
    }

    private static long longInteger(JsonNode g, String name, String where) {
        JsonNode n = g.path(name);
        require(n.isIntegralNumber() && n.canConvertToLong(), where + ": \"" + name + "\" must be an integer, got "
                + (n.isMissingNode() ? "nothing" : n.toString()));
        return n.asLong();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
