package org.mbp.cli;

import org.mbp.layer.BatchExecutor;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --threads N}: worker threads, 1 to {@link BatchExecutor#MAX_THREADS}; all processors unless given. */
final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "N", converter = ThreadCount.class,
            description = "worker threads (default: all processors); results do not depend on it")
    private Integer threads;

    /** The thread count asked for, or the number of processors. */
    int count() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** A whole number from 1 to {@link BatchExecutor#MAX_THREADS}. */
    static final class ThreadCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = Numbers.whole(value);
            if (n < 1) {
                throw new TypeConversionException("must be at least 1, got " + n);
            }
            if (n > BatchExecutor.MAX_THREADS) {
                throw new TypeConversionException("must be at most " + BatchExecutor.MAX_THREADS + " (this machine has "
                        + Runtime.getRuntime().availableProcessors() + " processors), got " + n);
            }
            return n;
        }
    }
}
