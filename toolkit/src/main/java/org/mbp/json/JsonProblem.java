package org.mbp.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * What is wrong with a piece of JSON, in a user's terms: the parser's own description and where
 * (line and column of the text it was given), without the parser's class names or its echo of
 * the input.
 */
public final class JsonProblem {

    private JsonProblem() {
    }

    /**
     * {@code "<what> at line L, column C"}, or just what when the parser gives no place.
     *
     * @param e the parser's exception
     * @return the problem in words, with its place
     */
    public static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? what(e) : what(e) + " at line " + at.getLineNr() + ", column "
                + at.getColumnNr();
    }

    /**
     * {@code "<what> at column C"}, for JSON that is one line of a file (which the caller names).
     *
     * @param e the parser's exception
     * @return the problem in words, with its column
     */
    public static String inLine(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getColumnNr() < 1 ? what(e) : what(e) + " at column " + at.getColumnNr();
    }

    /** The parser's description, first line only, without its own note of where the input came from. */
    private static String what(JsonProcessingException e) {
        if (e instanceof MismatchedInputException) {
            return "not a JSON object";
        }
        String text = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        int source = text.indexOf("[Source:");
        if (source >= 0) {
            int note = text.lastIndexOf(" (", source);
            text = text.substring(0, note >= 0 ? note : source).strip();
        }
        return text.isEmpty() ? "not valid JSON" : text;
    }
}
