package org.exposure.assessor.audit;

/**
 * The append-only record of who did what: every review decision and approval, list import and download, ruleset
 * change and user or role change. An event is written in the transaction of the change it records, so that there is
 * never a change without its event nor an event without its change; each event's hash covers its content and the
 * previous event's hash, so that a row changed afterwards breaks the chain where it was changed.
 */
public interface AuditTrail {

    /** The actor of what the service does by itself: scheduled downloads, imports at start-up. */
    String SYSTEM = "system";

    /**
     * Appends one event, in the caller's transaction (there must be one).
     *
     * @param actor      who did it: the user's name, or {@link #SYSTEM}
     * @param action     what was done, e.g. {@code REVIEW_DECISION}, {@code LIST_IMPORTED}
     * @param targetType what kind of thing it was done to, e.g. {@code review-item}, {@code list-version}
     * @param targetId   which one
     * @param before     its state before (null: it did not exist, or has no state worth keeping), written as JSON
     * @param after      its state after, written as JSON
     */
    void record(String actor, String action, String targetType, String targetId, Object before, Object after);
}
