package org.exposure.assessor.intake;

/**
 * Every kind of problem this service answers with (RFC 9457): its type URI, its title, which does not change from
 * occurrence to occurrence (the detail says what happened this time), and its usual status.
 */
public enum ProblemType {
    VALIDATION("validation", "The request is invalid", 400),
    MALFORMED_JSON("malformed-json", "Malformed JSON", 400),
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    FORBIDDEN("forbidden", "Forbidden", 403),
    CROSS_SITE("cross-site", "Cross-site request refused", 403),
    NOT_FOUND("not-found", "Not found", 404),
    URI_TOO_LONG("uri-too-long", "Request URI too long", 414),
    BAD_REQUEST_LINE("bad-request-line", "The request line cannot be read", 400),
    BODY_TOO_LARGE("body-too-large", "Request body too large", 413),
    CONTENT_ENCODING("content-encoding", "Unsupported content encoding", 415),
    BATCH_TOO_LARGE("batch-too-large", "Batch too large", 413),
    BATCH_BODY("batch-body", "The batch body cannot be read", 400),
    BATCH_FINISHED("batch-finished", "The job has finished", 409),
    /** The retention cleanup removed the job's per-row results; its header and totals remain. */
    BATCH_RESULTS_REMOVED("batch-results-removed", "The job's results were removed", 410),
    BATCH_MEDIA_TYPE("batch-media-type", "Unsupported batch format", 415),
    LIST_VERSION_NOT_HELD("list-version-not-held", "Not held", 409),
    LIST_FORMAT("list-format", "The file is not of the source's format", 422),
    /** A list file larger (or decompressing to more) than a limit of assessor.lists.* allows. */
    LIST_TOO_LARGE("list-too-large", "The list file is too large", 413),
    /** The service could not write what it received (a full disk, an unwritable temporary directory). */
    INSUFFICIENT_STORAGE("insufficient-storage", "Not enough storage", 507),
    LIST_DOWNLOAD_NOT_CONFIGURED("list-download-not-configured", "The list cannot be downloaded here", 409),
    /** 502 when the publisher answered badly, 504 when it did not answer in time. */
    LIST_DOWNLOAD_FAILED("list-download-failed", "The list download failed", 502),
    LISTS_NOT_LOADED("lists-not-loaded", "No sanctions list is in force", 503),
    /** A replay of an assessment whose ruleset version or list versions are no longer kept. */
    REPLAY_UNAVAILABLE("replay-unavailable", "What the assessment rests on is no longer kept", 409),
    REVIEW_CONFLICT("review-conflict", "The review item is not in a state that allows this", 409),
    FOUR_EYES("four-eyes", "A second reviewer must do this", 403),
    WEBHOOK_CONFLICT("webhook-conflict", "The webhook delivery is not in a state that allows this", 409),
    /** A ruleset sent for validation that is not a usable zip of text files (the errors name the entry). */
    RULESET_ARCHIVE("ruleset-archive", "The ruleset archive cannot be used", 400),
    /** A ruleset archive with more entries, or inflating to more bytes, than the validation reads. */
    RULESET_ARCHIVE_TOO_LARGE("ruleset-archive-too-large", "The ruleset archive is too large", 413),
    /** Another ruleset is being compiled for validation on this instance; one runs at a time. */
    /** A ruleset version proposed for activation that does not load or whose examples fail. */
    RULESET_INVALID("ruleset-invalid", "The ruleset version is not valid", 422),
    /** An activation step that does not fit the proposal's state, or a version already in force or proposed. */
    RULESET_ACTIVATION_CONFLICT("ruleset-activation-conflict", "The activation is not in a state that allows this", 409),
    RULESET_VALIDATION_BUSY("ruleset-validation-busy", "Another ruleset is being validated", 503),
    /** The database cannot be reached (stopped, restarting, the network cut): the same request succeeds later. */
    DATABASE_UNAVAILABLE("database-unavailable", "Database unavailable", 503),
    INTERNAL("internal", "Internal error", 500);

    private final String type;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.type = "/problems/" + slug;
        this.title = title;
        this.status = status;
    }

    /** The problem's {@code type}: a URI reference relative to this service. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
