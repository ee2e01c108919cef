package org.mbp.cli;

import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A picocli converter from a library's parser that refuses bad text with an
 * {@link IllegalArgumentException}: the refusal becomes picocli's usual
 * "Invalid value for option '--x': ..." with the library's message, exit 2.
 */
abstract class LibraryConverter<T> implements ITypeConverter<T> {

    private final Function<String, T> parser;

    LibraryConverter(Function<String, T> parser) {
        this.parser = parser;
    }

    @Override
    public final T convert(String value) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
