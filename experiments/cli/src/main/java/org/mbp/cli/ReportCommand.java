package org.mbp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mbp.reports.Fonts;
import org.mbp.run.Progress;
import org.mbp.run.RunLock;
import org.mbp.study.ReportJob;
import org.mbp.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
    private StudyRunOptions run;

    @Option(names = "--studies", split = ",", hideParamSyntax = true, paramLabel = "NAME[,NAME...]",
            converter = StudyName.OrNone.class, completionCandidates = StudyName.Names.class,
            description = "the studies to run (default: all of ${COMPLETION-CANDIDATES}); \"none\" for the"
                    + " verification only")
    private List<String> studies;

    @Option(names = "--fresh", description = "discard results already in --out and recompute everything")
    private boolean fresh;

    @Option(names = "--include", paramLabel = "DIR", converter = ExistingFolder.class,
            description = "also report the result folders in DIR (or DIR itself), e.g. docs/training for the"
                    + " committed training runs; repeatable")
    private List<Path> include = new ArrayList<>();

    @Mixin
    private StudyOptions grid;

    @Override
    public Integer call() throws IOException {
        List<Study<?, ?>> chosen = grid.studies(spec, StudyName.reported(studies), run.scale());
        Fonts.check();
        ReportJob.Request request = new ReportJob.Request(run.out(), run.scale(), run.seed(), run.threads(), chosen,
                fresh, include, Progress.terminalAttached());
        PrintWriter out = spec.commandLine().getOut();
        ReportJob.Outcome outcome;
        try (RunLock lock = RunLock.acquire(request.out(), spec.commandLine().getErr())) {
            outcome = ReportJob.run(request, out, spec.commandLine().getErr());
        }
        out.printf(Locale.ROOT, "wrote %s (%d pages, also as PNG in %s) in %.1f s%n", outcome.pdf(),
                outcome.pages().size(), outcome.pageFolder(), outcome.seconds());
        out.flush();
        return outcome.verified() ? 0 : 1;
    }
}
