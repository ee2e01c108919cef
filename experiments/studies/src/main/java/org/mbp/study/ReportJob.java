package org.mbp.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mbp.reports.ReportDocument;
import org.mbp.run.ClaimVerdict.Ruling;
import org.mbp.run.ClaimVerdict;
import org.mbp.run.ReportAssembler;
import org.mbp.run.ReportFiles;
import org.mbp.run.ResultFolder;
import org.mbp.run.RunEnvironment;
import org.mbp.study.verification.VerificationStudy;

/**
 * The main job ({@code mbp report}): verifies every layer, runs the studies (resuming the cells
 * already in the output folder unless asked to start afresh), and writes the report of every
 * result folder found there and in the included folders: {@code report.pdf}, every page as PNG,
 * and {@code report.json} (what ran, the time each part took, versions).
 */
public final class ReportJob {

    /**
     * What to run and where.
     *
     * @param out      the output folder, which exists and can be written
     * @param scale    the scale the studies were made at, for the title page
     * @param studies  the studies to run after the verification
     * @param fresh    whether to discard results already in {@code out}
     * @param include  more folders whose result folders (or which, as a result folder) the report presents
     * @param terminal whether progress goes to a terminal
     */
    public record Request(Path out, Scale scale, long seed, int threads, List<Study<?, ?>> studies, boolean fresh,
            List<Path> include, boolean terminal) {
    }

    /**
     * What the job did.
     *
     * @param steps    the verification and the studies, as run
     * @param sections the result folders the report presents, in order
     * @param pages    the page images
     * @param verified whether every layer passed every check
     */
    public record Outcome(List<ReportAssembler.Step> steps, List<Path> sections, Path pdf, Path pageFolder,
            List<Path> pages, double seconds, boolean verified) {
    }

    private ReportJob() {
    }

    /**
     * Runs the job, reporting each step on {@code out} as it ends and progress on {@code err}.
     *
     * @param request the request
     * @param out where to write
     * @param err where to write messages
     * @return the outcome
     * @throws IOException if reading or writing fails
     */
    public static Outcome run(Request request, PrintWriter out, PrintWriter err) throws IOException {
        Instant started = Instant.now();
        long start = System.nanoTime();
        Study<?, ?> verification = VerificationStudy.create();
        List<Study<?, ?>> studies = new ArrayList<>(List.of(verification));
        studies.addAll(request.studies());
        List<ReportAssembler.Step> steps = new ArrayList<>();
        boolean verified = false;
        for (Study<?, ?> study : studies) {
            StudyRunner.Outcome outcome = StudyRunner.run(study, new StudyRunner.Options(request.out(), request.seed(),
                    request.threads(), null, request.fresh() ? StudyRunner.Existing.FRESH : StudyRunner.Existing.RESUME,
                    request.terminal()), err);
            ClaimVerdict verdict = outcome.verdict().orElseThrow();
            steps.add(new ReportAssembler.Step(study.name(), outcome.total(), outcome.computed(), outcome.seconds(),
                    verdict.text()));
            out.printf(Locale.ROOT, "%-12s %4d cells (%d computed now) in %7.1f s  %s%n", study.name(), outcome.total(),
                    outcome.computed(), outcome.seconds(), verdict.text());
            out.flush();
            if (study == verification) {
                verified = verdict.ruling() == Ruling.VERIFIED;
            }
        }
        List<Path> sections = new ArrayList<>(ReportAssembler.folders(request.out(),
                studies.stream().map(Study::name).toList()));
        for (Path dir : request.include()) {
            sections.addAll(ResultFolder.isResult(dir) ? List.of(dir) : ReportAssembler.folders(dir, List.of()));
        }
        Map<String, String> facts = facts(request, started);
        err.printf("mbp report: writing the report (%d section%s)%n", sections.size(), sections.size() == 1 ? "" : "s");
        err.flush();
        ReportDocument report = ReportAssembler.assemble(facts, steps, sections);
        List<Path> pages = ReportFiles.write(report, request.out());
        double seconds = (System.nanoTime() - start) / 1e9;
        Outcome outcome = new Outcome(steps, sections, request.out().resolve(ReportFiles.PDF),
                request.out().resolve(ReportFiles.PAGES), pages, seconds, verified);
        writeRecord(request.out(), facts, outcome);
        return outcome;
    }

    /** The title page's facts. */
    private static Map<String, String> facts(Request request, Instant started) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Version", "mbp " + RunEnvironment.version());
        facts.put("Commit", RunEnvironment.commit());
        facts.put("Date", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                .format(started.atOffset(ZoneOffset.UTC)));
        facts.put("Machine", RunEnvironment.machine());
        facts.put("JVM", RunEnvironment.jvm());
        facts.put("Run", String.format(Locale.ROOT, "scale %s, seed %d, %d thread(s)", request.scale().label(),
                request.seed(), request.threads()));
        return facts;
    }

    /** Writes {@code report.json}: the facts, the steps, the sections, the pages, the time and the verdict. */
    private static void writeRecord(Path out, Map<String, String> facts, Outcome outcome) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", "report");
        facts.forEach((key, value) -> root.put(key.toLowerCase(Locale.ROOT), value));
        List<Map<String, Object>> steps = new ArrayList<>();
        for (ReportAssembler.Step step : outcome.steps()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", step.name());
            s.put("cells", step.cells());
            s.put("computed", step.computed());
            s.put("seconds", step.seconds());
            s.put("verdict", step.verdict());
            steps.add(s);
        }
        root.put("steps", steps);
        root.put("sections", outcome.sections().stream().map(p -> p.getFileName().toString()).toList());
        root.put("pages", outcome.pages().size());
        root.put("seconds", outcome.seconds());
        root.put("verified", outcome.verified());
        ResultFolder.writeJson(out.resolve("report.json"), root);
    }
}
