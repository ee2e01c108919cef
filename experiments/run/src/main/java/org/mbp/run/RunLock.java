package org.mbp.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An output folder held by one mbp run at a time, so that two runs on the same {@code --out}
 * cannot interleave their cells or replace each other's results. The lock is the file
 * {@value #FILE} in the folder, holding the holder's process id and host name; it is created
 * whole (written aside, then hard-linked into place, which fails when a lock exists) and removed
 * when the run ends. A lock left behind by a run killed on this host (its process no longer
 * alive) is taken over with a message; a lock of a live process, or of another host (whose
 * processes cannot be seen from here), is refused naming its holder.
 */
public final class RunLock implements AutoCloseable {

    /** The lock file's name in the folder. */
    public static final String FILE = ".mbp.lock";

    private final Path file;

    private RunLock(Path file) {
        this.file = file;
    }

    /** A run that holds (or held) a lock: its process id and host. */
    record Holder(long pid, String host) {

        static Holder current() {
            return new Holder(ProcessHandle.current().pid(), hostName());
        }

        String text() {
            return "pid " + pid + "\nhost " + host + "\n";
        }

        static Optional<Holder> parse(String text) {
            String[] lines = text.split("\n");
            if (lines.length != 2 || !lines[0].startsWith("pid ") || !lines[1].startsWith("host ")) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Holder(Long.parseLong(lines[0].substring(4).strip()), lines[1].substring(5).strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** Whether the holder is known to be gone: a process of this host that is no longer alive. */
        boolean isGone() {
            return host.equals(hostName()) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }

        String describe() {
            return "mbp process " + pid + " on " + host;
        }
    }

    /**
     * Takes the lock of {@code folder} (created if missing) for this process.
     *
     * @param folder the result folder to lock
     * @param err    where the take-over of a stale lock is reported
     * @return the lock, to release when the run ends
     * @throws IllegalArgumentException when another run holds the folder, naming it
     * @throws IOException              if the folder or the lock file cannot be written
     */
    public static RunLock acquire(Path folder, PrintWriter err) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE);
        Holder me = Holder.current();
        Path aside = Files.createTempFile(folder, FILE, ".new");
        try {
            Files.writeString(aside, me.text(), StandardCharsets.UTF_8);
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    Files.createLink(file, aside);
                    return new RunLock(file);
                } catch (FileAlreadyExistsException held) {
                    takeOverIfStale(folder, file, err);
                }
            }
        } finally {
            Files.deleteIfExists(aside);
        }
        throw new IllegalArgumentException(folder + " is being taken by another mbp run at this moment; try again");
    }

    private static void takeOverIfStale(Path folder, Path file, PrintWriter err) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException released) {
            return;
        }
        Holder holder = Holder.parse(text).orElseThrow(() -> new IllegalArgumentException(file
                + " is not an mbp lock file; if no mbp run writes into " + folder + ", delete it and try again"));
        if (!holder.isGone()) {
            throw new IllegalArgumentException(folder + " is in use by " + holder.describe() + " (lock file " + file
                    + "); wait for that run to end or choose another --out");
        }
        err.println(folder + ": taking over the lock of " + holder.describe() + ", which is no longer running");
        err.flush();
        Files.deleteIfExists(file);
    }

    /** This host's name, as the lock records it. */
    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
