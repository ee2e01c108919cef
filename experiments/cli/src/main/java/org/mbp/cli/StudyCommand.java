package org.mbp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.mbp.run.Progress;
import org.mbp.run.RunLock;
import org.mbp.study.Study;
import org.mbp.study.StudyRunner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mbp study}: runs one numerical study, or all. */
@Command(name = "study", header = "Runs a numerical study of the gradients (or all four).",
        sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Writes, under --out/<study>/, tidy results (results.csv), a JSON summary (summary.json:"
                + " parameters, seed, versions, key numbers, verdict) and PNG charts. Cells are saved as they"
                + " finish (cells.jsonl), so an interrupted run keeps them: continue it with --resume.",
            "",
            "Studies:",
            "  svd-vs-eig  DeepO2P-SVD vs -EIG vs stable form (paper 7.1)",
            "  gap         blow-up of K~ (eq. 34) and its stabilisations",
            "  precision   float vs double vs mixed for every layer (paper 7.1)",
            "  rank        rank behaviour under J1/J2 (Lemma 2, eq. 66)",
            "  all         the four in turn",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad option, unwritable --out, results in the way (see --resume/--fresh), --out in use by"
            + " another run, or no usable fonts"})
final class StudyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY", converter = StudyName.OrAll.class,
            completionCandidates = StudyName.NamesOrAll.class, description = "one of: ${COMPLETION-CANDIDATES}")
    private String study;

    @Mixin
    private StudyRunOptions run;

    @Option(names = "--shard", paramLabel = "i/N", converter = ShardValue.class,
            description = "run only the cells of shard i of N (merge with mbp merge)")
    private StudyRunner.Shard shard;

    @ArgGroup(exclusive = true)
    private Existing existing;

    /** --resume or --fresh. */
    static final class Existing {
        @Option(names = "--resume", description = "keep the completed cells in --out and compute the rest")
        boolean resume;

        @Option(names = "--fresh", description = "discard results already in --out and start over")
        boolean fresh;
    }

    @Mixin
    private StudyOptions grid;

    @Override
    public Integer call() throws IOException {
        List<Study<?, ?>> studies = grid.studies(spec, StudyName.studied(study), run.scale());
        StudyRunner.Existing mode = existing == null ? StudyRunner.Existing.REFUSE
                : existing.resume ? StudyRunner.Existing.RESUME : StudyRunner.Existing.FRESH;
        StudyRunner.Options options = new StudyRunner.Options(run.out(), run.seed(), run.threads(), shard, mode,
                Progress.terminalAttached());
        PrintWriter out = spec.commandLine().getOut();
        try (RunLock lock = RunLock.acquire(options.out(), spec.commandLine().getErr())) {
            for (Study<?, ?> s : studies) {
                StudyRunner.run(s, options, spec.commandLine().getErr()).verdict()
                        .ifPresent(v -> out.println(s.name() + ": " + v.text()));
            }
        }
        out.flush();
        return 0;
    }

    /** {@code i/N}, shard i of N. */
    static final class ShardValue extends LibraryConverter<StudyRunner.Shard> {
        ShardValue() {
            super(StudyRunner.Shard::parse);
        }
    }
}
