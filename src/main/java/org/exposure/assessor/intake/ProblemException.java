package org.exposure.assessor.intake;

import java.util.List;
import java.util.UUID;

/** A client error that becomes an RFC 9457 response with its status; thrown before anything is stored. */
public class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final int status;
    private final List<FieldError> errors;

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, type.status(), detail, errors);
    }

    /** For a type whose status depends on the occurrence (a download that failed or timed out). */
    public ProblemException(ProblemType type, int status, String detail, List<FieldError> errors) {
        super(detail);
        this.type = type;
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(ProblemType.VALIDATION, detail, errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail, List.of());
    }

    /** The id as a UUID; an id that is not one names no resource, so it is a 404 like an unknown id. */
    public static UUID uuidOrNotFound(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound("no " + what + " with id " + id + " (ids are UUIDs)");
        }
    }

    public ProblemType type() {
        return type;
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
