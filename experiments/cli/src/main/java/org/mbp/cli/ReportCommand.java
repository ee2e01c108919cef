package org.mbp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mbp.reports.Fonts;
import org.mbp.study.ReportJob;
import org.mbp.study.Studies;
import org.mbp.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mbp report}: the main job. Verifies every layer, runs the studies (resuming any cells
 * already in the output folder), and writes the PDF report with every page also as PNG.
 */
@Command(name = "report", header = "The main job: verification, every study, and the PDF/PNG report.",
        sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Verifies the gradient of every structured layer of the paper, runs the studies (svd-vs-eig, gap,"
                + " precision, rank; see mbp study --help), and writes into --out: one folder per part (results.csv,"
                + " summary.json, charts as PNG), report.pdf (vector charts), report-pages/report-NN.png (every page"
                + " as an image) and report.json (what ran, the time each part took, versions). Result folders of"
                + " other runs found in --out (e.g. training runs) get their own sections.",
            "",
            "Cells already computed in --out with the same parameters are kept (an interrupted report continues"
                + " where it stopped); --fresh recomputes everything. At --scale quick the whole report takes a few"
                + " minutes on 2 cores.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written, every layer verified", "1:report written, but some layer failed a check",
            "2:bad option, unwritable --out, results of other parameters in --out, or no usable fonts"})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StudyCommand.RunOptions run;

    @Option(names = "--studies", split = ",", hideParamSyntax = true, paramLabel = "NAME[,NAME...]",
            completionCandidates = StudyNames.class,
            description = "the studies to run (default: all of ${COMPLETION-CANDIDATES}); \"none\" for the"
                    + " verification only")
    private List<String> studies;

    @Option(names = "--fresh", description = "discard results already in --out and recompute everything")
    private boolean fresh;

    @Option(names = "--include", paramLabel = "DIR", description = "also report the result folders in DIR (or DIR"
            + " itself), e.g. docs/training for the committed training runs; repeatable")
    private List<Path> include = new ArrayList<>();

    @Mixin
    private StudyOptions grid;

    /** The study names, for completion and help. */
    static final class StudyNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Studies.NAMES.iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        List<Study<?, ?>> chosen = studies();
        try {
            Fonts.check();
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("mbp report: error: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return Mbp.BAD_INPUT;
        }
        run.prepare(spec);
        for (Path dir : include) {
            if (!Files.isDirectory(dir)) {
                throw new ParameterException(spec.commandLine(), "--include " + dir + ": no such folder");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        ReportJob.Outcome outcome = ReportJob.run(new ReportJob.Request(run.out, run.scale, run.seed, run.threads(),
                chosen, fresh, include, System.console() != null), out, spec.commandLine().getErr());
        out.printf(Locale.ROOT, "wrote %s (%d pages, also as PNG in %s) in %.1f s%n", outcome.pdf(),
                outcome.pages().size(), outcome.pageFolder(), outcome.seconds());
        out.flush();
        return outcome.verified() ? 0 : 1;
    }

    /** The chosen studies, built with the grid options. */
    private List<Study<?, ?>> studies() {
        List<String> names = studies == null ? Studies.NAMES
                : studies.equals(List.of("none")) ? List.of() : studies;
        for (String name : names) {
            if (!Studies.NAMES.contains(name)) {
                throw new ParameterException(spec.commandLine(), "--studies: unknown study '" + name + "' (known: "
                        + String.join(", ", Studies.NAMES) + ", or none)");
            }
        }
        return grid.studies(spec, names, run.scale);
    }
}
