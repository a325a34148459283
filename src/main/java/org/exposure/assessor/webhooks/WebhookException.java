package org.exposure.assessor.webhooks;

/**
 * A refused webhook request: the API answers it as a problem (404, 400 naming the field, or 409). Thrown before
 * anything is stored.
 */
public class WebhookException extends RuntimeException {

    /** What kind of refusal, which decides the status. */
    public enum Kind {
        /** No such subscription or delivery. */
        NOT_FOUND,
        /** A field of the request is not valid; {@link #field()} names it. */
        INVALID,
        /** The resource is not in a state that allows this. */
        CONFLICT
    }

    private final Kind kind;
    private final String field;

    private WebhookException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static WebhookException notFound(String message) {
        return new WebhookException(Kind.NOT_FOUND, null, message);
    }

    public static WebhookException invalid(String field, String message) {
        return new WebhookException(Kind.INVALID, field, message);
    }

    public static WebhookException conflict(String message) {
        return new WebhookException(Kind.CONFLICT, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The offending field for {@link Kind#INVALID}, else null. */
    public String field() {
        return field;
    }
}
