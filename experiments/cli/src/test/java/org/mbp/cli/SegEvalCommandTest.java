package org.mbp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbp.segment.HumanSegmentation;
import org.mbp.segment.LabelMap;
import org.mbp.segment.LabelMapPng;
import org.mbp.segment.SegFile;

/**
 * {@code mbp segeval} on 4×4 maps. Ground truths: T (A = top-left 2×2, B = top-right 2×2, C =
 * bottom half; a .seg file) and O (one segment; a PNG). Predictions: k=1 M (M0 = columns 0-2 of
 * rows 0-2, M1 = column 3 of rows 0-2, M2 = row 3; a 16-bit PNG), k=2 T itself (an RGB PNG).
 * By hand (see CoveringTest): C(M→T) = 83/180, C(M→O) = 9/16 (best IoU of the whole with M0);
 * C(T→T) = 1, C(T→O) = 8/16 = 1/2. So k=1: average (83/180 + 9/16)/2 = 737/1440, best 9/16;
 * k=2: average 3/4, best 1; OIS k=2 both ways; Best: T regions all 1 (at k=2), O 9/16 (k=1):
 * average (1 + 9/16)/2 = 25/32, best 1. Tolerance 1e-15: a few exact ratios.
 */
class SegEvalCommandTest {

    @TempDir
    Path dir;

    private Path truthSeg;
    private Path onePng;
    private Path machinePng;
    private Path truthRgb;

    private static final LabelMap T = new LabelMap(4, 4, new int[] {
        0, 0, 1, 1,
        0, 0, 1, 1,
        2, 2, 2, 2,
        2, 2, 2, 2});
    private static final LabelMap M = new LabelMap(4, 4, new int[] {
        0, 0, 0, 1,
        0, 0, 0, 1,
        0, 0, 0, 1,
        2, 2, 2, 2});

    @BeforeEach
    void writeFiles() throws IOException {
        truthSeg = dir.resolve("t.seg");
        SegFile.write(truthSeg, HumanSegmentation.of("1", "7", T));
        onePng = dir.resolve("one.png");
        LabelMapPng.write(onePng, new LabelMap(4, 4, new int[16]));
        machinePng = dir.resolve("m.png");
        LabelMapPng.write(machinePng, new LabelMap(4, 4, M.labels()));
        truthRgb = dir.resolve("t-colour.PNG");
        BufferedImage rgb = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        int[] colours = {0xff0000, 0x00ff00, 0x0000ff};
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                rgb.setRGB(x, y, colours[T.label(x, y)]);
            }
        }
        ImageIO.write(rgb, "png", truthRgb.toFile());
    }

    private Cli evaluate(String... extra) {
        String[] base = {"segeval", "--pred", machinePng.toString(), "--pred", truthRgb.toString(),
            "--gt", truthSeg.toString(), "--gt", onePng.toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return Cli.run(all);
    }

    @Test
    void printsCoveringPerPredictionAndOisAndBest() {
        Cli run = evaluate();
        assertEquals(0, run.code(), run.toString());
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].startsWith("2 ground truths, 4×4 pixels"), run.out());
        assertTrue(run.out().contains("   1         3      0.5118      0.5625  " + machinePng), run.out());
        assertTrue(run.out().contains("   2         3      0.7500      1.0000  " + truthRgb), run.out());
        assertTrue(run.out().contains("OIS   avg GT 0.7500 (k=2)   best GT 1.0000 (k=2)"), run.out());
        assertTrue(run.out().contains("Best  avg GT 0.7813         best GT 1.0000"), run.out());
    }

    @Test
    void printsOneJsonObject() throws IOException {
        Cli run = evaluate("--json");
        assertEquals(0, run.code(), run.toString());
        assertEquals(1, run.out().strip().lines().count());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(4, json.get("width").asInt());
        assertEquals(3, json.get("ground_truths").get(0).get("segments").asInt());
        JsonNode k1 = json.get("predictions").get(0);
        assertEquals(1, k1.get("k").asInt());
        assertEquals(737.0 / 1440, k1.get("covering_average").asDouble(), 1e-15);
        assertEquals(9.0 / 16, k1.get("covering_best").asDouble(), 1e-15);
        assertEquals(83.0 / 180, k1.get("covering_per_gt").get(0).asDouble(), 1e-15);
        assertEquals(0.75, json.get("predictions").get(1).get("covering_average").asDouble(), 1e-15);
        assertEquals(0.75, json.get("ois").get("average").asDouble(), 1e-15);
        assertEquals(2, json.get("ois").get("k_average").asInt());
        assertEquals(1.0, json.get("ois").get("best").asDouble(), 1e-15);
        assertEquals(25.0 / 32, json.get("best").get("average").asDouble(), 1e-15);
        assertEquals(1.0, json.get("best").get("best").asDouble(), 1e-15);
    }

    @Test
    void badInputExitsTwoNamingTheFile() throws IOException {
        Path small = dir.resolve("small.png");
        LabelMapPng.write(small, new LabelMap(3, 4, new int[12]));
        Path garbage = dir.resolve("garbage.png");
        Files.write(garbage, new byte[] {1, 2, 3});
        Path folder = Files.createDirectory(dir.resolve("folder.seg"));
        Path badSeg = dir.resolve("bad.seg");
        Files.writeString(badSeg, Files.readString(truthSeg).replace("width 4", "width x"));
        Object[][] cases = {
            {small + " is 3×4 but " + truthSeg + " is 4×4", new String[] {"--pred", small.toString(), "--gt", truthSeg.toString()}},
            {garbage + ": not a PNG, JPEG, GIF or BMP image", new String[] {"--pred", garbage.toString(), "--gt", truthSeg.toString()}},
            {dir.resolve("none.seg") + ": no such file", new String[] {"--pred", machinePng.toString(), "--gt", dir.resolve("none.seg").toString()}},
            {badSeg + ": line 5 (byte 36): width 'x'", new String[] {"--pred", machinePng.toString(), "--gt", badSeg.toString()}},
            {"unknown file type (expected .png or .seg)", new String[] {"--pred", dir.resolve("m.txt").toString(), "--gt", truthSeg.toString()}},
            {dir.resolve("none.png") + ": no such file", new String[] {"--pred", dir.resolve("none.png").toString(), "--gt", truthSeg.toString()}},
            {folder + ": a folder, not a file", new String[] {"--pred", machinePng.toString(), "--gt", folder.toString()}},
            {"Missing required option: '--gt=FILE'", new String[] {"--pred", machinePng.toString()}},
        };
        for (Object[] c : cases) {
            String[] options = (String[]) c[1];
            String[] all = new String[options.length + 1];
            all[0] = "segeval";
            System.arraycopy(options, 0, all, 1, options.length);
            Cli run = Cli.run(all);
            assertEquals(2, run.code(), run.toString());
            assertTrue(run.err().contains((String) c[0]), "expected '" + c[0] + "' in: " + run.err());
            assertTrue(run.out().isEmpty(), run.out());
            ParserPropertiesTest.assertClean(run.err().lines().findFirst().orElse(""));
        }
    }

    @Test
    void helpExplainsTheMeasure() {
        Cli run = Cli.run("segeval", "--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("Arbelaez") && run.out().contains("--pred") && run.out().contains("OIS"), run.out());
    }
}
