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
        /** The evidence supports the claim. */
        SUPPORTED("Supported"),
        /** The evidence supports part of the claim. */
        SUPPORTED_IN_PART("Supported in part"),
        /** The evidence does not support the claim. */
        NOT_SUPPORTED("Not supported"),
        /** A target was not met. */
        NOT_MET("Not met"),
        /** Not enough evidence to assess the claim. */
        NOT_ASSESSED("Not assessed"),
        /** The evidence confirms the claim. */
        CONFIRMED("Confirmed"),
        /** The evidence does not confirm the claim. */
        NOT_CONFIRMED("Not confirmed"),
        /** The evidence contradicts the claim. */
        VIOLATED("VIOLATED"),
        /** The claim was verified. */
        VERIFIED("Verified"),
        /** The check itself failed. */
        FAILED("FAILED");

        private final String words;

        Ruling(String words) {
            this.words = words;
        }

        /**
         * The ruling as it opens the verdict.
         *
         * @return the ruling as it opens the verdict
         */
        public String words() {
            return words;
        }
    }

    /**
     * {@code "<Ruling>. <grounds>"}.
     *
     * @return the ruling and its grounds, {@code "<Ruling>. <grounds>"}
     */
    public String text() {
        return ruling.words() + ". " + grounds;
    }

    /**
     * {@code "<Ruling>: <grounds>"}.
     *
     * @return {@code "<Ruling>: <grounds>"}
     */
    public String labelled() {
        return ruling.words() + ": " + grounds;
    }
}
