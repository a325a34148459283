package org.exposure.assessor.api;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.exposure.assessor.audit.Actors;
import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.ProblemException;
import org.exposure.assessor.review.Decision;
import org.exposure.assessor.review.ReviewService;
import org.exposure.assessor.review.ReviewStatus;
import org.exposure.assessor.review.ReviewViews;
import org.exposure.assessor.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The review queue: what waits for a decision, the decisions on each match and on the assessment, the second
 * reviewer's approval where four eyes are needed, and the remembered dismissals. Reading is for analysts too;
 * deciding is for reviewers.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Review", description = "The review queue, decisions with four eyes, and remembered false-positive dismissals.")
public class ReviewResource {
    private final ReviewService service;
    private final Actors actors;
    private final AssessorConfig config;

    ReviewResource(ReviewService service, Actors actors, AssessorConfig config) {
        this.service = service;
        this.actors = actors;
        this.config = config;
    }

    @Schema(name = "MatchDecisionRequest")
    public record MatchDecisionRequest(@Schema(description = "TRUE_MATCH, FALSE_POSITIVE or NEEDS_INFO", required = true) Decision decision,
                                       @Schema(required = true) String reason) {
    }

    @Schema(name = "AssessmentDecisionRequest")
    public record AssessmentDecisionRequest(@Schema(description = "CLEARED, ESCALATED or BLOCKED", required = true) Decision decision,
                                            @Schema(required = true) String reason) {
    }

    @Schema(name = "ApprovalRequest")
    public record ApprovalRequest(@Schema(description = "true: approve, the decision is in force; false: refuse it (a note is then required)", required = true) Boolean approve,
                                  String note) {
    }

    @Schema(name = "AssignRequest")
    public record AssignRequest(@Schema(description = "The reviewer to assign; empty or absent: unassigned.") String assignee) {
    }

    @Schema(name = "CommentRequest")
    public record CommentRequest(@Schema(required = true) String text) {
    }

    @Schema(name = "RevokeRequest")
    public record RevokeRequest(@Schema(required = true) String reason) {
    }

    @GET
    @Path("/reviews")
    @RolesAllowed({Roles.ANALYST})
    @Operation(summary = "The review queue", description = "Oldest first. Filters: status, level (risk level), assignee (empty: unassigned), olderThan (ISO-8601 duration, e.g. P2D), ref, assessment (id).")
    public ReviewViews.Page queue(@QueryParam("status") ReviewStatus status, @QueryParam("level") RiskLevel level,
                                  @QueryParam("assignee") String assignee, @QueryParam("olderThan") String olderThan,
                                  @QueryParam("ref") String ref, @QueryParam("assessment") String assessment,
                                  @QueryParam("page") @DefaultValue("0") int page,
                                  @QueryParam("size") @DefaultValue("50") int size) {
        Duration age = null;
        if (olderThan != null) {
            try {
                age = Duration.parse(olderThan);
            } catch (DateTimeParseException e) {
                throw invalid("olderThan", "is not an ISO-8601 duration (e.g. PT12H, P2D)");
            }
        }
        UUID assessmentId = null;
        if (assessment != null) {
            try {
                assessmentId = UUID.fromString(assessment);
            } catch (IllegalArgumentException e) {
                throw invalid("assessment", "is not an assessment id (UUID)");
            }
        }
        checkPage(page, size);
        return service.queue(new ReviewService.Filter(status, level, assignee, age, ref, assessmentId), page, size,
                Instant.now());
    }

    @GET
    @Path("/reviews/{id}")
    @RolesAllowed({Roles.ANALYST})
    @Operation(summary = "A review item", description = "With the assessment's list matches and the decision in force on each, every decision in order (superseded and refused ones too), and the comments.")
    @APIResponse(responseCode = "404", description = "No review item has this id.")
    public ReviewViews.Detail item(@PathParam("id") String id) {
        return service.detail(ProblemException.uuidOrNotFound(id, "review item"));
    }

    @GET
    @Path("/reviews/approvals")
    @RolesAllowed({Roles.REVIEWER})
    @Operation(summary = "Decisions waiting for the caller's approval", description = "Every decision awaiting a second reviewer that the caller did not propose.")
    public List<ReviewViews.DecisionView> approvals() {
        return service.awaitingApproval(actors.current());
    }

    @POST
    @Path("/reviews/{id}/assign")
    @RolesAllowed({Roles.REVIEWER})
    @Operation(summary = "Assign a review item")
    public ReviewViews.Item assign(@PathParam("id") String id, AssignRequest body) {
        return service.assign(ProblemException.uuidOrNotFound(id, "review item"), body == null ? null : body.assignee(),
                actors.current());
    }

