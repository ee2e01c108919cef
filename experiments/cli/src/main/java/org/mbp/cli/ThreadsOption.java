package org.mbp.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --threads N}: worker threads, at least 1; all processors unless given. */
final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "N", converter = AtLeastOne.class,
            description = "worker threads (default: all processors); results do not depend on it")
    private Integer threads;

    /** The thread count asked for, or the number of processors. */
    int count() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** A whole number of at least 1. */
    static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = Numbers.whole(value);
            if (n < 1) {
                throw new TypeConversionException("must be at least 1, got " + n);
            }
            return n;
        }
    }
}
