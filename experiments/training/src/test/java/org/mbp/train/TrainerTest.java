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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbp.backend.EjmlOps;
import org.mbp.layer.BatchExecutor;
import org.mbp.nn.AffineLayer;
import org.mbp.nn.Network;
import org.mbp.nn.Parameter;
import org.mbp.nn.Relu;
import org.mbp.nn.SoftmaxCrossEntropy;
import org.mbp.nn.Weights;

/**
 * The training loop on a small synthetic problem (two Gaussian classes, an MLP with dropout):
 * it learns, a resumed run equals an uninterrupted one bit for bit, the thread count does not
 * matter, and checkpoints in the way or of other settings are refused with a clear message.
 */
class TrainerTest {

    /** Points of two classes separated along a random direction, with a small MLP. */
    private static final class TwoClouds implements Task {
        private final double[][] x = new double[200][];
        private final int[] y = new int[200];
        private final Network net = Network.builder()
                .then(new AffineLayer<>(EjmlOps.DOUBLE), new Parameter("hidden", 5, 8))
                .then(new Relu<>(EjmlOps.DOUBLE))
                .dropout(EjmlOps.DOUBLE, 0.2, 1, 8)
                .then(new AffineLayer<>(EjmlOps.DOUBLE), new Parameter("out", 9, 2))
                .build();

        TwoClouds() {
            SplittableRandom r = new SplittableRandom(3);
            for (int i = 0; i < x.length; i++) {
                y[i] = i % 2;
                x[i] = new double[4];
                for (int j = 0; j < 4; j++) {
                    x[i][j] = r.nextDouble(-1, 1) + (y[i] == 1 ? 1.0 : -1.0) * (j == 0 ? 1 : 0);
                }
            }
        }

        @Override
        public String name() {
            return "two-clouds";
        }

        @Override
        public Map<String, Object> description() {
            return Map.of("task", "two-clouds");
        }

        @Override
        public Network network() {
            return net;
        }

        @Override
        public int trainingSize() {
            return 150;
        }

        @Override
        public int evaluationSize() {
            return 50;
        }

        private SimpleMatrix input(int i) {
            return EjmlOps.DOUBLE.fromRowMajor(1, 4, x[i]);
        }

        @Override
        public BatchResult train(Weights weights, int[] indices, long[] seeds) {
            SimpleMatrix inputs = EjmlOps.DOUBLE.stack(Arrays.stream(indices).mapToObj(this::input).toList());
            Network.Pass<SimpleMatrix> pass = net.forward(weights, inputs, seeds);
            int[] labels = Arrays.stream(indices).map(i -> y[i]).toArray();
            var loss = new SoftmaxCrossEntropy<>(EjmlOps.DOUBLE, labels).forward(pass.output());
            List<Reading> readings = new ArrayList<>();
            for (int n = 0; n < indices.length; n++) {
                SimpleMatrix logits = pass.output().extractVector(true, n);
                readings.add(Reading.mean("accuracy", correct(logits, indices[n])));
                readings.add(Reading.max("largest_logit", logits.elementMax()));
            }
            return new BatchResult(loss.output().get(0), pass.backward(loss.adjoint(EjmlOps.DOUBLE.filled(1, 1, 1))),
                    readings);
        }

        private double correct(SimpleMatrix logits, int i) {
            return (logits.get(1) > logits.get(0) ? 1 : 0) == y[i] ? 1 : 0;
        }

        @Override
        public Map<String, Double> evaluate(Weights weights, BatchExecutor executor) {
            double sum = 0;
            for (int i = 150; i < 200; i++) {
                sum += correct(net.forward(weights, input(i), Network.Pass.INFERENCE).output(), i);
            }
            return new LinkedHashMap<>(Map.of("test_accuracy", sum / 50));
        }
    }

    private static Trainer trainer(int epochs, int threads) {
        return new Trainer(new TrainingOptions(epochs, 16, 0.1, 0, 0.9, 1e-4, 11, threads, 4),
                new PrintWriter(new StringWriter()), false);
    }

    @Test
    void learnsAndTheThreadCountDoesNotMatter(@TempDir Path dir) throws IOException {
        Trainer.Result one = trainer(4, 1).run(new TwoClouds(), dir.resolve("one"), false);
        Trainer.Result two = trainer(4, 2).run(new TwoClouds(), dir.resolve("two"), false);
        assertTrue(one.history().get(3).value("test_accuracy") >= 0.9, one.history().toString());
        for (int p = 0; p < 2; p++) {
            assertArrayEquals(one.weights().values(p), two.weights().values(p), 0);
        }
        assertTrue(Files.readString(dir.resolve("one").resolve(Trainer.EPOCHS_CSV)).startsWith(
                "epoch,lr,train_loss,train_accuracy,train_largest_logit,test_accuracy,"));
    }

