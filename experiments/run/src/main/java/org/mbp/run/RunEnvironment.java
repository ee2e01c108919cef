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

    private RunEnvironment() {
    }

    /**
     * The version stamped into the jar at build time.
     *
     * @return the version stamped into the jar at build time
     */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = RunEnvironment.class.getResourceAsStream("/mbp-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    /**
     * The commit the launcher recorded, with "-dirty" for uncommitted changes; "unknown" without it.
     *
     * @return the commit the launcher recorded, with "-dirty" for uncommitted changes; "unknown"
     *         without it
     */
    public static String commit() {
        String commit = System.getProperty(COMMIT_PROPERTY, "").strip();
        return commit.isEmpty() ? "unknown (run through ./mbp to record it)" : commit;
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
