package org.exposure.assessor.api;

import java.util.List;

import org.exposure.assessor.api.dto.Problem.FieldError;

/** A client error that becomes an RFC 9457 response with its status; thrown before anything is stored. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(400, "/problems/validation", "The request is invalid", detail, errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "/problems/not-found", "Not found", detail, List.of());
    }

    /** The id as a UUID; an id that is not one names no resource, so it is a 404 like an unknown id. */
    static java.util.UUID uuidOrNotFound(String id, String what) {
        try {
            return java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound("no " + what + " with id " + id + " (ids are UUIDs)");
        }
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
