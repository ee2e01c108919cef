package org.mbp.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.CRC32C;
import org.mbp.io.AtomicFile;
import org.mbp.json.JsonProblem;
import org.mbp.nn.Parameter;
import org.mbp.nn.Weights;

/**
 * The state a training run needs to continue: the epochs done, the weights, the optimiser's
 * velocity and the per-epoch history, with the settings that produced them. Written atomically
 * after every epoch as {@code checkpoint.bin}: the magic {@code MBPCKPT2}, then sections, each
 * followed by the CRC32C of its bytes: a length-prefixed UTF-8 JSON header; the parameter count;
 * per parameter its weights and its velocity, each a length-prefixed run of big-endian doubles.
 * A damaged section is refused naming the file and its byte range, before any of its bytes is
 * interpreted; weights or velocities that are not finite are refused as the checkpoint's fault.
 * Checkpoints of the earlier format {@code MBPCKPT1} (the same sections without checksums) are
 * still read, unchecked ({@link #isChecksummed} tells them apart), and the next epoch rewrites
 * them in the current format.
 *
 * @param settings the task's description and the optimiser's settings; a resumed run must match
 */
public record Checkpoint(Map<String, Object> settings, int epoch, double[][] weights, double[][] velocity,
        List<Epoch> history) {

    /** The file name in a run's folder. */
    public static final String FILE = "checkpoint.bin";

    private static final byte[] MAGIC = "MBPCKPT2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNCHECKED_MAGIC = "MBPCKPT1".getBytes(StandardCharsets.US_ASCII);
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
            ByteBuffer head = ByteBuffer.allocate(4 + header.length).putInt(header.length).put(header);
            writeSection(out, head.array());
            writeSection(out, ByteBuffer.allocate(4).putInt(weights.length).array());
            for (int p = 0; p < weights.length; p++) {
                writeSection(out, array(weights[p]));
                writeSection(out, array(velocity[p]));
            }
            out.flush();
        });
    }

    private static byte[] array(double[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 + 8 * values.length).putInt(values.length);
        b.asDoubleBuffer().put(values);
        return b.array();
    }

    private static void writeSection(DataOutputStream out, byte[] section) throws IOException {
        out.write(section);
        out.writeInt(crc(section, 0, section.length));
    }

    private static int crc(byte[] bytes, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        return (int) crc.getValue();
    }

    /**
     * Whether the checkpoint in {@code folder} carries checksums (false for the earlier format,
     * which is read without a check of its bytes).
     *
     * @param folder the training's output folder
     * @return whether its checkpoint carries checksums
     * @throws IOException if the checkpoint cannot be read
     */
    public static boolean isChecksummed(Path folder) throws IOException {
        try (InputStream in = Files.newInputStream(folder.resolve(FILE))) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
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
        byte[] magic = in.bytes(MAGIC.length, "the magic MBPCKPT2");
        if (!Arrays.equals(magic, MAGIC) && !Arrays.equals(magic, UNCHECKED_MAGIC)) {
            throw in.error(0, "not an mbp checkpoint (no MBPCKPT2 magic)");
        }
        in.checksummed = Arrays.equals(magic, MAGIC);
        long headerAt = in.offset();
        int headerLength = in.count("the header length");
        byte[] json = in.section(headerAt, headerLength, "the JSON header");
        Map<String, Object> header;
        try {
            header = JSON.readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw in.error(headerAt + 4, "the JSON header is damaged: " + JsonProblem.describe(e));
        }
        Header h = Header.of(header, message -> in.error(headerAt + 4, message));
        if (settings != null) {
            List<String> differences = new ArrayList<>();
            differences("", JSON.readTree(JSON.writeValueAsBytes(h.settings())),
                    JSON.readTree(JSON.writeValueAsBytes(settings)), differences);
            if (!differences.isEmpty()) {
                throw new IllegalArgumentException(folder + " holds a checkpoint of other settings ("
                        + String.join("; ", differences) + "). Resume with the same options, or choose another --out");
            }
        }
        long countAt = in.offset();
        int count = in.count("the parameter count");
        in.section(countAt, 0, "the parameter count");
        if (count != parameters.size()) {
            throw in.error(countAt, "holds " + count + " parameters, the network has " + parameters.size());
        }
        double[][] weights = new double[count][];
        double[][] velocity = new double[count][];
        for (int p = 0; p < count; p++) {
            weights[p] = in.array(parameters.get(p), "weights");
            velocity[p] = in.array(parameters.get(p), "velocity");
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
        private final byte[] bytes;
        private int offset;
        private boolean checksummed;

        Reader(Path file, byte[] bytes) {
            this.file = file;
            this.bytes = bytes;
        }

        long offset() {
            return offset;
        }

        IllegalArgumentException error(long at, String what) {
            return new IllegalArgumentException(file + ": byte " + at + ": " + what);
        }

        byte[] bytes(long n, String what) {
            if (n < 0 || offset + n > bytes.length) {
                throw error(offset, "file ends before " + what + " (" + n + " bytes needed, "
                        + (bytes.length - offset) + " left)");
            }
            byte[] b = Arrays.copyOfRange(bytes, offset, offset + (int) n);
            offset += (int) n;
            return b;
        }

        int count(String what) {
            if (offset + 4 > bytes.length) {
                throw error(offset, "file ends before " + what);
            }
            int n = ByteBuffer.wrap(bytes, offset, 4).getInt();
            offset += 4;
            if (n < 0) {
                throw error(offset - 4, "negative " + what + " " + n);
            }
            return n;
        }

        /**
         * The {@code length} bytes of a section that began at {@code start} (its length field
         * already read), checked against the CRC32C that follows them.
         */
        byte[] section(long start, long length, String what) {
            byte[] body = bytes(length, what);
            if (!checksummed) {
                return body;
            }
            int end = offset;
            if (offset + 4 > bytes.length) {
                throw error(offset, "file ends before the checksum of " + what);
            }
            int stored = ByteBuffer.wrap(bytes, offset, 4).getInt();
            offset += 4;
            if (stored != crc(bytes, (int) start, end - (int) start)) {
                throw new IllegalArgumentException(file + ": bytes " + start + "–" + (end - 1) + " (" + what
                        + ") do not match their checksum: the checkpoint is damaged; restore a copy, or train"
                        + " again into another --out");
            }
            return body;
        }

        double[] array(Parameter p, String part) {
            long at = offset;
            String what = "the " + part + " of " + p.name();
            int n = count("the size of " + p.name());
            byte[] raw = section(at, 8L * n, what);
            if (n != p.size()) {
                throw error(at, p.name() + " has " + n + " values, the network's is " + p.rows() + "×" + p.cols());
            }
            double[] values = new double[n];
            ByteBuffer.wrap(raw).asDoubleBuffer().get(values);
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(values[i])) {
                    throw error(at + 4 + 8L * i, what + " holds " + values[i] + " at entry " + i + ": the run that"
                            + " wrote this checkpoint diverged, so it cannot be resumed; train again into another --out");
                }
            }
            return values;
        }
    }

    /**
     * Each setting that differs between the checkpoint's and this run's, as
     * {@code path: checkpoint value in the checkpoint, run value in this run} ("none" where absent).
     */
    private static void differences(String path, JsonNode saved, JsonNode run, List<String> out) {
        if (saved != null && run != null && saved.isObject() && run.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            saved.fieldNames().forEachRemaining(names::add);
            run.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                differences(path.isEmpty() ? name : path + "." + name, saved.get(name), run.get(name), out);
            }
        } else if (saved == null || !saved.equals(run)) {
            out.add(path + ": " + (saved == null ? "none" : saved) + " in the checkpoint, "
                    + (run == null ? "none" : run) + " in this run");
        }
    }
}
