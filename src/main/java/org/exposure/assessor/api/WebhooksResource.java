package org.exposure.assessor.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.exposure.assessor.audit.Actors;
import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.Problem;
import org.exposure.assessor.intake.ProblemException;
import org.exposure.assessor.intake.ProblemMappers;
import org.exposure.assessor.intake.ProblemType;
import org.exposure.assessor.security.Roles;
import org.exposure.assessor.webhooks.Delivery;
import org.exposure.assessor.webhooks.Subscription;
import org.exposure.assessor.webhooks.WebhookException;
import org.exposure.assessor.webhooks.WebhookService;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Webhook subscriptions to the changes feed, for admins: what to send where, paused or not, the secret shown once,
 * the delivery log with re-sending of a failed delivery, and a test event. docs/webhooks.md says what a receiver
 * gets and how it checks it.
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Changes-feed events POSTed, signed, to the receivers admins subscribe.")
@RolesAllowed({Roles.ADMIN})
public class WebhooksResource {
    private final WebhookService service;
    private final Actors actors;
    private final AssessorConfig config;

    WebhooksResource(WebhookService service, Actors actors, AssessorConfig config) {
        this.service = service;
        this.actors = actors;
        this.config = config;
    }

    @Schema(name = "WebhookCreateRequest")
    public record CreateRequest(
            @Schema(description = "The receiver: an http or https URL, without user or password.", required = true,
                    examples = "https://compliance.example.org/hooks/assessor") String url,
            @Schema(description = "RISK_RAISED, RISK_LOWERED, LIST_FINDINGS_CHANGED; empty or absent: every type.") List<String> eventTypes,
            @Schema(description = "The HMAC key, 32 to 256 printable ASCII characters; absent: 32 random bytes are generated (recommended).") String secret,
            @Schema(description = "What the receiver is, for the people reading the list (at most 500 characters).") String description) {
    }

