package org.exposure.assessor.review;

/** Where a review item stands. */
public enum ReviewStatus {
    /** Waiting for a decision. */
    OPEN,
    /** Decided ESCALATED: waiting for someone with more authority; still in the queue. */
    ESCALATED,
    /** A decision that needs a second reviewer waits for one. */
    AWAITING_APPROVAL,
    /** Decided CLEARED or BLOCKED. */
    CLOSED
}
