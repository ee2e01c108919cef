package org.mbp.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.mbp.run.CellStore;
import org.mbp.run.ClaimVerdict;

/**
 * The shards of sharded study runs ({@code mbp study --shard i/N}), read from their output
 * folders, and their merge into the outputs an unsharded run writes: the same cell store,
 * results, summary and charts. Every shard of a study must come from the same grid and seed, and
 * together they must cover every cell.
 */
public final class ShardMerge {

    /** What one study's merge gave: how many shards and cells, and the verdict. */
    public record Merged(String study, int shards, int cells, ClaimVerdict verdict) {
    }

    private final List<Path> shards;
    private final Map<String, List<CellStore.Contents>> byStudy;

    private ShardMerge(List<Path> shards, Map<String, List<CellStore.Contents>> byStudy) {
        this.shards = List.copyOf(shards);
        this.byStudy = byStudy;
    }

    /**
     * Reads the study stores in the shard folders (each the output folder of one shard run).
     *
     * @param shards the shards
     * @return the study stores in the shard folders (each the output folder of one shard run)
     * @throws IOException if reading or writing fails
     */
    public static ShardMerge read(List<Path> shards) throws IOException {
        Map<String, List<CellStore.Contents>> byStudy = new LinkedHashMap<>();
        for (Path shard : shards) {
            try (Stream<Path> folders = Files.list(shard)) {
                for (Path folder : folders.sorted().toList()) {
                    String name = folder.getFileName().toString();
                    if (Files.isRegularFile(CellStore.file(folder)) && Studies.NAMES.contains(name)) {
                        byStudy.computeIfAbsent(name, k -> new ArrayList<>()).add(CellStore.read(folder));
                    }
                }
            }
        }
        return new ShardMerge(shards, byStudy);
    }

    /**
     * Whether the shard folders hold no study results at all.
     *
     * @return whether the shard folders hold no study results at all
     */
    public boolean isEmpty() {
        return byStudy.isEmpty();
    }

    /**
     * Merges every study into {@code out}, writing its outputs there; each study's merge is
     * reported to {@code done} as it ends. Nothing already written is lost: {@code out} must not
     * be one of the shard folders, and a study already in {@code out} is replaced only with
     * {@code replace} (as {@code mbp study --fresh} does).
     *
     * @param out     where to write
     * @param replace whether a study already in {@code out} may be replaced
     * @param done    told of each study's merge as it ends
     * @return the merged studies, in order
     * @throws IllegalArgumentException when {@code out} is a shard folder or already holds one of
     *                                  the studies (without {@code replace}), or when a study's
     *                                  shards come from different runs or miss cells
     * @throws IOException if reading or writing fails
     */
    public List<Merged> into(Path out, boolean replace, Consumer<Merged> done) throws IOException {
        Files.createDirectories(out);
        for (Path shard : shards) {
            if (Files.isSameFile(out, shard)) {
                throw new IllegalArgumentException("--out " + out + " is the shard folder " + shard
                        + "; merging there would replace the shard's cells: choose another --out");
            }
        }
        for (String name : byStudy.keySet()) {
            Path store = CellStore.file(out.resolve(name));
            if (!replace && Files.exists(store)) {
                throw new IllegalArgumentException(out.resolve(name) + " already holds results of " + name
                        + "; use --fresh to replace them or another --out");
            }
        }
        List<Merged> merged = new ArrayList<>();
        for (Map.Entry<String, List<CellStore.Contents>> entry : byStudy.entrySet()) {
            Merged m = merge(entry.getKey(), entry.getValue(), out);
            merged.add(m);
            done.accept(m);
        }
        return merged;
    }

    private static Merged merge(String name, List<CellStore.Contents> parts, Path out) throws IOException {
        CellStore.Header first = parts.get(0).header();
        TreeMap<Integer, CellStore.StoredCell> cells = new TreeMap<>();
        for (CellStore.Contents part : parts) {
            if (!part.header().sameGrid(first)) {
                throw new IllegalArgumentException(name + ": shards come from different runs (" + first.parameters()
                        + ", seed " + first.seed() + " vs " + part.header().parameters() + ", seed "
                        + part.header().seed() + ")");
            }
            cells.putAll(part.cells());
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < first.cells() && missing.size() < 10; i++) {
            if (!cells.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(name + ": the shards cover " + cells.size() + " of " + first.cells()
                    + " cells; missing e.g. " + missing);
        }
        Study<?, ?> study = Studies.fromParameters(name, first.parameters());
        Path folder = out.resolve(name);
        CellStore.Header header = new CellStore.Header(name, first.seed(), first.parameters(), first.cells(), null);
        try (CellStore store = CellStore.create(folder, header)) {
            for (CellStore.StoredCell cell : cells.values()) {
                store.append(cell);
            }
        }
        ClaimVerdict verdict = StudyRunner.finish(study, folder, CellStore.read(folder), 0, 0);
        return new Merged(name, parts.size(), cells.size(), verdict);
    }
}
