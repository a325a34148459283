package org.exposure.assessor.web;

import java.net.URI;

import org.exposure.assessor.intake.Problem;
import org.exposure.assessor.intake.ProblemMappers;
import org.exposure.assessor.security.Authentication;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Errors on the web interface's pages are pages too: a person reads what went wrong and what to do, never a JSON
 * problem or a stack trace. The API's mappers still decide the status and the wording (an unknown path, a method
 * not allowed, an unexpected failure with its log id); here their problem is shown as a page.
 */
public class WebErrors {
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final Authentication authentication;

    WebErrors(Authentication authentication) {
        this.authentication = authentication;
    }

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance error(int status, String title, String message, String hint);
    }

    @ServerExceptionMapper
    public Response webError(WebError e) {
        return page(e.status().getStatusCode(), e.status().getReasonPhrase(), e.getMessage(), e.hint());
    }

    /**
     * A wrong password on the sign-in form sends the person back to the form, told so; anywhere else a rejected
     * credential is the API's 401 problem, as before.
     */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response signInFailed(AuthenticationFailedException e, UriInfo uri) {
        String path = uri.getRequestUri().getRawPath();
        if (WebPaths.SIGN_IN_POST.equals(path)) {
            return Response.seeOther(URI.create(WebPaths.LOGIN + "?error=1")).build();
        }
        return ProblemMappers.unauthorized(authentication, path, true);
    }

    @ServerResponseFilter
    public void problemsAsPages(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!WebPaths.isPage(path) || !(response.getEntity() instanceof Problem problem)) {
            return;
        }
        String hint = problem.status() == 404 ? "Check the link, or start again from the navigation above."
                : problem.status() >= 500 ? "Try again; if it happens again, give the administrator the log id above."
                : "Go back and try again.";
        response.setEntity(Templates.error(problem.status(), problem.title(), problem.detail(), hint).render(), null,
                MediaType.valueOf(HTML));
    }

    static Response page(int status, String title, String message, String hint) {
        return Response.status(status).type(HTML).entity(Templates.error(status, title, message, hint).render()).build();
    }
}
