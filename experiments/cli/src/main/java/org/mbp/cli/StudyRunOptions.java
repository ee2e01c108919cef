package org.mbp.cli;

import java.nio.file.Path;
import org.mbp.study.Scale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How the studies run, shared by {@code mbp study} and {@code mbp report}: {@code --out} (the shared
 * {@link OutputFolder}, default {@code mbp-out}), {@code --seed}, {@code --threads} (the shared
 * {@link ThreadsOption}) and {@code --scale}.
 */
final class StudyRunOptions {

    @Mixin
    private OutputFolder output = new OutputFolder("mbp-out");

    @Option(names = "--seed", defaultValue = "20261128", paramLabel = "N",
            description = "seed of every input (default: ${DEFAULT-VALUE})")
    private long seed;

    @Mixin
    private ThreadsOption threads;

    @Option(names = "--scale", defaultValue = "quick", paramLabel = "S",
            description = "quick (minutes on 2 cores) or full (cluster scale; use --shard); default: ${DEFAULT-VALUE}")
    private Scale scale;

    /**
     * The output folder, created if missing.
     *
     * @throws IllegalArgumentException when it cannot be created or is not writable
     */
    Path out() {
        return output.prepare();
    }

    /** The seed of every input. */
    long seed() {
        return seed;
    }

    /** The worker threads asked for, or the number of processors. */
    int threads() {
        return threads.count();
    }

    /** The studies' grid size. */
    Scale scale() {
        return scale;
    }
}
