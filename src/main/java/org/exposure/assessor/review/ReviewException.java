package org.exposure.assessor.review;

/** A review request that cannot be carried out, with what kind of refusal it is and the field at fault, if any. */
public class ReviewException extends RuntimeException {
    /** What the refusal is, so that the API can answer with the right status. */
    public enum Kind {
        /** The item, match, decision or dismissal does not exist (404). */
        NOT_FOUND,
        /** A field of the request is wrong (400). */
        INVALID,
        /** The request does not fit the item's state (409). */
        CONFLICT,
        /** The reviewer who proposed a decision tried to approve it (403). */
        FOUR_EYES
    }

    private final Kind kind;
    private final String field;

    public ReviewException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
