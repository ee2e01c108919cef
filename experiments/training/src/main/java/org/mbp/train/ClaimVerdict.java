package org.mbp.train;

/**
 * A claim's verdict: whether the run supports it, and the numbers that say so. Its sentence is
 * the summary's {@code verdict}, e.g. "Supported: ODS 0.6100 vs the best baseline's 0.5400 …".
 *
 * @param evidence the numbers and what they mean, ending in a full stop
 */
public record ClaimVerdict(Outcome outcome, String evidence) {

    /** Whether the claim holds. */
    public enum Outcome {
        SUPPORTED("Supported"), NOT_MET("Not met"), NOT_ASSESSED("Not assessed");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** The verdict's first words. */
        public String label() {
            return label;
        }
    }

    /** "Outcome: evidence". */
    public String sentence() {
        return outcome.label() + ": " + evidence;
    }

    static ClaimVerdict supportedIf(boolean supported, String evidence) {
        return new ClaimVerdict(supported ? Outcome.SUPPORTED : Outcome.NOT_MET, evidence);
    }
}
