package org.mbp.cli;

import java.util.Locale;
import org.mbp.spectral.Form;
import picocli.CommandLine;

/** {@code paper} or {@code stable}. */
final class FormConverter implements CommandLine.ITypeConverter<Form> {
    @Override
    public Form convert(String value) {
        try {
            return Form.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("form must be paper or stable, got '" + value + "'");
        }
    }
}
