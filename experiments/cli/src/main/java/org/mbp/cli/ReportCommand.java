package org.mbp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mbp.reports.Fonts;
import org.mbp.reports.ReportDocument;
import org.mbp.run.ReportAssembler;
import org.mbp.run.ReportFiles;
import org.mbp.run.ResultFolder;
import org.mbp.run.RunEnvironment;
import org.mbp.study.Studies;
import org.mbp.study.Study;
import org.mbp.study.StudyRunner;
import org.mbp.study.VerificationStudy;
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
        List<Study> steps = steps();
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
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Instant started = Instant.now();
        long start = System.nanoTime();
        List<ReportAssembler.Step> done = new ArrayList<>();
        boolean verified = false;
        for (Study study : steps) {
            StudyRunner.Outcome outcome = StudyRunner.run(study, new StudyRunner.Options(run.out, run.seed,
                    run.threads(), null, fresh ? StudyRunner.Existing.FRESH : StudyRunner.Existing.RESUME,
                    System.console() != null), err);
            String verdict = ResultFolder.verdict(outcome.folder());
            done.add(new ReportAssembler.Step(study.name(), outcome.total(), outcome.computed(), outcome.seconds(),
                    verdict));
            out.printf(Locale.ROOT, "%-12s %4d cells (%d computed now) in %7.1f s  %s%n", study.name(), outcome.total(),
                    outcome.computed(), outcome.seconds(), verdict);
            out.flush();
            if (study instanceof VerificationStudy) {
                verified = ResultFolder.summary(outcome.folder()).at("/numbers/passed").asBoolean();
            }
        }
        List<Path> folders = new ArrayList<>(ReportAssembler.folders(run.out, names(steps)));
        for (Path dir : include) {
            folders.addAll(ResultFolder.isResult(dir) ? List.of(dir) : ReportAssembler.folders(dir, List.of()));
        }
        Map<String, String> facts = facts(started);
        err.printf("mbp report: writing the report (%d section%s)%n", folders.size(), folders.size() == 1 ? "" : "s");
        err.flush();
        ReportDocument report = ReportAssembler.assemble(facts, done, folders);
        List<Path> pages = ReportFiles.write(report, run.out);
        double seconds = (System.nanoTime() - start) / 1e9;
        writeRecord(facts, done, folders, pages.size(), seconds, verified);
        out.printf(Locale.ROOT, "wrote %s (%d pages, also as PNG in %s) in %.1f s%n", run.out.resolve(ReportFiles.PDF),
                pages.size(), run.out.resolve(ReportFiles.PAGES), seconds);
        out.flush();
        return verified ? 0 : 1;
    }

    /** The verification, then the chosen studies, built with the grid options. */
    private List<Study> steps() {
        List<String> names = studies == null ? Studies.NAMES
                : studies.equals(List.of("none")) ? List.of() : studies;
        for (String name : names) {
            if (!Studies.NAMES.contains(name)) {
                throw new ParameterException(spec.commandLine(), "--studies: unknown study '" + name + "' (known: "
                        + String.join(", ", Studies.NAMES) + ", or none)");
            }
        }
        List<Study> steps = new ArrayList<>(List.of(new VerificationStudy()));
        steps.addAll(grid.studies(spec, names, run.scale));
        return steps;
    }

    private static List<String> names(List<Study> steps) {
        return steps.stream().map(Study::name).toList();
    }

    /** The title page's facts. */
    private Map<String, String> facts(Instant started) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Version", "mbp " + RunEnvironment.version());
        facts.put("Commit", RunEnvironment.commit());
        facts.put("Date", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                .format(started.atOffset(ZoneOffset.UTC)));
        facts.put("Machine", RunEnvironment.machine());
        facts.put("JVM", RunEnvironment.jvm());
        facts.put("Run", String.format(Locale.ROOT, "scale %s, seed %d, %d thread(s)",
                run.scale.name().toLowerCase(Locale.ROOT), run.seed, run.threads()));
        return facts;
    }

    private void writeRecord(Map<String, String> facts, List<ReportAssembler.Step> done, List<Path> folders,
            int pages, double seconds, boolean verified) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", "report");
        facts.forEach((key, value) -> root.put(key.toLowerCase(Locale.ROOT), value));
        List<Map<String, Object>> steps = new ArrayList<>();
        for (ReportAssembler.Step step : done) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", step.name());
            s.put("cells", step.cells());
            s.put("computed", step.computed());
            s.put("seconds", step.seconds());
            s.put("verdict", step.verdict());
            steps.add(s);
        }
        root.put("steps", steps);
        root.put("sections", folders.stream().map(p -> p.getFileName().toString()).toList());
        root.put("pages", pages);
        root.put("seconds", seconds);
        root.put("verified", verified);
        ResultFolder.writeJson(run.out.resolve("report.json"), root);
    }
}
