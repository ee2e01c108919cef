package org.mbp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.mbp.study.Scale;
import org.mbp.study.Studies;
import org.mbp.study.Study;
import org.mbp.study.StudyRunner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
        exitCodeList = {"0:done", "2:bad option, unwritable --out, or results in the way (see --resume/--fresh)"})
final class StudyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY", completionCandidates = Names.class,
            description = "one of: ${COMPLETION-CANDIDATES}")
    private String study;

    @Mixin
    private RunOptions run;

    @Option(names = "--shard", paramLabel = "i/N", description = "run only the cells of shard i of N (merge with mbp merge)")
    private String shard;

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

    /** The study names for completion and help. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>(Studies.NAMES);
            names.add("all");
            return names.iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        List<String> names = study.equals("all") ? Studies.NAMES : List.of(study);
        if (!study.equals("all") && !Studies.NAMES.contains(study)) {
            throw new ParameterException(spec.commandLine(), "unknown study '" + study + "' (known: "
                    + String.join(", ", Studies.NAMES) + ", all)");
        }
        List<Study<?, ?>> studies = grid.studies(spec, names, run.scale);
        StudyRunner.Shard slice;
        try {
            slice = shard == null ? null : StudyRunner.Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--shard: " + e.getMessage());
        }
        run.prepare(spec);
        PrintWriter err = spec.commandLine().getErr();
        StudyRunner.Existing mode = existing == null ? StudyRunner.Existing.REFUSE
                : existing.resume ? StudyRunner.Existing.RESUME : StudyRunner.Existing.FRESH;
        for (Study<?, ?> s : studies) {
            StudyRunner.Outcome outcome = StudyRunner.run(s, new StudyRunner.Options(run.out, run.seed, run.threads(),
                    slice, mode, System.console() != null), err);
            outcome.verdict().ifPresent(v -> spec.commandLine().getOut().println(s.name() + ": " + v.text()));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The options every computing command shares: --out, --seed, --threads, --scale. */
    static final class RunOptions {
        @Option(names = "--out", defaultValue = "mbp-out", paramLabel = "DIR",
                description = "output folder, created if missing (default: ${DEFAULT-VALUE})")
        Path out;

        @Option(names = "--seed", defaultValue = "20261128", paramLabel = "N",
                description = "seed of every input (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all processors)")
        Integer threads;

        @Option(names = "--scale", defaultValue = "quick", paramLabel = "S",
                description = "quick (minutes on 2 cores) or full (cluster scale; use --shard); default: ${DEFAULT-VALUE}")
        Scale scale;

        int threads() {
            return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        }

        /** Checks the thread count and makes sure --out can be written. */
        void prepare(CommandSpec spec) {
            if (threads() < 1) {
                throw new ParameterException(spec.commandLine(), "--threads must be >= 1, got " + threads());
            }
            try {
                Files.createDirectories(out);
            } catch (IOException | SecurityException e) {
                throw new ParameterException(spec.commandLine(), "--out " + out + ": cannot create the folder ("
                        + e.getMessage() + ")");
            }
            if (!Files.isWritable(out)) {
                throw new ParameterException(spec.commandLine(), "--out " + out + ": folder is not writable");
            }
        }
    }
}
