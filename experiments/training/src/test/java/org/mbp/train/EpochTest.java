package org.mbp.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbp.nn.Parameter;

/**
 * An epoch's row: the column order of {@code epochs.csv}, the round trip through a checkpoint's
 * JSON header, and the checkpoints written before epochs were typed, which must stay readable.
 */
class EpochTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two epochs' history as the map-based Trainer wrote it into checkpoint.bin (a diverged loss as "NaN"). */
    private static final String OLD_HISTORY = "[{\"epoch\":1,\"lr\":0.03456708580912725,"
            + "\"train_loss\":2.8841478926478885,"
            + "\"train_accuracy\":0.0859375,\"train_covariance_eig_min\":null,\"test_loss\":2.153247582386509,"
            + "\"test_accuracy\":0.234375,\"train_seconds\":1.5,\"train_images_per_s\":170.5,\"ms_per_batch\":375.0,"
            + "\"test_images_per_s\":640.0},{\"epoch\":2,\"lr\":0.0019030116872178317,\"train_loss\":\"NaN\","
            + "\"train_accuracy\":0.19921875,\"train_covariance_eig_min\":9.99999999999999E-4,\"test_loss\":null,"
            + "\"test_accuracy\":0.265625,\"train_seconds\":1.25,\"train_images_per_s\":204.8,\"ms_per_batch\":312.5,"
            + "\"test_images_per_s\":512.0}]";

    private static Epoch epoch(int n, Map<String, Double> metrics) {
        return new Epoch(n, 0.05, 0.7, metrics, 2.0, 128.0, 500.0, 256.0);
    }

    @Test
    void theRowPutsTheMetricsBetweenTheLossAndTheTimings() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_accuracy", 0.5);
        metrics.put("train_rank", null);
        metrics.put("test_accuracy", 0.25);
        Epoch e = epoch(3, metrics);
        assertEquals(List.of("epoch", "lr", "train_loss", "train_accuracy", "train_rank", "test_accuracy",
                "train_seconds", "train_images_per_s", "ms_per_batch", "test_images_per_s"),
                List.copyOf(e.row().keySet()));
        assertEquals(3, e.row().get("epoch"));
        assertEquals(0.25, e.value("test_accuracy"));
        assertEquals(500.0, e.value("ms_per_batch"));
        assertTrue(Double.isNaN(e.value("train_rank")), "a null metric reads as NaN");
        assertTrue(Double.isNaN(e.value("no_such_column")));
        assertEquals("epoch,lr,train_loss,train_accuracy,train_rank,test_accuracy,train_seconds,train_images_per_s,"
                + "ms_per_batch,test_images_per_s\n3,0.05,0.7,0.5,,0.25,2.0,128.0,500.0,256.0\n",
                Epoch.csv(Epoch.rows(List.of(e))));
    }

    @Test
    void anOldHistoryReadsBackToTheSameJson() throws IOException {
        List<Map<String, Object>> rows = JSON.readValue(OLD_HISTORY, new TypeReference<>() { });
        List<Epoch> epochs = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            epochs.add(Epoch.of(row, IllegalArgumentException::new));
        }
        assertTrue(Double.isNaN(epochs.get(1).trainLoss()));
        assertEquals(0.234375, epochs.get(0).value("test_accuracy"));
        assertEquals(JSON.readTree(OLD_HISTORY), JSON.readTree(JSON.writeValueAsBytes(Epoch.rows(epochs))),
                "JSON writes NaN as \"NaN\", as before");
        assertEquals(List.copyOf(rows.get(0).keySet()), List.copyOf(epochs.get(0).row().keySet()));
    }

    @Test
    void aCheckpointOfTheMapBasedTrainerIsReadAndWrittenBackUnchanged(@TempDir Path dir) throws IOException {
        List<Parameter> parameters = List.of(new Parameter("w", 2, 1));
        String header = "{\"settings\":{\"task\":{\"variant\":\"gap\"}},\"epoch\":2,\"history\":" + OLD_HISTORY + "}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write("MBPCKPT1".getBytes(StandardCharsets.US_ASCII));
            out.writeInt(json.length);
            out.write(json);
            out.writeInt(1);
            for (double[] values : new double[][] {{1.5, -2}, {0.25, 0}}) {
                out.writeInt(values.length);
                for (double v : values) {
                    out.writeDouble(v);
                }
            }
        }
        Files.write(dir.resolve(Checkpoint.FILE), bytes.toByteArray());
        Checkpoint c = Checkpoint.read(dir, parameters);
        assertEquals(2, c.history().size());
        assertEquals(0.265625, c.history().get(1).value("test_accuracy"));
        assertArrayEquals(new double[] {1.5, -2}, c.weights()[0]);

        assertFalse(Checkpoint.isChecksummed(dir), "the earlier format has no checksums");

        Path again = Files.createDirectory(dir.resolve("again"));
        c.write(again);
        assertTrue(Checkpoint.isChecksummed(again), "written back with checksums");
        byte[] written = Files.readAllBytes(again.resolve(Checkpoint.FILE));
        int length = java.nio.ByteBuffer.wrap(written, 8, 4).getInt();
        JsonNode rewritten = JSON.readTree(new String(written, 12, length, StandardCharsets.UTF_8));
        assertEquals(JSON.readTree(header), rewritten);
        Checkpoint back = Checkpoint.read(again, parameters);
        assertArrayEquals(c.weights()[0], back.weights()[0]);
        assertArrayEquals(c.velocity()[0], back.velocity()[0]);
        assertEquals(c.history(), back.history());
    }

    @Test
    void aRowThatIsNotAnEpochIsNamed() {
        Map<String, Object> row = new LinkedHashMap<>(Map.of("epoch", 1, "train_loss", 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Epoch.of(row, IllegalArgumentException::new));
        assertTrue(e.getMessage().startsWith("epoch 1 has no number for lr"), e.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> Epoch.of(Map.of("epoch", 1, "test_accuracy", "high"), IllegalArgumentException::new));
        assertEquals("epoch 1's test_accuracy is not a number: high", text.getMessage());
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> Epoch.of(Map.of("epoch", "one"), IllegalArgumentException::new));
        assertTrue(number.getMessage().startsWith("no epoch number in"), number.getMessage());
    }
}
