package org.mbp.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mbp.io.AtomicFile;
import org.mbp.json.JsonProblem;

/**
 * A study's completed cells on disk, {@code <folder>/cells.jsonl}: a header line (study, seed,
 * grid parameters, number of cells, shard) and then one line per finished cell, appended and
 * forced to disk as each cell ends. An interrupted run thus keeps every completed cell; a
 * half-written last line is dropped on reading.
 */
public final class CellStore implements AutoCloseable {

    /** The stored result of one cell. */
    public record StoredCell(int cell, double seconds, List<Map<String, Object>> rows) {
    }

    /** The header that makes two stores (or a store and a run) comparable. */
    public record Header(String study, long seed, Map<String, Object> parameters, int cells, String shard) {

        /**
         * Equal apart from the shard.
         *
         * @param other the other one
         * @return whether equal apart from the shard
         */
        public boolean sameGrid(Header other) {
            return study.equals(other.study) && seed == other.seed && parameters.equals(other.parameters)
                    && cells == other.cells;
        }
    }

    static final String FILE = "cells.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;

    private CellStore(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * The store of a study in a folder (whether or not it exists yet).
     *
     * @param folder the folder
     * @return the store of a study in a folder (whether or not it exists yet)
     */
    public static Path file(Path folder) {
        return folder.resolve(FILE);
    }

    /**
     * Starts a new store, replacing any earlier one, with the header written.
     *
     * @param folder the folder
     * @param header the header
     * @return the cell store
     * @throws IOException if reading or writing fails
     */
    public static CellStore create(Path folder, Header header) throws IOException {
        Files.createDirectories(folder);
        AtomicFile.writeString(file(folder), JSON.writeValueAsString(headerMap(header)) + "\n");
        return open(folder);
    }

    /**
     * Opens an existing store for appending (after {@link #read} has checked it), first cutting
     * off a last line that an interrupted run left unfinished.
     *
     * @param folder the folder
     * @return the cell store
     * @throws IOException if reading or writing fails
     */
    public static CellStore open(Path folder) throws IOException {
        Path file = file(folder);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            channel.truncate(endOfLastLine(channel));
            channel.position(channel.size());
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new CellStore(file, channel);
    }

    /** The length of the file up to and including its last newline. */
    private static long endOfLastLine(FileChannel channel) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long p = channel.size() - 1; p >= 0; p--) {
            one.clear();
            channel.read(one, p);
            if (one.get(0) == '\n') {
                return p + 1;
            }
        }
        return 0;
    }

    /**
     * Appends one finished cell and forces it to disk.
     *
     * @param cell the grid cell
     * @throws IOException if reading or writing fails
     */
    public synchronized void append(StoredCell cell) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("cell", cell.cell());
        line.put("seconds", cell.seconds());
        line.put("rows", cell.rows().stream().map(CellStore::finiteOrNull).toList());
        ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The contents of a store: its header and its cells by index. */
    public record Contents(Header header, TreeMap<Integer, StoredCell> cells) {
    }

    /**
     * Reads a store, leaving the file as it is. Only lines ended by a newline count: a last line
     * cut off by an interrupted run is ignored; any other damage is an error naming the file and
     * line.
     *
     * @param folder the folder
     * @return a store, leaving the file as it is
     * @throws IOException if reading or writing fails
     */
    public static Contents read(Path folder) throws IOException {
        Path file = file(folder);
        String[] split = Files.readString(file, StandardCharsets.UTF_8).split("\n", -1);
        List<String> lines = List.of(split).subList(0, split.length - 1);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty, not a study result");
        }
        Header header;
        try {
            header = header(JSON.readValue(lines.get(0), new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": line 1 is not a study header: " + JsonProblem.inLine(e));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": line 1 is not a study header: " + e.getMessage());
        }
        TreeMap<Integer, StoredCell> cells = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            try {
                StoredCell cell = cell(JSON.readValue(lines.get(i), new TypeReference<Map<String, Object>>() { }));
                if (cell.cell() >= header.cells()) {
                    throw new IllegalArgumentException("cell " + cell.cell() + " is beyond the " + header.cells()
                            + " cells of the grid");
                }
                cells.put(cell.cell(), cell);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(file + ": line " + (i + 1) + " is damaged: " + JsonProblem.inLine(e));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": line " + (i + 1) + " is damaged: " + e.getMessage());
            }
        }
        return new Contents(header, cells);
    }

    private static Map<String, Object> headerMap(Header h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", 1);
        m.put("study", h.study());
        m.put("seed", h.seed());
        m.put("parameters", h.parameters());
        m.put("cells", h.cells());
        m.put("shard", h.shard());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Header header(Map<String, Object> m) {
        if (m == null || !Integer.valueOf(1).equals(m.get("format")) || !(m.get("study") instanceof String study)) {
            throw new IllegalArgumentException("not a format-1 study header");
        }
        if (!(m.get("seed") instanceof Number seed) || !(m.get("cells") instanceof Integer cells) || cells < 0
                || !(m.get("parameters") instanceof Map<?, ?> parameters)
                || m.get("shard") != null && !(m.get("shard") instanceof String)) {
            throw new IllegalArgumentException("the header needs a seed, a count of cells, parameters and a shard");
        }
        return new Header(study, seed.longValue(), normalized((Map<String, Object>) parameters), cells,
                (String) m.get("shard"));
    }

    /** One cell line: its index, seconds, and rows (objects of column values). */
    @SuppressWarnings("unchecked")
    private static StoredCell cell(Map<String, Object> line) {
        if (line == null || !(line.get("cell") instanceof Integer index) || index < 0) {
            throw new IllegalArgumentException("no cell index");
        }
        if (!(line.get("seconds") instanceof Number seconds)) {
            throw new IllegalArgumentException("no seconds for cell " + index);
        }
        if (!(line.get("rows") instanceof List<?> rows) || !rows.stream().allMatch(r -> r instanceof Map)) {
            throw new IllegalArgumentException("the rows of cell " + index + " are not a list of objects");
        }
        return new StoredCell(index, seconds.doubleValue(), (List<Map<String, Object>>) rows);
    }

    /**
     * Parameters as they read back from JSON, so in-memory and stored headers compare equal.
     *
     * @param parameters the parameters
     * @return parameters as they read back from JSON, so in-memory and stored headers compare equal
     */
    public static Map<String, Object> normalized(Map<String, Object> parameters) {
        try {
            return JSON.readValue(JSON.writeValueAsString(parameters), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** NaN and infinities become null in JSON (read back as NaN by {@link Rows}). */
    private static Map<String, Object> finiteOrNull(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, v instanceof Double d ? Rows.finiteOrNull(d) : v));
        return out;
    }

    /**
     * Lists the rows of all cells in index order, each with its cell index first.
     *
     * @param contents the contents
     * @return the rows of all cells in index order, each with its cell index first
     */
    public static List<Map<String, Object>> rows(Contents contents) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredCell c : contents.cells().values()) {
            for (Map<String, Object> row : c.rows()) {
                Map<String, Object> withCell = new LinkedHashMap<>();
                withCell.put("cell", c.cell());
                withCell.putAll(row);
                out.add(withCell);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "CellStore[" + file + "]";
    }
}
