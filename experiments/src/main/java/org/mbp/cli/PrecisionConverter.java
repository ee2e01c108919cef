package org.mbp.cli;

import java.util.Locale;
import org.mbp.backend.Precision;
import picocli.CommandLine;

/** {@code double} or {@code float}. */
final class PrecisionConverter implements CommandLine.ITypeConverter<Precision> {
    @Override
    public Precision convert(String value) {
        try {
            return Precision.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("precision must be double or float, got '" + value + "'");
        }
    }
}
