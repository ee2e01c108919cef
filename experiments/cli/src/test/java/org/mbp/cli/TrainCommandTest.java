package org.mbp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbp.data.FashionMnist;
import org.mbp.run.ResultFolder;
import org.mbp.train.BsdsScenesTest;

/** {@code mbp train}: tiny end-to-end runs, their result folders, resume, and bad input. */
class TrainCommandTest {

    @TempDir
    Path dir;

    @Test
    void deepNCutsWritesATableTwoFolderAndResumes() throws IOException {
        Path out = dir.resolve("ncuts");
        String[] args = {"train", "deepncuts", "--scenes", "6", "--test-scenes", "3", "--size", "32", "--epochs", "1",
            "--batch", "3", "--fashion-fraction", "0", "--threads", "2", "--out", out.toString()};
        Cli run = Cli.run(args);
        assertEquals(0, run.code(), run.toString());
        JsonNode summary = ResultFolder.summary(out);
        assertEquals("DeepNCuts segmentation (Table 2)", summary.get("title").asText());
        assertEquals(3, summary.at("/table/rows").size(), "two baselines and the learned features");
        for (JsonNode row : summary.at("/table/rows")) {
            for (int c = 1; c < 7; c++) {
                double covering = Double.parseDouble(row.get(c).asText());
                assertTrue(covering > 0 && covering <= 1, row.toString());
            }
        }
        assertTrue(Files.isRegularFile(out.resolve("examples.png")));
        assertTrue(Files.isRegularFile(out.resolve("covering.png")));
        assertTrue(Files.readString(out.resolve("deepncuts-j2/epochs.csv")).contains("train_rank_W"));

        Cli again = Cli.run(args);
        assertEquals(2, again.code());
        assertTrue(again.err().contains("pass --resume"), again.err());
        String[] resume = java.util.Arrays.copyOf(args, args.length + 1);
        resume[args.length] = "--resume";
        Cli resumed = Cli.run(resume);
        assertEquals(0, resumed.code(), resumed.toString());
        assertEquals(summary.at("/table/rows"), ResultFolder.summary(out).at("/table/rows"));
    }

    @Test
    void deepO2PTrainsTheChosenVariants() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIR), "Fashion-MNIST is not installed");
        Path out = dir.resolve("o2p");
        Cli run = Cli.run("train", "deepo2p", "--variant", "deepo2p-fc,gap-fc", "--train-size", "300", "--test-size",
                "100", "--epochs", "1", "--threads", "2", "--out", out.toString());
        assertEquals(0, run.code(), run.toString());
        JsonNode summary = ResultFolder.summary(out);
        assertEquals(2, summary.at("/table/rows").size());
        assertTrue(summary.get("verdict").asText().contains("the target is set on the full 10k test set"),
                summary.get("verdict").asText());
        assertTrue(Files.isRegularFile(out.resolve("deepo2p-fc/checkpoint.bin")));
        assertTrue(Files.isRegularFile(out.resolve("covariance-eigenvalues.png")));
    }

    @Test
    void deepNCutsTrainsOnABsdsTree() throws IOException {
        Path root = BsdsScenesTest.tree(dir.resolve("bsds"));
        Path out = dir.resolve("bsds-out");
        Cli run = Cli.run("train", "deepncuts", "--bsds", root.toString(), "--size", "8", "--channels", "2,2",
                "--pooled", "1", "--wide", "4", "--features", "3", "--epochs", "1", "--batch", "2", "--threads", "1", "--out", out.toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(ResultFolder.summary(out).get("description").asText().startsWith("BSDS300 photographs"));
        Cli missing = Cli.run("train", "deepncuts", "--bsds", dir.resolve("nothing").toString(), "--out", out.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("images"), missing.err());
    }

    @Test
    void badInputIsNamed() {
        Cli variant = Cli.run("train", "deepo2p", "--variant", "o3p", "--out", dir.toString());
        assertEquals(2, variant.code());
        assertTrue(variant.err().contains("unknown variant 'o3p'"), variant.err());
        Cli data = Cli.run("train", "deepo2p", "--data", dir.resolve("nowhere").toString(), "--out", dir.toString());
        assertEquals(2, data.code());
        assertTrue(data.err().contains("apt-get install -y dataset-fashion-mnist"), data.err());
        Cli size = Cli.run("train", "deepncuts", "--size", "30", "--out", dir.toString());
        assertEquals(2, size.code());
        assertTrue(size.err().contains("--size must be a multiple of 4"), size.err());
        Cli pooled = Cli.run("train", "deepncuts", "--channels", "8,16", "--pooled", "3", "--out", dir.toString());
        assertEquals(2, pooled.code());
        assertTrue(pooled.err().contains("--pooled must lie in [0, 2]"), pooled.err());
        Cli lr = Cli.run("train", "deepncuts", "--lr", "-1", "--out", dir.toString());
        assertEquals(2, lr.code());
        assertTrue(lr.err().contains("--lr must be positive"), lr.err());
    }

    @Test
    void aBadDropoutIsRefusedBeforeAnyVariantTrainsWhicheverVariantsAreChosen() {
        for (String variants : new String[] {"deepo2p,deepo2p-fc", "gap", "deepo2p"}) {
            Path out = dir.resolve(variants);
            Cli run = Cli.run("train", "deepo2p", "--variant", variants, "--dropout", "1.5", "--data",
                    dir.resolve("nowhere").toString(), "--out", out.toString());
            assertEquals(2, run.code(), run.toString());
            assertTrue(run.err().contains("--dropout: dropout rate must be in [0, 1), got 1.5"), run.err());
            assertFalse(Files.exists(out), "nothing written for " + variants);
        }
    }
}
