package org.mbp.cli;

import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * How every option reads a number, registered for all commands by {@link Mbp#configure}: a value
 * that is not one is refused in words ("'x' is not a whole number"), not by a Java type name.
 */
final class Numbers {

    private Numbers() {
    }

    /** Registers the readers for int, long and double options and list elements. */
    static void register(CommandLine cli) {
        cli.registerConverter(Integer.class, Numbers::whole);
        cli.registerConverter(Integer.TYPE, Numbers::whole);
        cli.registerConverter(Long.class, Numbers::wholeLong);
        cli.registerConverter(Long.TYPE, Numbers::wholeLong);
        cli.registerConverter(Double.class, Numbers::real);
        cli.registerConverter(Double.TYPE, Numbers::real);
    }

    /** A whole number in the range of an int. */
    static int whole(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }

    private static long wholeLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }

    private static double real(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number");
        }
    }
}
