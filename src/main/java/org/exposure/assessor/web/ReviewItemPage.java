package org.exposure.assessor.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.exposure.assessor.assessment.AssessmentService;
import org.exposure.assessor.audit.AuditEvent;
import org.exposure.assessor.audit.AuditLog;
import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.intake.ProblemMappers;
import org.exposure.assessor.persistence.AssessmentEntity;
import org.exposure.assessor.review.Decision;
import org.exposure.assessor.review.DecisionStatus;
import org.exposure.assessor.review.MatchRecord;
import org.exposure.assessor.review.ReviewException;
import org.exposure.assessor.review.ReviewPolicy;
import org.exposure.assessor.review.ReviewService;
import org.exposure.assessor.review.ReviewStatus;
import org.exposure.assessor.review.ReviewViews;
import org.exposure.assessor.security.Roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * One review item: the assessment it is about, its list matches with the decision on each, what a reviewer may do
 * (assign, comment, decide each match and the assessment, approve or refuse another reviewer's decision), and the
 * item's whole history. The rules of what may be decided when are ReviewService's; this page offers only the
 * actions the item's state and the user's role allow, and shows the service's refusals beside the form that was
 * sent, re-showing what was typed.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ReviewItemPage {
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    /** How far before an item's creation its audit events are looked for: clocks of several instances differ. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(10);

    /** What each successful action says on the page it leads to (post/redirect/get: ?done=...). */
    static final Map<String, String> DONE = Map.of(
            "assigned", "The item is assigned.",
            "unassigned", "The item is no longer assigned.",
            "commented", "Your comment is added.",
            "decided", "Your decision is in force.",
            "proposed", "Your decision is recorded and waits for approval by another reviewer (four eyes).",
            "approved", "You approved the decision: it is in force.",
            "refused", "You refused the decision: it does not apply.");

    private final Pages pages;
    private final ReviewService reviews;
    private final AssessmentService assessments;
    private final AuditLog audit;
    private final ObjectMapper mapper;

    ReviewItemPage(Pages pages, ReviewService reviews, AssessmentService assessments, AuditLog audit,
                   ObjectMapper mapper) {
        this.pages = pages;
        this.reviews = reviews;
        this.assessments = assessments;
        this.audit = audit;
        this.mapper = mapper;
    }

    public record Option(String value, String label) {
    }

    /**
     * What was typed into one of the page's forms and what the service said about it, for showing the form again;
     * {@link #EMPTY} for a form not sent.
     */
    public record FormState(String error, String field, String choice, String text) {
        static final FormState EMPTY = new FormState(null, null, null, null);

        public boolean invalid(String name) {
            return name.equals(field);
        }
    }

    /**
     * One list match and what may be done with it.
     *
     * @param fourEyes why a false positive on it needs a second reviewer, or null
     */
    public record MatchRow(MatchRecord match, ReviewViews.DecisionView decision, boolean awaiting, boolean canDecide,
                           String fourEyes, FormState form) {
        public String score() {
            return String.format(java.util.Locale.ROOT, "%.2f", match.score());
        }
    }

    /** A decision awaiting a second reviewer; {@code mine}: the user proposed it and may not answer it. */
    public record Pending(ReviewViews.DecisionView decision, String target, boolean mine, boolean canAnswer,
                          FormState form) {
    }

    /** One line of the item's history. */
    public record Event(Instant at, String who, String what, String detail) {
    }

    public record View(ReviewViews.Item item, AssessmentEntity assessment, List<MatchRow> matches,
                       List<Pending> pending, boolean closed, boolean assessmentAwaiting, boolean canAct,
                       String clearingRule, List<Option> matchDecisions, List<Option> assessmentDecisions,
                       FormState assign, FormState comment, FormState decide, List<Event> history, String done,
                       String alert) {
    }

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance review(Page page, View view);
    }

    @GET
    @Path("reviews/{id}")
    @RolesAllowed(Roles.ANALYST)
    public Response item(@PathParam("id") String id, @QueryParam("done") String done) {
        return render(itemId(id), Map.of(), done == null ? null : DONE.get(done), 200);
    }

    @POST
    @Path("reviews/{id}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.REVIEWER)
    public Response assign(@PathParam("id") String id, @FormParam(Pages.CSRF_FIELD) String token,
                           @FormParam("to") String to, @FormParam("assignee") String assignee) {
        pages.checkForm(token);
        UUID item = itemId(id);
        // Three buttons: to me, to the reviewer typed, to nobody.
        String who = "me".equals(to) ? pages.user() : "nobody".equals(to) ? null : assignee;
        FormState typed = new FormState(null, null, null, assignee);
        if (!"me".equals(to) && !"nobody".equals(to) && (assignee == null || assignee.isBlank())) {
            return render(item, Map.of("assign", new FormState("Write the name of the reviewer to assign.", "assignee",
                    null, assignee)), null, 400);
        }
        return act(item, "assign", typed, "assignment", () -> {
            reviews.assign(item, who, pages.user());
            return who == null ? "unassigned" : "assigned";
        });
    }

    @POST
    @Path("reviews/{id}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.REVIEWER)
    public Response comment(@PathParam("id") String id, @FormParam(Pages.CSRF_FIELD) String token,
                            @FormParam("text") String text) {
        pages.checkForm(token);
        UUID item = itemId(id);
        return act(item, "comment", new FormState(null, null, null, text), "history", () -> {
            reviews.comment(item, text, pages.user());
            return "commented";
        });
    }

    @POST
    @Path("reviews/{id}/matches/{matchId}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.REVIEWER)
    public Response decideMatch(@PathParam("id") String id, @PathParam("matchId") String matchId,
                                @FormParam(Pages.CSRF_FIELD) String token, @FormParam("decision") String decision,
                                @FormParam("reason") String reason) {
        pages.checkForm(token);
        UUID item = itemId(id);
        FormState typed = new FormState(null, null, decision, reason);
        return act(item, "match-" + matchId, typed, "match-" + matchId, () -> {
            ReviewViews.DecisionView d = reviews.decideMatch(item, matchId, decision(decision), reason, pages.user());
            return d.status() == DecisionStatus.AWAITING_APPROVAL ? "proposed" : "decided";
        });
    }

    @POST
    @Path("reviews/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.REVIEWER)
    public Response decide(@PathParam("id") String id, @FormParam(Pages.CSRF_FIELD) String token,
                           @FormParam("decision") String decision, @FormParam("reason") String reason) {
        pages.checkForm(token);
        UUID item = itemId(id);
        return act(item, "decide", new FormState(null, null, decision, reason), "decide", () -> {
            ReviewViews.DecisionView d = reviews.decideAssessment(item, decision(decision), reason, pages.user());
            return d.status() == DecisionStatus.AWAITING_APPROVAL ? "proposed" : "decided";
        });
    }

    @POST
    @Path("reviews/{id}/decisions/{decisionId}/approval")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.REVIEWER)
    public Response approve(@PathParam("id") String id, @PathParam("decisionId") String decisionId,
                            @FormParam(Pages.CSRF_FIELD) String token, @FormParam("approve") String approve,
                            @FormParam("note") String note) {
        pages.checkForm(token);
        UUID item = itemId(id);
        String key = "approval-" + decisionId;
        FormState typed = new FormState(null, null, approve, note);
        UUID decision;
        try {
            decision = UUID.fromString(decisionId);
        } catch (IllegalArgumentException e) {
            throw WebError.notFound("Decision " + decisionId);
        }
        if (!"true".equals(approve) && !"false".equals(approve)) {
            return render(item, Map.of(key, new FormState("Choose Approve or Refuse.", "approve", approve, note)), null,
                    400);
        }
        boolean yes = Boolean.parseBoolean(approve);
        return act(item, key, typed, "pending", () -> {
            reviews.approve(item, decision, yes, note, pages.user());
            return yes ? "approved" : "refused";
        });
    }

    // ---- rendering ----------------------------------------------------------------------------------------------

    /**
     * Carries out an action; on success sends the browser to the item (post/redirect/get) at the part acted on, on
     * a refusal shows the item again with the refusal beside the form sent.
     */
    private Response act(UUID item, String formKey, FormState typed, String anchor, Supplier<String> action) {
        try {
            String done = action.get();
            return Response.seeOther(URI.create("/reviews/" + item + "?done=" + done + "#" + anchor)).build();
        } catch (ReviewException e) {
            if (e.kind() == ReviewException.Kind.NOT_FOUND && e.getMessage().startsWith("review item " + item)) {
                throw WebError.notFound("Review item " + item);
            }
            FormState refused = new FormState(message(e), e.field(), typed.choice(), typed.text());
            return render(item, Map.of(formKey, refused), null, ProblemMappers.problem(e).status());
        }
    }

    private static String message(ReviewException e) {
        if (e.kind() == ReviewException.Kind.FOUR_EYES) {
            return "You proposed this decision, so you cannot approve or refuse it: another reviewer must (four eyes).";
        }
        String m = e.getMessage();
        return m.isEmpty() ? "The service refused this." : Character.toUpperCase(m.charAt(0)) + m.substring(1) + ".";
    }

    private static Decision decision(String value) {
        if (value == null || value.isBlank()) {
            throw new ReviewException(ReviewException.Kind.INVALID, "decision", "choose a decision");
        }
        try {
            return Decision.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ReviewException(ReviewException.Kind.INVALID, "decision", "choose a decision from the list");
        }
    }

    private static UUID itemId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw WebError.notFound("Review item " + id);
        }
    }

    private Response render(UUID id, Map<String, FormState> forms, String done, int status) {
        ReviewViews.Detail detail;
        try {
            detail = reviews.detail(id);
        } catch (ReviewException e) {
            throw WebError.notFound("Review item " + id);
        }
        ReviewViews.Item item = detail.item();
        String user = pages.user();
        boolean reviewer = pages.has(Roles.REVIEWER);
        boolean closed = item.status() == ReviewStatus.CLOSED;
        RiskLevel level = item.riskLevel();

        List<MatchRow> matches = new ArrayList<>();
        for (ReviewViews.MatchView m : detail.matches()) {
            boolean awaiting = m.decision() != null && m.decision().status() == DecisionStatus.AWAITING_APPROVAL;
            boolean dismissed = m.match().dismissal() != null;
            matches.add(new MatchRow(m.match(), m.decision(), awaiting, reviewer && !closed && !awaiting && !dismissed,
                    ReviewPolicy.approvalRule(Decision.FALSE_POSITIVE, m.match().severity(), level),
                    forms.getOrDefault("match-" + m.match().id(), FormState.EMPTY)));
        }
        List<Pending> pending = new ArrayList<>();
        boolean assessmentAwaiting = false;
        for (ReviewViews.DecisionView d : detail.decisions()) {
            if (d.status() != DecisionStatus.AWAITING_APPROVAL) {
                continue;
            }
            if (d.matchId() == null) {
                assessmentAwaiting = true;
            }
            boolean mine = d.decidedBy().equals(user);
            pending.add(new Pending(d, target(d, detail), mine, reviewer && !mine,
                    forms.getOrDefault("approval-" + d.id(), FormState.EMPTY)));
        }
        AssessmentEntity assessment = assessments.find(item.assessmentId()).orElse(null);
        // A refusal is shown beside its form; when the item changed meanwhile (another reviewer decided, it closed)
        // that form may be gone, and the refusal is shown at the top instead of being lost.
        String alert = null;
        for (Map.Entry<String, FormState> f : forms.entrySet()) {
            if (f.getValue().error() != null && !shown(f.getKey(), matches, pending, reviewer && !closed)) {
                alert = f.getValue().error();
            }
        }
        View view = new View(item, assessment, matches, pending, closed, assessmentAwaiting, reviewer && !closed,
                ReviewPolicy.approvalRule(Decision.CLEARED, null, level),
                options(Decision.TRUE_MATCH, Decision.FALSE_POSITIVE, Decision.NEEDS_INFO),
                options(Decision.CLEARED, Decision.ESCALATED, Decision.BLOCKED),
                forms.getOrDefault("assign", FormState.EMPTY), forms.getOrDefault("comment", FormState.EMPTY),
                forms.getOrDefault("decide", FormState.EMPTY), history(detail), done, alert);
        String title = "Review: " + (item.subjectName() == null ? item.ref() == null ? "item" : item.ref()
                : item.subjectName());
        return Response.status(status).type(HTML).entity(Templates.review(pages.page(title, "reviews"), view).render())
                .build();
    }

    /** Whether the page shows the form of this key (and so the refusal beside it). */
    private static boolean shown(String key, List<MatchRow> matches, List<Pending> pending, boolean canAct) {
        if (key.startsWith("match-")) {
            return matches.stream().anyMatch(m -> m.canDecide() && key.equals("match-" + m.match().id()));
        }
        if (key.startsWith("approval-")) {
            return pending.stream().anyMatch(p -> key.equals("approval-" + p.decision().id()));
        }
        return !"decide".equals(key) || canAct;
    }

    private static List<Option> options(Decision... decisions) {
        List<Option> out = new ArrayList<>();
        for (Decision d : decisions) {
            out.add(new Option(d.name(), switch (d) {
                case TRUE_MATCH -> "true match: the party is the listed entity";
                case FALSE_POSITIVE -> "false positive: not the listed entity (remembered for later assessments)";
                case NEEDS_INFO -> "needs information";
                case CLEARED -> "cleared: the business may go ahead";
                case ESCALATED -> "escalated: passed on to someone with more authority";
                case BLOCKED -> "blocked: the business must not go ahead";
            }));
        }
        return out;
    }

    private static String target(ReviewViews.DecisionView d, ReviewViews.Detail detail) {
        if (d.matchId() == null) {
            return "the assessment";
        }
        for (ReviewViews.MatchView m : detail.matches()) {
            if (m.match().id().equals(d.matchId())) {
                return "match " + d.matchId() + " (" + m.match().name() + " / " + m.match().source() + " "
                        + m.match().entryId() + ")";
            }
        }
        return "match " + d.matchId();
    }

    /** Decisions, approvals, refusals, comments and assignments, oldest first. */
    private List<Event> history(ReviewViews.Detail detail) {
        ReviewViews.Item item = detail.item();
        List<Event> out = new ArrayList<>();
        out.add(new Event(item.createdAt(), "the service", "queued",
                "because of " + String.join(" and ", item.reasons().stream().map(WebFormats::spaced).toList())));
        for (ReviewViews.DecisionView d : detail.decisions()) {
            String on = d.matchId() == null ? "the assessment" : "match " + d.matchId();
            String what = d.approvalRule() != null ? "proposed" : "decided";
            String status = switch (d.status()) {
                case SUPERSEDED -> " (later superseded)";
                case AWAITING_APPROVAL -> " (waiting for approval by another reviewer)";
                default -> "";
            };
            out.add(new Event(d.decidedAt(), d.decidedBy(), what, on + ": " + WebFormats.words(d.decision())
                    + " because " + d.reason() + status));
            if (d.approvedBy() != null) {
                boolean refused = d.status() == DecisionStatus.REJECTED;
                out.add(new Event(d.approvedAt(), d.approvedBy(), refused ? "refused" : "approved",
                        on + ": " + WebFormats.words(d.decision()) + " proposed by " + d.decidedBy()
                                + (d.approvalNote() == null ? "" : "; note: " + d.approvalNote())));
            }
        }
        for (ReviewViews.CommentView c : detail.comments()) {
            out.add(new Event(c.writtenAt(), c.author(), "commented", c.text()));
        }
        for (AuditEvent e : audit.ofTarget("REVIEW_ASSIGNED", "review-item", item.id().toString(),
                item.createdAt().minus(CLOCK_SLACK))) {
            String to = field(e.afterJson(), "assignee");
            out.add(new Event(e.recordedAt(), e.actor(), to == null ? "unassigned" : "assigned",
                    to == null ? "nobody is assigned" : "to " + to));
        }
        // Stable: events at the same instant keep the order above (a decision before its approval).
        out.sort(Comparator.comparing(Event::at));
        return out;
    }

    private String field(String json, String name) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(json).get(name);
            return node == null || node.isNull() ? null : node.asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit event holds unreadable JSON", e);
        }
    }
}
