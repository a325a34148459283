package org.exposure.assessor.review;

/** Where a decision stands. */
public enum DecisionStatus {
    /** It applies. */
    IN_FORCE,
    /** It applies only once a second reviewer approves it. */
    AWAITING_APPROVAL,
    /** The second reviewer refused it: it never applied. */
    REJECTED,
    /** A later decision on the same match or assessment took its place. */
    SUPERSEDED
}