    @POST
    @Path("/reviews/{id}/comments")
    @RolesAllowed({Roles.REVIEWER})
    @Operation(summary = "Comment on a review item")
    public ReviewViews.CommentView comment(@PathParam("id") String id, CommentRequest body) {
        return service.comment(ProblemException.uuidOrNotFound(id, "review item"), body == null ? null : body.text(),
                actors.current());
    }

    @POST
    @Path("/reviews/{id}/matches/{matchId}/decision")
    @RolesAllowed({Roles.REVIEWER})
    @Operation(summary = "Decide on one list match", description = "TRUE_MATCH, FALSE_POSITIVE or NEEDS_INFO with a reason. A FALSE_POSITIVE is remembered: later assessments of the same party name against the same, unchanged entry do not count the match. Dismissing a SEVERE or BLOCKED match waits for a second reviewer (status AWAITING_APPROVAL).")
    @APIResponse(responseCode = "409", description = "The item is closed, the match was already dismissed, or a decision on it awaits approval.")
    public ReviewViews.DecisionView decideMatch(@PathParam("id") String id, @PathParam("matchId") String matchId,
                                                MatchDecisionRequest body) {
        return service.decideMatch(ProblemException.uuidOrNotFound(id, "review item"), matchId,
                body == null ? null : body.decision(), body == null ? null : body.reason(), actors.current());
    }

    @POST
    @Path("/reviews/{id}/decision")
    @RolesAllowed({Roles.REVIEWER})
    @Operation(summary = "Decide on the assessment", description = "CLEARED (every counted match must have a decision in force, none NEEDS_INFO), ESCALATED or BLOCKED, with a reason. Clearing a SEVERE or BLOCKED assessment waits for a second reviewer.")
    @APIResponse(responseCode = "409", description = "The item is closed, a decision awaits approval, or matches are undecided.")
    public ReviewViews.DecisionView decide(@PathParam("id") String id, AssessmentDecisionRequest body) {
        return service.decideAssessment(ProblemException.uuidOrNotFound(id, "review item"),
                body == null ? null : body.decision(), body == null ? null : body.reason(), actors.current());
    }

    @POST
    @Path("/reviews/{id}/decisions/{decisionId}/approval")
    @RolesAllowed({Roles.REVIEWER})
    @Operation(summary = "Approve or refuse a decision awaiting a second reviewer", description = "The reviewer who proposed the decision cannot (403, four-eyes).")
    @APIResponse(responseCode = "403", description = "The caller proposed the decision, or is not a reviewer.")
    @APIResponse(responseCode = "409", description = "The decision is not awaiting approval.")
    public ReviewViews.DecisionView approve(@PathParam("id") String id, @PathParam("decisionId") String decisionId,
                                            ApprovalRequest body) {
        if (body == null || body.approve() == null) {
            throw invalid("approve", "is required: true to approve, false to refuse");
        }
        return service.approve(ProblemException.uuidOrNotFound(id, "review item"),
                ProblemException.uuidOrNotFound(decisionId, "decision"), body.approve(), body.note(), actors.current());
    }

    @GET
    @Path("/dismissals")
    @RolesAllowed({Roles.ANALYST})
    @Operation(summary = "Remembered false-positive dismissals", description = "Newest first; party: those of this party name (normalised as matching does); active=false also lists expired and revoked ones.")
    public List<ReviewViews.DismissalView> dismissals(@QueryParam("party") String party,
                                                      @QueryParam("active") @DefaultValue("true") boolean active,
                                                      @QueryParam("page") @DefaultValue("0") int page,
                                                      @QueryParam("size") @DefaultValue("50") int size) {
        checkPage(page, size);
        return service.dismissals(party, active, Instant.now(), page, size);
    }

    @POST
    @Path("/dismissals/{id}/revoke")
    @RolesAllowed({Roles.REVIEWER})
    @Operation(summary = "Revoke a dismissal", description = "Later matches of its party and entry count again.")
    public ReviewViews.DismissalView revoke(@PathParam("id") String id, RevokeRequest body) {
        return service.revoke(ProblemException.uuidOrNotFound(id, "dismissal"), body == null ? null : body.reason(),
                actors.current());
    }

    private void checkPage(int page, int size) {
        if (page < 0) {
            throw invalid("page", "must be 0 or more");
        }
        int max = config.page().maxSize();
        if (size < 1 || size > max) {
            throw invalid("size", "must be between 1 and " + max);
        }
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.validation(List.of(new FieldError(field, message)));
    }
}