    @Schema(name = "WebhookChangeRequest")
    public record ChangeRequest(
            @Schema(description = "A new receiver URL.") String url,
            @Schema(description = "The event types to deliver from now on; empty: every type.") List<String> eventTypes,
            @Schema(description = "A new description; empty to remove it.") String description,
            @Schema(description = "PAUSED: nothing is sent until ACTIVE again; events that arrive meanwhile are kept and sent then, in order.") String status) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a receiver", description = "Starts at the changes feed's current end: events appended from now on are delivered, none before. "
            + "The response is the only one that shows the secret. Recorded in the audit trail (without the secret).")
    @APIResponse(responseCode = "201", description = "Created; Location names the subscription.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Subscription.CreatedSubscription.class)))
    @APIResponse(responseCode = "400", description = "A field is not valid; the problem names it.")
    public Response create(CreateRequest body, @jakarta.ws.rs.core.Context UriInfo uri) {
        Subscription.CreatedSubscription created = service.create(body == null ? null
                : new WebhookService.NewSubscription(body.url(), body.eventTypes(), body.secret(), body.description()),
                actors.current());
        URI location = uri.getAbsolutePathBuilder().path(created.subscription().id().toString()).build();
        return Response.created(location).entity(created).build();
    }

    @GET
    @Operation(summary = "Every webhook subscription", description = "Oldest first, without their secrets.")
    public List<Subscription> list() {
        return service.all();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A webhook subscription", description = "Without its secret; with its cursor in the feed and its pending and failed deliveries.")
    @APIResponse(responseCode = "404", description = "No subscription has this id.")
    public Subscription get(@PathParam("id") String id) {
        return service.get(ProblemException.uuidOrNotFound(id, "webhook subscription"));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change, pause or resume a subscription", description = "Only the fields given change. Recorded in the audit trail.")
    @APIResponse(responseCode = "400", description = "A field is not valid; the problem names it.")
    @APIResponse(responseCode = "404", description = "No subscription has this id.")
    public Subscription change(@PathParam("id") String id, ChangeRequest body) {
        UUID uuid = ProblemException.uuidOrNotFound(id, "webhook subscription");
        return service.update(uuid, body == null ? null
                : new WebhookService.Changes(body.url(), body.eventTypes(), body.description(), body.status()), actors.current());
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(summary = "Replace the secret", description = "A new generated secret, shown in this response only, signs every attempt from now on, "
            + "retries of earlier events included. Recorded in the audit trail (without the secret).")
    @APIResponse(responseCode = "404", description = "No subscription has this id.")
    public Subscription.CreatedSubscription rotate(@PathParam("id") String id) {
        return service.rotateSecret(ProblemException.uuidOrNotFound(id, "webhook subscription"), actors.current());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a subscription", description = "With its delivery log; nothing more is sent. Recorded in the audit trail.")
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "404", description = "No subscription has this id.")
    public Response delete(@PathParam("id") String id) {
        service.delete(ProblemException.uuidOrNotFound(id, "webhook subscription"), actors.current());
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log", description = "Newest first: each event sent or to be sent, its attempts, status, the receiver's last HTTP status or error, and the next attempt's time.")
    @APIResponse(responseCode = "400", description = "A parameter is not valid; the problem names it.")
    @APIResponse(responseCode = "404", description = "No subscription has this id.")
    public Delivery.Page deliveries(@PathParam("id") String id,
                                    @Parameter(description = "PENDING, DELIVERED or FAILED; absent: all.") @QueryParam("status") String status,
                                    @Parameter(description = "From 0 (default).") @QueryParam("page") String page,
                                    @Parameter(description = "1 to assessor.page.max-size; default 50.") @QueryParam("size") String size) {
        UUID uuid = ProblemException.uuidOrNotFound(id, "webhook subscription");
        int p = number("page", page, 0, 0, Integer.MAX_VALUE / 1000);
        int s = number("size", size, 50, 1, config.page().maxSize());
        return service.deliveries(uuid, status, p, s);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @Operation(summary = "Send a failed delivery again", description = "A FAILED event delivery becomes PENDING, due now, with a new series of attempts; "
            + "being older than the subscription's other pending events, it is sent before them. Recorded in the audit trail.")
    @APIResponse(responseCode = "404", description = "No such subscription, or no such delivery of it.")
    @APIResponse(responseCode = "409", description = "The delivery is not FAILED, or is a PING.")
    public Delivery retry(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        return service.resend(ProblemException.uuidOrNotFound(id, "webhook subscription"),
                ProblemException.uuidOrNotFound(deliveryId, "webhook delivery"), actors.current());
    }

    @POST
    @Path("/{id}/ping")
    @Operation(summary = "Send a signed test event", description = "A PING, signed and with the headers of every delivery, sent now (paused or not) and "
            + "answered with its outcome; logged as a delivery, never retried.")
    @APIResponse(responseCode = "200", description = "Sent: status DELIVERED when the receiver answered 2xx, else FAILED with its status or error.")
    @APIResponse(responseCode = "404", description = "No subscription has this id.")
    public Delivery ping(@PathParam("id") String id) {
        return service.ping(ProblemException.uuidOrNotFound(id, "webhook subscription"));
    }

    /** The service's refusals as problems: 404, 400 naming the field, or 409. */
    @ServerExceptionMapper
    public Response refused(WebhookException e, UriInfo uri) {
        String path = uri == null ? null : uri.getRequestUri().getRawPath();
        Problem problem = switch (e.kind()) {
            case NOT_FOUND -> Problem.of(ProblemType.NOT_FOUND, e.getMessage(), path, List.of());
            case INVALID -> Problem.of(ProblemType.VALIDATION, e.getMessage(), path,
                    e.invalid().stream().map(i -> new FieldError(i.field(), i.message())).toList());
            case CONFLICT -> Problem.of(ProblemType.WEBHOOK_CONFLICT, e.getMessage(), path, List.of());
        };
        return Response.status(problem.status()).type(ProblemMappers.PROBLEM_JSON).entity(problem).build();
    }

    private static int number(String field, String value, int absent, int min, int max) {
        List<FieldError> errors = new java.util.ArrayList<>();
        int n = QueryParams.integer(field, value, absent, min, max, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return n;
    }
}
