package org.exposure.assessor.web;

import jakarta.ws.rs.core.Response;

/** A page that cannot be shown, with what the user can do about it; rendered as the error page. */
public class WebError extends RuntimeException {
    private final Response.Status status;
    private final String hint;

    public WebError(Response.Status status, String message, String hint) {
        super(message, null, false, false);
        this.status = status;
        this.hint = hint;
    }

    public Response.Status status() {
        return status;
    }

    public String hint() {
        return hint;
    }

    public static WebError notFound(String what) {
        return new WebError(Response.Status.NOT_FOUND, what + " does not exist.", "Check the link, or search for it.");
    }
}
