package org.mbp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbp.reports.ChartSpec;
import org.mbp.reports.Series;
import org.mbp.run.ResultFolder;
import org.mbp.run.Chart;

class ReportCommandTest {

    private static final String[] SMALL_GAP = {"--studies", "gap", "--size", "4", "--gaps", "1e-2,1e-4,1e-6,1e-8,1e-10",
        "--samples", "1", "--threads", "2"};

    @TempDir
    Path dir;

    private Cli report(Path out, String... more) {
        String[] args = new String[2 + SMALL_GAP.length + more.length + 1];
        args[0] = "report";
        args[1] = "--out=" + out;
        System.arraycopy(SMALL_GAP, 0, args, 2, SMALL_GAP.length);
        System.arraycopy(more, 0, args, 2 + SMALL_GAP.length, more.length);
        args[args.length - 1] = "--seed=20261128";
        return Cli.run(args);
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** A result folder as a training run would write it. */
    private static void trainingRun(Path folder) throws IOException {
        trainingRun(folder, "Training demo run");
    }

    private static void trainingRun(Path folder, String title) throws IOException {
        Files.createDirectories(folder);
        ResultFolder.writeSummary(folder, Map.of("title", title, "description", "A made-up run.",
                "verdict", "Converged in 3 epochs.", "table", Map.of("header", List.of("epoch", "loss"),
                        "rows", List.of(List.of("1", "0.9"), List.of("3", "0.1")))));
        ResultFolder.writeCharts(folder, List.of(new Chart("loss", new ChartSpec("Training loss", "epoch",
                "loss", false, true, List.of(new Series("loss", new double[] {1, 2, 3},
                        new double[] {0.9, 0.4, 0.1}))))));
    }

    @Test
    void reportVerifiesRunsStudiesAndWritesPdfAndPages() throws IOException {
        Path out = dir.resolve("out");
        trainingRun(out.resolve("training-demo"));
        Files.createDirectories(out.resolve("report-pages"));
        Files.writeString(out.resolve("report-pages/report-99.png"), "stale page of an earlier report");

        Cli first = report(out);
        assertEquals(0, first.code(), first.toString());
        assertTrue(first.out().contains("verification") && first.out().contains("Verified."), first.out());
        assertTrue(first.out().contains("gap") && first.out().contains("Confirmed."), first.out());

        String text = pdfText(out.resolve("report.pdf"));
        for (String expected : List.of("mbp report", "Commit", "Machine", "JVM", "Overview",
                "Gradient verification of every layer", "Eigenvalue-gap blow-up", "Largest |K̃_ij| against the gap",
                "Training demo run", "Converged in 3 epochs.", "Training loss")) {
            assertTrue(text.contains(expected), "the report shows '" + expected + "'");
        }
        assertTrue(text.indexOf("Gradient verification of every layer", text.indexOf("Overview") + 400)
                < text.indexOf("Eigenvalue-gap blow-up", text.indexOf("Overview") + 400), "verification first");

        JsonNode record = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(List.of("verification", "gap"), names(record.get("steps")));
        assertTrue(record.get("verified").asBoolean());
        int pages = record.get("pages").asInt();
        assertTrue(Files.isRegularFile(out.resolve(String.format("report-pages/report-%02d.png", pages))));
        assertFalse(Files.exists(out.resolve("report-pages/report-99.png")), "stale pages are removed");

        List<String> csv = Files.readAllLines(out.resolve("verification/results.csv"));
        assertEquals("cell,layer,reference,check,precision,value,threshold,passed,min_relative_gap,max_abs_k",
                csv.get(0));
        JsonNode verification = ResultFolder.summary(out.resolve("verification"));
        int layers = verification.get("parameters").get("layers").asInt();
        assertTrue(layers >= 20);
        assertEquals(6 * layers + 1, csv.size(), "six measurements per layer");

        trainingRun(dir.resolve("committed").resolve("other-run"), "Committed training run");
        Cli again = report(out, "--include", dir.resolve("committed").toString());
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("(0 computed now)"), "a second report reuses every cell: " + again.out());
        assertTrue(pdfText(out.resolve("report.pdf")).contains("Committed training run"), "--include adds sections");
        assertEquals(2, report(out, "--include", dir.resolve("missing").toString()).code());
    }

    private static List<String> names(JsonNode steps) {
        return java.util.stream.StreamSupport.stream(steps.spliterator(), false).map(s -> s.get("name").asText())
                .toList();
    }

    @Test
    void badOptionsAndUnusableFoldersAreExitCode2() throws IOException {
        Cli unknown = Cli.run("report", "--studies", "svd,gap", "--out", dir.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown study 'svd'"), unknown.err());

        Cli foreign = Cli.run("report", "--studies", "rank", "--gaps", "1e-3", "--out", dir.toString());
        assertEquals(2, foreign.code());
        assertTrue(foreign.err().contains("--gaps does not apply to rank"), foreign.err());

        Path file = Files.writeString(dir.resolve("file"), "x");
        Cli unwritable = Cli.run("report", "--out", file.resolve("sub").toString());
        assertEquals(2, unwritable.code());
        assertTrue(unwritable.err().contains("cannot create the folder"), unwritable.err());

        assertEquals(2, Cli.run("report", "--threads", "0", "--out", dir.toString()).code());
        assertEquals(2, Cli.run("report", "--scale", "huge", "--out", dir.toString()).code());
    }
}
