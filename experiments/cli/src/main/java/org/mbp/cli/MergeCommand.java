package org.mbp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mbp.run.RunLock;
import org.mbp.study.ShardMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mbp merge}: combines the shards of studies into the outputs an unsharded run gives. */
@Command(name = "merge", header = "Combines study shards into one set of outputs.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Merges the folders written by mbp study --shard i/N into --out: the same cells.jsonl,"
                + " results.csv, summary.json and charts an unsharded run writes. Every shard must come from"
                + " the same study parameters and seed, and together they must cover every cell. A study"
                + " already in --out is replaced only with --fresh; --out is never one of the shard folders.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:merged", "2:missing or mismatched shards, an unwritable --out, results already in --out"
            + " (see --fresh), --out a shard folder or in use by another run, or no usable fonts"})
final class MergeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the merged results go")
    private Path out;

    @Option(names = "--fresh", description = "replace studies already in --out (never a shard folder)")
    private boolean fresh;

    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "the --out folders of the shards")
    private List<Path> shards;

    @Override
    public Integer call() throws IOException {
        shards.forEach(ExistingFolder::require);
        ShardMerge merge = ShardMerge.read(shards);
        if (merge.isEmpty()) {
            throw new IllegalArgumentException("no study results found in " + shards);
        }
        PrintWriter report = spec.commandLine().getOut();
        Path folder = Writable.folder("--out", out);
        try (RunLock lock = RunLock.acquire(folder, spec.commandLine().getErr())) {
            merge.into(folder, fresh, merged -> {
                report.println(merged.study() + ": merged " + merged.shards() + " shard(s), " + merged.cells()
                        + " cells: " + merged.verdict().text());
                report.flush();
            });
        }
        return 0;
    }
}
