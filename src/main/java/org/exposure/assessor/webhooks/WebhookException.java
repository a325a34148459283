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

    /** One offending field and what is wrong with it. */
    public record Invalid(String field, String message) {
    }

    private final Kind kind;
    private final java.util.List<Invalid> invalid;

    private WebhookException(Kind kind, java.util.List<Invalid> invalid, String message) {
        super(message);
        this.kind = kind;
        this.invalid = java.util.List.copyOf(invalid);
    }

    public static WebhookException notFound(String message) {
        return new WebhookException(Kind.NOT_FOUND, java.util.List.of(), message);
    }

    public static WebhookException invalid(String field, String message) {
        return invalid(java.util.List.of(new Invalid(field, message)));
    }

    /** Every offending field of a request at once, so that a client fixes them in one go. */
    public static WebhookException invalid(java.util.List<Invalid> fields) {
        String detail = fields.size() == 1 ? fields.get(0).field() + ": " + fields.get(0).message()
                : fields.size() + " fields are invalid";
        return new WebhookException(Kind.INVALID, fields, detail);
    }

    public static WebhookException conflict(String message) {
        return new WebhookException(Kind.CONFLICT, java.util.List.of(), message);
    }

    public Kind kind() {
        return kind;
    }

    /** The offending fields for {@link Kind#INVALID}, else none. */
    public java.util.List<Invalid> invalid() {
        return invalid;
    }
}