    @Test
    void aKilledRunResumesToTheSameResult(@TempDir Path dir) throws IOException {
        Trainer.Result whole = trainer(3, 2).run(new TwoClouds(), dir.resolve("whole"), false);
        Path killed = dir.resolve("killed");
        assertThrows(KilledTask.Killed.class,
                () -> trainer(3, 2).run(new KilledTask(new TwoClouds(), 150 + 40), killed, false));
        assertEquals(1, Checkpoint.read(killed, new TwoClouds().network().parameters()).epoch());
        Trainer.Result resumed = trainer(3, 1).run(new TwoClouds(), killed, true);
        for (int p = 0; p < 2; p++) {
            assertArrayEquals(whole.weights().values(p), resumed.weights().values(p), 0);
        }
        for (int e = 0; e < 3; e++) {
            for (String column : List.of("epoch", "lr", "train_loss", "train_accuracy", "test_accuracy")) {
                assertEquals(whole.history().get(e).value(column), resumed.history().get(e).value(column), column);
            }
        }
    }

    @Test
    void aCheckpointInTheWayIsRefused(@TempDir Path dir) throws IOException {
        trainer(1, 1).run(new TwoClouds(), dir, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer(1, 1).run(new TwoClouds(), dir, false));
        assertTrue(e.getMessage().contains("pass --resume"), e.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(new TrainingOptions(1, 8, 0.1, 0, 0.9, 1e-4, 11, 1), new PrintWriter(new StringWriter()),
                        false).run(new TwoClouds(), dir, true));
        assertTrue(other.getMessage().contains("other settings"), other.getMessage());
        assertTrue(other.getMessage().contains("(options.batch: 16 in the checkpoint, 8 in this run)"),
                other.getMessage());
    }

    @Test
    void damagedCheckpointsNameFileAndOffset(@TempDir Path dir) throws IOException {
        trainer(1, 1).run(new TwoClouds(), dir, false);
        Path file = dir.resolve(Checkpoint.FILE);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));
        List<Parameter> ps = new TwoClouds().network().parameters();
        IllegalArgumentException cut = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(dir, ps));
        assertTrue(cut.getMessage().startsWith(file + ": byte "), cut.getMessage());
        assertTrue(cut.getMessage().contains("file ends before the velocity of out"), cut.getMessage());
        byte[] header = "{\"settings\":{},\"epoch\":2,\"history\":[]}".getBytes();
        java.nio.ByteBuffer wrong = java.nio.ByteBuffer.allocate(12 + header.length);
        wrong.put("MBPCKPT1".getBytes()).putInt(header.length).put(header);
        Files.write(file, wrong.array());
        IllegalArgumentException json = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(dir, ps));
        assertEquals(file + ": byte 12: the JSON header's history is not one row per epoch for 2 epochs",
                json.getMessage());
        Files.write(file, "not a checkpoint".getBytes());
        IllegalArgumentException magic = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(dir, ps));
        assertEquals(file + ": byte 0: not an mbp checkpoint (no MBPCKPT2 magic)", magic.getMessage());
    }

    @Test
    void flippedBytesAreRefusedNamingTheDamagedRange(@TempDir Path dir) throws IOException {
        trainer(1, 1).run(new TwoClouds(), dir, false);
        Path file = dir.resolve(Checkpoint.FILE);
        byte[] good = Files.readAllBytes(file);
        List<Parameter> ps = new TwoClouds().network().parameters();
        int headerLength = java.nio.ByteBuffer.wrap(good, 8, 4).getInt();
        int firstWeights = 8 + 4 + headerLength + 4 + 4 + 4;
        int size = ps.get(0).size();
        byte[] weights = good.clone();
        weights[firstWeights + 4 + 3] ^= 0x10;
        weights[firstWeights + 4 + 8 * size - 1] ^= 0x01;
        Files.write(file, weights);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(dir, ps));
        assertEquals(file + ": bytes " + firstWeights + "–" + (firstWeights + 4 + 8 * size - 1) + " (the weights of "
                + ps.get(0).name() + ") do not match their checksum: the checkpoint is damaged; restore a copy, or train"
                + " again into another --out", e.getMessage());
        byte[] header = good.clone();
        header[20] ^= 0x01;
        Files.write(file, header);
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.read(dir, ps));
        assertTrue(h.getMessage().startsWith(file + ": bytes 8–" + (8 + 4 + headerLength - 1) + " (the JSON header)"),
                h.getMessage());
    }

    @Test
    void nonFiniteWeightsAreTheCheckpointsFault(@TempDir Path dir) throws IOException {
        trainer(1, 1).run(new TwoClouds(), dir, false);
        List<Parameter> ps = new TwoClouds().network().parameters();
        Checkpoint c = Checkpoint.read(dir, ps);
        c.weights()[1][2] = Double.NaN;
        c.write(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.read(dir, ps));
        assertTrue(e.getMessage().startsWith(dir.resolve(Checkpoint.FILE) + ": byte "), e.getMessage());
        assertTrue(e.getMessage().contains("the weights of " + ps.get(1).name() + " holds NaN at entry 2: the run that"
                + " wrote this checkpoint diverged"), e.getMessage());
    }
}
