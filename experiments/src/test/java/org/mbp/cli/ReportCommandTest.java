package org.mbp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = Mbp.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void reportVerifiesEveryLayerAndWritesTidyResults() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path folder = dir.resolve("report");
        int code = run(out, err, "report", "--out", folder.toString(), "--threads", "2");
        assertEquals(0, code, out + "\n" + err);
        List<String> csv = Files.readAllLines(folder.resolve("verification.csv"));
        assertEquals("layer,reference,check,precision,value,threshold,passed,min_relative_gap,max_abs_k", csv.get(0));
        assertTrue(csv.stream().skip(1).allMatch(line -> line.contains(",true,")), "every check passed");
        JsonNode summary = new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
        assertEquals(20261128L, summary.get("seed").asLong());
        int layers = summary.get("layers").size();
        assertEquals(6 * layers + 1, csv.size(), "six measurements per layer");
        assertTrue(layers >= 20);
        assertTrue(out.toString().contains(layers + " of " + layers + " layers passed"), out.toString());
    }

    @Test
    void anUnusableOutputFolderIsABadOption() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "report", "--out", file.resolve("sub").toString()));
        assertTrue(err.toString().contains("cannot create the folder"), err.toString());
        assertEquals(2, run(new StringWriter(), new StringWriter(), "report", "--threads", "0",
                "--out", dir.toString()));
    }
}
