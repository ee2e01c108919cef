package org.mbp.study;

/**
 * A study's verdict on its claim: the ruling, then the grounds (the numbers behind it), read as
 * {@code "<Ruling>. <grounds>"}.
 */
public record Verdict(Ruling ruling, String grounds) {

    /** The verdict's leading word (or words). */
    public enum Ruling {
        SUPPORTED("Supported"),
        SUPPORTED_IN_PART("Supported in part"),
        NOT_SUPPORTED("Not supported"),
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

    /** The verdict as the report and {@code summary.json} write it. */
    public String text() {
        return ruling.words() + ". " + grounds;
    }
}
