package org.mbp.cli;

import org.mbp.run.RunEnvironment;
import picocli.CommandLine;

/** The version and commit stamped into the jar at build time, with the runtime it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {

    static String version() {
        return RunEnvironment.version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"mbp " + version() + " (commit " + RunEnvironment.builtFrom() + ")",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
            System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }
}
