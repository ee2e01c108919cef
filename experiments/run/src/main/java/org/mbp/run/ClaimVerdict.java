package org.mbp.run;

/**
 * The verdict on the claim a run checks (a study's, a training experiment's): the ruling, then its
 * grounds, the numbers behind it. The report's overview shows the ruling; {@code summary.json}
 * holds the whole sentence, which the studies write as {@link #text()} and the training
 * experiments as {@link #labelled()}.
 */
public record ClaimVerdict(Ruling ruling, String grounds) {

    /** The verdict's leading word (or words). */
    public enum Ruling {
        SUPPORTED("Supported"),
        SUPPORTED_IN_PART("Supported in part"),
        NOT_SUPPORTED("Not supported"),
        NOT_MET("Not met"),
        NOT_ASSESSED("Not assessed"),
        CONFIRMED("Confirmed"),
        NOT_CONFIRMED("Not confirmed"),
        VIOLATED("VIOLATED"),
        VERIFIED("Verified"),
        FAILED("FAILED");

        private final String words;

        Ruling(String words) {
            this.words = words;
        }

        /** The ruling as it opens the verdict. */
        public String words() {
            return words;
        }
    }

    /** {@code "<Ruling>. <grounds>"}. */
    public String text() {
        return ruling.words() + ". " + grounds;
    }

    /** {@code "<Ruling>: <grounds>"}. */
    public String labelled() {
        return ruling.words() + ": " + grounds;
    }
}
