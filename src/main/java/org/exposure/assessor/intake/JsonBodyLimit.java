package org.exposure.assessor.intake;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * quarkus.http.limits.max-body-size is large because batch jobs and list files are streamed to storage; a JSON
 * request is read into memory whole, so it gets the smaller limit it had before, checked on its declared length.
 */
public class JsonBodyLimit {
    static final long MAX_JSON_BODY = 64L * 1024 * 1024;

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/v1/batches") || path.startsWith("/api/v1/lists")) {
            return null;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        long declared;
        try {
            declared = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        if (declared <= MAX_JSON_BODY) {
            return null;
        }
        return Response.status(413).type(ProblemMappers.PROBLEM_JSON)
                .entity(Problem.of(ProblemType.BODY_TOO_LARGE,
                        "the body is " + declared + " bytes; a JSON request may be at most " + MAX_JSON_BODY
                                + " bytes (send large batches to POST /api/v1/batches)",
                        path, List.of(new FieldError("(body)", "at most " + MAX_JSON_BODY + " bytes"))))
                .build();
    }
}
