package org.exposure.assessor.security;

/**
 * The roles every endpoint is declared with. A reviewer may do all an analyst may, an admin all a reviewer may
 * (the implied roles are added to every identity, whether it comes from the embedded users or from a token), so
 * that a user or a token needs only its highest role. A machine client (a batch system) is apart: it submits and
 * reads its own work, and is never implied by, nor implies, a person's role.
 */
public final class Roles {
    /** Submits assessments and batch jobs, reads assessments, lists, rules and the review queue. */
    public static final String ANALYST = "analyst";
    /** Also assigns, comments on and decides review items, and approves another reviewer's decision. */
    public static final String REVIEWER = "reviewer";
    /** Also replaces and downloads lists, reads the audit trail and the users, and changes configuration. */
    public static final String ADMIN = "admin";
    /** A batch system: submits assessments and batch jobs and reads what it submitted. */
    public static final String MACHINE = "machine";
    /** A metrics scraper: reads /q/metrics and nothing else (an admin may read it too). */
    public static final String METRICS = "metrics";

    private Roles() {
    }
}
