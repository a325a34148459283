package org.exposure.assessor.intake;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;

/**
 * A request URI longer than any this API builds is refused as a 414 problem. The HTTP layer accepts request lines
 * up to quarkus.http.limits.max-initial-line-length (64 KiB here) and answers a longer one itself, with an empty
 * 414 that no handler of the application can reach; under that, the limit and its wording are the service's.
 */
public class RequestLine {
    /** Far above the longest URI of this API (a search with every filter set is under 1 KiB). */
    static final int MAX_URI = 8 * 1024;

    @ServerRequestFilter(preMatching = true, priority = 0)
    public Response limit(HttpServerRequest request) {
        String uri = request.uri();
        if (uri == null || uri.length() <= MAX_URI) {
            return null;
        }
        return ProblemMappers.respond(Problem.of(ProblemType.URI_TOO_LONG,
                "the request URI is " + uri.length() + " characters long; at most " + MAX_URI + " are accepted",
                null, List.of(new FieldError("(uri)", "at most " + MAX_URI + " characters"))));
    }
}
