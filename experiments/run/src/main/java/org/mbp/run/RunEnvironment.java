package org.mbp.run;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/** Where a run happened: the mbp version and commit, the machine and the JVM, for summaries and reports. */
public final class RunEnvironment {

    /** The system property the {@code ./mbp} launcher sets to the commit it built from. */
    public static final String COMMIT_PROPERTY = "mbp.commit";

    private static final String UNKNOWN = "unknown";

    private RunEnvironment() {
    }

    /**
     * The version stamped into the jar at build time.
     *
     * @return the version, e.g. {@code 0.1.0-SNAPSHOT}; "unknown" when the jar carries none
     */
    public static String version() {
        return stamped("version");
    }

    /**
     * The commit the jar was built from, stamped at build time.
     *
     * @return the abbreviated commit id; "unknown" for a build outside a git checkout
     */
    public static String builtFrom() {
        return stamped("commit");
    }

    /**
     * The commit of this run: the one the launcher recorded, with "-dirty" for uncommitted changes,
     * or else the one the jar was built from.
     *
     * @return the commit, or "unknown" when neither the launcher nor the build recorded one
     */
    public static String commit() {
        String commit = System.getProperty(COMMIT_PROPERTY, "").strip();
        return commit.isEmpty() ? builtFrom() : commit;
    }

    private static String stamped(String key) {
        Properties p = new Properties();
        try (InputStream in = RunEnvironment.class.getResourceAsStream("/mbp-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return UNKNOWN;
        }
        String value = p.getProperty(key, "").strip();
        return value.isEmpty() || value.startsWith("${") ? UNKNOWN : value;
    }

    /**
     * The JVM: version, vendor and name.
     *
     * @return the JVM: version, vendor and name
     */
    public static String jvm() {
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.vendor") + ", "
                + System.getProperty("java.vm.name") + ")";
    }

    /**
     * The machine: CPU model, processors, memory and operating system.
     *
     * @return the machine: CPU model, processors, memory and operating system
     */
    public static String machine() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "%s, %d processors, %.0f GiB, %s %s %s", cpuModel(),
                Runtime.getRuntime().availableProcessors(), memory / (double) (1L << 30), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"));
    }

    /** The CPU model from /proc/cpuinfo where there is one. */
    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(cpuinfo)) {
                for (String line : Files.readAllLines(cpuinfo)) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).strip();
                    }
                }
            }
        } catch (IOException e) {
            return "unknown CPU";
        }
        return "unknown CPU";
    }
}
