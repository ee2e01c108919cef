package org.mbp.run;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A fixed set of values written as words (a method, a loss, a shape): in stored rows, in CSV and
 * on the command line. An enum constant is written as its lower-case name, or as its
 * {@link #label()} where its enum implements this interface (a label a Java name cannot spell,
 * such as {@code svd-paper}).
 */
public interface Labelled {

    /**
     * The word this value is written as.
     *
     * @return the word this value is written as
     */
    String label();

    /**
     * The word a constant is written as.
     *
     * @param constant the constant
     * @return the word a constant is written as
     */
    static String of(Enum<?> constant) {
        return constant instanceof Labelled labelled ? labelled.label() : constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The words of every constant of an enum, in declaration order.
     *
     * @param <E> the enum type
     * @param type the type
     * @return the words of every constant of an enum, in declaration order
     */
    static <E extends Enum<E>> List<String> all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labelled::of).toList();
    }

    /**
     * The constant written as {@code word}.
     *
     * @param <E> the enum type
     * @param type the type
     * @param word the word
     * @return the constant written as {@code word}
     * @throws IllegalArgumentException when no constant is written so
     */
    static <E extends Enum<E>> E parse(Class<E> type, String word) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(word)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + word + "' is not one of " + all(type));
    }
}
