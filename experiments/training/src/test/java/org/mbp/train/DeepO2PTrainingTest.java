package org.mbp.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbp.backend.EjmlOps;
import org.mbp.data.FashionMnist;
import org.mbp.data.LabelledImages;
import org.mbp.spectral.DeepO2P;
import org.mbp.spectral.Form;

/**
 * The acceptance run: DeepO₂P-FC (float trunk, double O₂P, dropout) trained for two
 * epochs on the first 5000 Fashion-MNIST training images learns (test accuracy on 1000 test
 * images far above the 10% of chance), and a run killed in its second epoch and resumed from its
 * checkpoint ends with the same weights, bit for bit. Skipped where the dataset is not installed
 * ({@code .ci/run} installs it).
 */
class DeepO2PTrainingTest {

    private static final int TRAIN = 5000;
    private static final int TEST = 1000;

    @Test
    void twoEpochsOnFiveThousandImagesLearnAndResumeReproducesTheRun(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIR),
                "Fashion-MNIST is not installed (apt-get install -y dataset-fashion-mnist)");
        LabelledImages train = FashionMnist.load(FashionMnist.DEFAULT_DIR, FashionMnist.Split.TRAIN).subset(0, TRAIN);
        LabelledImages test = FashionMnist.load(FashionMnist.DEFAULT_DIR, FashionMnist.Split.TEST).subset(0, TEST);
        ClassifierModel model = new ClassifierModel(ClassifierVariant.O2P_FC, new ConvNet(new int[] {16, 32},
                EjmlOps.FLOAT), EjmlOps.DOUBLE, Form.STABLE, DeepO2P.DEFAULT_EPSILON, 128, 0.5, 10);
        TrainingOptions options = new TrainingOptions(2, 64, 0.05, 0, 0.9, 5e-4, 7, 2);
        PrintWriter quiet = new PrintWriter(new StringWriter());

        Trainer.Result whole = new Trainer(options, quiet, false).run(new ClassificationTask(model, train, test),
                dir.resolve("whole"), false);
        double accuracy = whole.history().get(1).value("test_accuracy");
        // Chance is 10%; 1000 test images give a standard error of at most 1.6%, so 60% is far above
        // chance and below what two epochs reach (about 75-80%).
        assertTrue(accuracy > 0.6, "test accuracy after two epochs: " + accuracy);
        assertTrue(whole.history().get(1).trainLoss() < whole.history().get(0).trainLoss());

        Path killed = dir.resolve("killed");
        Task dying = new KilledTask(new ClassificationTask(model, train, test), TRAIN + 10 * 64);
        assertThrows(KilledTask.Killed.class, () -> new Trainer(options, quiet, false).run(dying, killed, false));
        assertEquals(1, Checkpoint.read(killed, whole.weights().parameters()).epoch());
        Trainer.Result resumed = new Trainer(options, quiet, false).run(new ClassificationTask(model, train, test),
                killed, true);
        for (int p = 0; p < whole.weights().parameters().size(); p++) {
            assertArrayEquals(whole.weights().values(p), resumed.weights().values(p), 0,
                    whole.weights().parameters().get(p).name());
        }
        assertEquals(whole.history().get(1).value("test_accuracy"), resumed.history().get(1).value("test_accuracy"));
    }
}
