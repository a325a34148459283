package org.exposure.assessor.intake;

import java.util.List;
import java.util.UUID;

import org.exposure.assessor.persistence.DatabaseFailures;
import org.exposure.assessor.persistence.DatabaseProbe;
import org.exposure.assessor.review.ReviewException;
import org.exposure.assessor.screening.ListsUnavailableException;
import org.exposure.assessor.security.Authentication;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.Context;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * Every error leaves as RFC 9457 application/problem+json. Client errors name the field; unexpected failures are
 * logged with an id and answered without internals (no class names, no stack traces).
 */
public class ProblemMappers {
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final Authentication authentication;
    private final DatabaseProbe database;

    ProblemMappers(Authentication authentication, DatabaseProbe database) {
        this.authentication = authentication;
        this.database = database;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(Problem.of(e.type(), e.status(), e.getMessage(), path(uri), e.errors()));
    }

    /** The review service's refusals: 404, 400 naming the field, 409, or 403 when four eyes are needed. */
    @ServerExceptionMapper
    public Response review(ReviewException e, UriInfo uri) {
        return problem(problem(e), uri);
    }

    /** A review refusal as the problem it is answered with (the web pages take its status from here too). */
    public static ProblemException problem(ReviewException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> ProblemException.notFound(e.getMessage());
            case INVALID -> ProblemException.validation(List.of(new FieldError(e.field(), e.getMessage())));
            case CONFLICT -> new ProblemException(ProblemType.REVIEW_CONFLICT, e.getMessage(), List.of());
            case FOUR_EYES -> new ProblemException(ProblemType.FOUR_EYES, e.getMessage(), List.of());
        };
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri) {
        FieldError error = RequestReader.parseError("", e);
        if (!error.field().equals("(body)")) {
            // A field given twice, or NaN for a number: the text parses up to there, and the field is named.
            return respond(Problem.of(ProblemType.VALIDATION, error.field() + ": " + error.message(), path(uri),
                    List.of(error)));
        }
        return respond(Problem.of(ProblemType.MALFORMED_JSON, "the request body " + error.message(), path(uri),
                List.of(new FieldError("(body)", error.message()))));
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return binding(e, uri);
    }

    @ServerExceptionMapper
    public Response binding(JsonProcessingException e, UriInfo uri) {
        // Malformed JSON inside a bound object (the batch) arrives wrapped in a mapping exception.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return malformed(parse, uri);
            }
        }
        FieldError error = RequestReader.bindingError("", e);
        return respond(Problem.of(ProblemType.VALIDATION,
                error.field() + ": " + error.message(), path(uri), List.of(error)));
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(String.valueOf(v.getPropertyPath()), v.getMessage())).toList();
        return respond(Problem.of(ProblemType.VALIDATION,
                errors.size() + " fields are invalid", path(uri), errors));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // The JSON body reader wraps Jackson's own exception in a 400; unwrap it to name the field.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return binding(json, uri);
            }
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (status == 413 && fromMultipartParser(e)) {
            // A part without a filename is a form field, held in memory and limited to a few kilobytes.
            return respond(Problem.of(ProblemType.BODY_TOO_LARGE, "a part sent as a form field (without a filename) "
                    + "is larger than quarkus.http.limits.max-form-attribute-size; send files as file parts "
                    + "(curl -F name=@file); nothing was stored", path(uri), List.of(new FieldError("(body)",
                    "has a form field larger than quarkus.http.limits.max-form-attribute-size"))));
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request failed" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at " + path(uri);
            case 405 -> "method not allowed on " + path(uri);
            case 406 -> "this resource answers application/json only";
            case 415 -> "send the body as application/json";
            default -> title;
        };
        List<FieldError> errors = status == 415
                ? List.of(new FieldError("Content-Type", "must be application/json"))
                : List.of();
        return respond(new Problem("about:blank", title, status, detail, path(uri), errors, List.of()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        String user = security == null || security.getUserPrincipal() == null ? "this user" : "user " + security.getUserPrincipal().getName();
        return respond(Problem.of(ProblemType.FORBIDDEN, user + " has no role that may do this; docs/security.md lists "
                + "the roles of every endpoint", path(uri), List.of()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return unauthorized(authentication, path(uri), e instanceof AuthenticationFailedException);
    }

    /** 401 with the challenges of every way in this installation has. */
    public static Response unauthorized(Authentication authentication, String path, boolean rejected) {
        Problem problem = Problem.of(ProblemType.UNAUTHORIZED, rejected
                ? "the credentials were not accepted (wrong user name or password, or a token that is expired or not signed by the configured provider)"
                : "send HTTP Basic credentials" + (authentication.oidc() ? " or a bearer token" : ""), path, List.of());
        Response.ResponseBuilder r = Response.status(401).type(PROBLEM_JSON).entity(problem);
        authentication.challenges().forEach(c -> r.header(HttpHeaders.WWW_AUTHENTICATE, c));
        return r.build();
    }

    @ServerExceptionMapper
    public Response listsUnavailable(ListsUnavailableException e, UriInfo uri) {
        // 503 with Retry-After: the request is fine and will succeed once a list is in force; nothing was stored.
        ProblemType type = ProblemType.LISTS_NOT_LOADED;
        Problem problem = new Problem(type.type(), type.title(), type.status(),
                e.getMessage() + "; nothing was assessed or stored. Lists arrive by download, by upload "
                        + "(POST /api/v1/lists/{source}) or from assessor.lists.dir; GET /api/v1/lists shows what is in force",
                path(uri), List.of(), e.missing());
        return Response.status(type.status()).type(PROBLEM_JSON).header("Retry-After", "60").entity(problem).build();
    }

    /**
     * Quarkus REST parses a multipart body (spooling its file parts to the uploads directory) before the resource
     * runs, and fails with its own exceptions: these are told apart by where they were thrown.
     */
    private static final String MULTIPART_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.";

    static boolean fromMultipartParser(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(4, frames.length); i++) {
            if (frames[i].getClassName().startsWith(MULTIPART_PARSER)) {
                return true;
            }
        }
        return false;
    }

    /** A body announced as multipart that ends before its closing boundary: cut off, or not multipart at all. */
    @ServerExceptionMapper
    public Response io(java.io.IOException e, UriInfo uri) {
        if (fromMultipartParser(e)) {
            return respond(Problem.of(ProblemType.VALIDATION, "the body is not complete multipart/form-data: it ends "
                    + "before the closing boundary (a part cut off, or a body that is not multipart); nothing was stored",
                    path(uri), List.of(new FieldError("(body)", "is not complete multipart/form-data: "
                            + "no closing boundary"))));
        }
        return unexpected(e, uri);
    }

    /** Seconds a client is asked to wait when the database cannot be reached (the pool checks again within this). */
    static final int DATABASE_RETRY_AFTER_SECONDS = 10;

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // On an event-loop thread (a failure before a worker took the request) only the cause is read: a probe of
        // the database would block the loop for up to the pool's acquisition timeout.
        if (Context.isOnEventLoopThread() ? DatabaseFailures.unavailable(e) : database.unavailable(e)) {
            return databaseUnavailable(e, uri);
        }
        if (e instanceof RuntimeException && e.getCause() instanceof java.io.IOException io && fromMultipartParser(e)) {
            // The parser could not write a part to the uploads directory: the server's storage, not the request.
            LOG.errorf("A multipart upload to %s could not be spooled to the uploads directory: %s", path(uri),
                    io.toString());
            return respond(Problem.of(ProblemType.INSUFFICIENT_STORAGE, "the upload could not be written to temporary "
                    + "storage (quarkus.http.body.uploads-directory): " + io.getMessage()
                    + "; nothing was stored, send it again later", path(uri), List.of()));
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", incident, path(uri));
        return respond(Problem.of(ProblemType.INTERNAL,
                "the assessor failed unexpectedly; nothing was stored. Quote incident " + incident + " when reporting it.",
                path(uri), List.of()));
    }

    /**
     * 503 with Retry-After: the request was not wrong and will succeed once the database is back. What it wrote was
     * in a transaction that was rolled back or never began (unless the connection was lost after the database had
     * committed, which no client can tell from a lost answer). Logged in one line, without the stack: while the
     * database is away every request would otherwise log a page of it.
     */
    private static Response databaseUnavailable(Throwable e, UriInfo uri) {
        LOG.warnf("Database unavailable on %s: %s", path(uri), rootMessage(e));
        ProblemType type = ProblemType.DATABASE_UNAVAILABLE;
        Problem problem = Problem.of(type, "the database cannot be reached; retry in "
                + DATABASE_RETRY_AFTER_SECONDS + " seconds; GET /q/health/ready says when it is back", path(uri), List.of());
        return Response.status(type.status()).type(PROBLEM_JSON)
                .header("Retry-After", String.valueOf(DATABASE_RETRY_AFTER_SECONDS)).entity(problem).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
