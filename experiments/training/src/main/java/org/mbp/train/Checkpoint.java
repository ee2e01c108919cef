package org.mbp.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mbp.nn.Parameter;
import org.mbp.nn.Weights;
import org.mbp.io.AtomicFile;

/**
 * The state a training run needs to continue: the epochs done, the weights, the optimiser's
 * velocity and the per-epoch history, with the settings that produced them. Written atomically
 * after every epoch as {@code checkpoint.bin}: the magic {@code MBPCKPT1}, a length-prefixed UTF-8
 * JSON header, then per parameter its weights and velocity as big-endian doubles.
 *
 * @param settings the task's description and the optimiser's settings; a resumed run must match
 */
public record Checkpoint(Map<String, Object> settings, int epoch, double[][] weights, double[][] velocity,
        List<Epoch> history) {

    /** The file name in a run's folder. */
    public static final String FILE = "checkpoint.bin";

    private static final byte[] MAGIC = "MBPCKPT1".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Writes the checkpoint into {@code folder}, atomically.
     *
     * @param folder the folder
     * @throws IOException if reading or writing fails
     */
    public void write(Path folder) throws IOException {
        byte[] header = JSON.writeValueAsBytes(Map.of("settings", settings, "epoch", epoch, "history",
                Epoch.rows(history)));
        AtomicFile.write(folder.resolve(FILE), stream -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
            out.write(MAGIC);
            out.writeInt(header.length);
            out.write(header);
            out.writeInt(weights.length);
            for (int p = 0; p < weights.length; p++) {
                writeArray(out, weights[p]);
                writeArray(out, velocity[p]);
            }
            out.flush();
        });
    }

    private static void writeArray(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    /**
     * Reads the checkpoint of {@code folder} for a network with these parameters.
     *
     * @param folder the folder
     * @param parameters the parameters
     * @return the checkpoint of {@code folder} for a network with these parameters
     * @throws IllegalArgumentException when the file is not a checkpoint, is cut short, or holds
     *                                  other shapes (the message names the file and byte offset)
     * @throws IOException if reading or writing fails
     */
    public static Checkpoint read(Path folder, List<Parameter> parameters) throws IOException {
        return read(folder, parameters, null);
    }

    /**
     * Reads the checkpoint of {@code folder}, first checking that it was written with
     * {@code settings} (compared as JSON).
     *
     * @param folder the folder
     * @param parameters the parameters
     * @param settings the task's description and the optimiser's settings; a resumed run must match
     * @return the checkpoint of {@code folder}, first checking that it was written with {@code
     *         settings} (compared as JSON)
     * @throws IllegalArgumentException for a checkpoint of other settings, then as {@link #read(Path, List)}
     * @throws IOException if reading or writing fails
     */
    public static Checkpoint read(Path folder, List<Parameter> parameters, Map<String, Object> settings)
            throws IOException {
        Path file = folder.resolve(FILE);
        byte[] bytes = Files.readAllBytes(file);
        Reader in = new Reader(file, bytes);
        byte[] magic = in.bytes(MAGIC.length, "the magic MBPCKPT1");
        if (!Arrays.equals(magic, MAGIC)) {
            throw in.error(0, "not an mbp checkpoint (no MBPCKPT1 magic)");
        }
        int headerLength = in.count("the header length");
        Map<String, Object> header;
        long headerAt = in.offset();
        try {
            header = JSON.readValue(in.bytes(headerLength, "the JSON header"), new TypeReference<>() { });
        } catch (IOException e) {
            throw in.error(headerAt, "unreadable JSON header: " + e.getMessage());
        }
        Header h = Header.of(header, message -> in.error(headerAt, message));
        if (settings != null && !JSON.readTree(JSON.writeValueAsBytes(settings)).equals(
                JSON.readTree(JSON.writeValueAsBytes(h.settings())))) {
            throw new IllegalArgumentException(folder + " holds a checkpoint of other settings: "
                    + JSON.writeValueAsString(h.settings()) + "; this run has " + JSON.writeValueAsString(settings)
                    + ". Resume with the same options, or choose another --out");
        }
        int count = in.count("the parameter count");
        if (count != parameters.size()) {
            throw in.error(in.offset() - 4, "holds " + count + " parameters, the network has " + parameters.size());
        }
        double[][] weights = new double[count][];
        double[][] velocity = new double[count][];
        for (int p = 0; p < count; p++) {
            weights[p] = in.array(parameters.get(p));
            velocity[p] = in.array(parameters.get(p));
        }
        if (in.offset() != bytes.length) {
            throw in.error(in.offset(), (bytes.length - in.offset()) + " unexpected bytes after the last parameter");
        }
        return new Checkpoint(h.settings(), h.epoch(), weights, velocity, h.history());
    }

    /** The checked JSON header. */
    private record Header(Map<String, Object> settings, int epoch, List<Epoch> history) {

        @SuppressWarnings("unchecked")
        static Header of(Map<String, Object> json, Function<String, IllegalArgumentException> error) {
            if (json == null || !(json.get("settings") instanceof Map<?, ?> settings)) {
                throw error.apply("the JSON header has no settings object");
            }
            if (!(json.get("epoch") instanceof Integer epoch) || epoch < 0) {
                throw error.apply("the JSON header's epoch is not a count: " + json.get("epoch"));
            }
            if (!(json.get("history") instanceof List<?> history) || history.size() != epoch
                    || !history.stream().allMatch(row -> row instanceof Map)) {
                throw error.apply("the JSON header's history is not one row per epoch for " + epoch + " epochs");
            }
            Function<String, IllegalArgumentException> rowError = m -> error.apply("the JSON header's history: " + m);
            return new Header((Map<String, Object>) settings, epoch,
                    history.stream().map(row -> Epoch.of((Map<String, Object>) row, rowError)).toList());
        }
    }

    /**
     * The weights as a network's {@link Weights}.
     *
     * @param parameters the parameters
     * @return the weights as a network's {@link Weights}
     */
    public Weights weights(List<Parameter> parameters) {
        return Weights.of(parameters, weights);
    }

    /** Reads a checkpoint's bytes, naming the file and offset in every error. */
    private static final class Reader {
        private final Path file;
        private final DataInputStream in;
        private final int length;
        private long offset;

        Reader(Path file, byte[] bytes) {
            this.file = file;
            this.in = new DataInputStream(new ByteArrayInputStream(bytes));
            this.length = bytes.length;
        }

        long offset() {
            return offset;
        }

        IllegalArgumentException error(long at, String what) {
            return new IllegalArgumentException(file + ": byte " + at + ": " + what);
        }

        byte[] bytes(int n, String what) throws IOException {
            if (n < 0 || offset + n > length) {
                throw error(offset, "file ends before " + what + " (" + n + " bytes needed, "
                        + (length - offset) + " left)");
            }
            byte[] b = new byte[n];
            in.readFully(b);
            offset += n;
            return b;
        }

        int count(String what) throws IOException {
            try {
                int n = in.readInt();
                offset += 4;
                if (n < 0) {
                    throw error(offset - 4, "negative " + what + " " + n);
                }
                return n;
            } catch (EOFException e) {
                throw error(offset, "file ends before " + what);
            }
        }

        double[] array(Parameter p) throws IOException {
            long at = offset;
            int n = count("the size of " + p.name());
            if (n != p.size()) {
                throw error(at, p.name() + " has " + n + " values, the network's is " + p.rows() + "×" + p.cols());
            }
            byte[] raw = bytes(8 * n, "the values of " + p.name());
            DoubleBuffer buffer = ByteBuffer.wrap(raw).asDoubleBuffer();
            double[] values = new double[n];
            buffer.get(values);
            return values;
        }
    }
}
