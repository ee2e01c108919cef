package org.mbp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mbp.run.CellStore;
import org.mbp.run.ResultFolder;
import org.mbp.study.Studies;
import org.mbp.study.Study;
import org.mbp.study.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mbp merge}: combines the shards of studies into the outputs an unsharded run gives. */
@Command(name = "merge", header = "Combines study shards into one set of outputs.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Merges the folders written by mbp study --shard i/N into --out: the same cells.jsonl,"
                + " results.csv, summary.json and charts an unsharded run writes. Every shard must come from"
                + " the same study parameters and seed, and together they must cover every cell.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:merged", "2:missing or mismatched shards, or an unwritable --out"})
final class MergeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the merged results go")
    private Path out;

    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "the --out folders of the shards")
    private List<Path> shards;

    @Override
    public Integer call() throws IOException {
        Map<String, List<CellStore.Contents>> byStudy = new LinkedHashMap<>();
        for (Path shard : shards) {
            if (!Files.isDirectory(shard)) {
                throw new ParameterException(spec.commandLine(), shard + ": not a folder");
            }
            try (Stream<Path> folders = Files.list(shard)) {
                for (Path folder : folders.sorted().toList()) {
                    if (Files.isRegularFile(CellStore.file(folder)) && Studies.NAMES.contains(folder.getFileName().toString())) {
                        byStudy.computeIfAbsent(folder.getFileName().toString(), k -> new ArrayList<>())
                                .add(CellStore.read(folder));
                    }
                }
            }
        }
        if (byStudy.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no study results found in " + shards);
        }
        Files.createDirectories(out);
        for (Map.Entry<String, List<CellStore.Contents>> entry : byStudy.entrySet()) {
            merge(entry.getKey(), entry.getValue());
        }
        return 0;
    }

    private void merge(String name, List<CellStore.Contents> parts) throws IOException {
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
        Study study = Studies.fromParameters(name, first.parameters());
        Path folder = out.resolve(name);
        CellStore.Header header = new CellStore.Header(name, first.seed(), first.parameters(), first.cells(), null);
        try (CellStore store = CellStore.create(folder, header)) {
            for (CellStore.StoredCell cell : cells.values()) {
                store.append(cell);
            }
        }
        CellStore.Contents merged = CellStore.read(folder);
        StudyRunner.finish(study, folder, merged, 0, 0);
        spec.commandLine().getOut().println(name + ": merged " + parts.size() + " shard(s), " + cells.size()
                + " cells: " + ResultFolder.verdict(folder));
        spec.commandLine().getOut().flush();
    }
}
