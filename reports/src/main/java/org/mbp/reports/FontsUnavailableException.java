package org.mbp.reports;

/**
 * The machine cannot draw text: no TrueType font that charts and reports can use, or an AWT font
 * system that fails. The message is one line and names the fix.
 */
public final class FontsUnavailableException extends IllegalStateException {

    FontsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
