package org.exposure.assessor.review;

/** What a reviewer decides: on one list match, or on the whole assessment. */
public enum Decision {
    /** The party is the listed entity. */
    TRUE_MATCH(true),
    /** The party is not the listed entity: remembered for later assessments of the same party. */
    FALSE_POSITIVE(true),
    /** Cannot be told without more information. */
    NEEDS_INFO(true),
    /** The assessment is cleared: the business may go ahead. */
    CLEARED(false),
    /** Passed on to someone with more authority. */
    ESCALATED(false),
    /** The business must not go ahead. */
    BLOCKED(false);

    private final boolean onMatch;

    Decision(boolean onMatch) {
        this.onMatch = onMatch;
    }

    /** Whether it is a decision on a match (otherwise on an assessment). */
    public boolean onMatch() {
        return onMatch;
    }
}
