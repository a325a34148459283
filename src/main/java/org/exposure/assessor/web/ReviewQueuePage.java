package org.exposure.assessor.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.review.ReviewService;
import org.exposure.assessor.review.ReviewStatus;
import org.exposure.assessor.review.ReviewViews;
import org.exposure.assessor.security.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The review queue, oldest first as it is worked, with the API's filters; and, for a reviewer, the decisions of
 * other reviewers that wait for their approval (four eyes). Analysts read it; the actions are on each item's page.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ReviewQueuePage {
    /** The ages offered; any other ISO-8601 duration in a link works too. */
    static final List<Option> AGES = List.of(new Option("PT24H", "more than a day"), new Option("P3D", "more than 3 days"),
            new Option("P7D", "more than a week"), new Option("P30D", "more than 30 days"));
    /** The assignee filter's values besides a reviewer's name. */
    static final String ME = "me";
    static final String NOBODY = "none";

    private final Pages pages;
    private final ReviewService reviews;

    ReviewQueuePage(Pages pages, ReviewService reviews) {
        this.pages = pages;
        this.reviews = reviews;
    }

    public record Option(String value, String label) {
    }

    public record Form(String status, String level, String assignee, String olderThan, String ref, int size) {
        String at(int page) {
            StringBuilder q = new StringBuilder("/reviews?");
            add(q, "status", status);
            add(q, "level", level);
            add(q, "assignee", assignee);
            add(q, "olderThan", olderThan);
            add(q, "ref", ref);
            return q.append("size=").append(size).append("&page=").append(page).toString();
        }

        private static void add(StringBuilder q, String key, String value) {
            if (value != null && !value.isEmpty()) {
                q.append(key).append('=').append(WebPaths.encode(value)).append('&');
            }
        }
    }

    public record Results(List<ReviewViews.Item> items, int page, int size, long total, String previous, String next) {
        public int number() {
            return Paging.number(page);
        }

        public long first() {
            return Paging.first(page, size, total);
        }

        public long last() {
            return Paging.last(page, size, total);
        }
    }

    /** A decision waiting for the user's approval, with the item it belongs to. */
    public record Waiting(ReviewViews.DecisionView decision, ReviewViews.Item item) {
        public String target() {
            return decision.matchId() == null ? "the assessment" : "match " + decision.matchId();
        }
    }

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance reviews(Page page, Form form, Map<String, String> errors, Results results,
                                               List<Waiting> waiting, List<ReviewStatus> statuses,
                                               List<RiskLevel> levels, List<Option> assignees, List<Option> ages,
                                               List<Integer> sizes);
    }

    @GET
    @Path("reviews")
    @RolesAllowed(Roles.ANALYST)
    public Response queue(@QueryParam("status") String status, @QueryParam("level") String level,
                          @QueryParam("assignee") String assignee, @QueryParam("olderThan") String olderThan,
                          @QueryParam("ref") String ref, @QueryParam("page") String pageParam,
                          @QueryParam("size") String sizeParam) {
        Map<String, String> errors = new LinkedHashMap<>();
        ReviewStatus st = null;
        if (present(status)) {
            try {
                st = ReviewStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                errors.put("status", "Choose a status from the list.");
            }
        }
        RiskLevel lv = null;
        if (present(level)) {
            try {
                lv = RiskLevel.valueOf(level.strip());
            } catch (IllegalArgumentException e) {
                errors.put("level", "Choose a risk level from the list.");
            }
        }
        Duration age = null;
        if (present(olderThan)) {
            try {
                age = Duration.parse(olderThan.strip());
            } catch (DateTimeParseException e) {
                errors.put("olderThan", "Choose an age from the list.");
            }
        }
        String who = null;
        if (present(assignee)) {
            // The service's filter: a name, or empty for the unassigned items.
            who = ME.equals(assignee) ? pages.user() : NOBODY.equals(assignee) ? "" : assignee.strip();
        }
        int size = Paging.size(sizeParam, errors);
        int page = Paging.page(pageParam, errors);
        Form form = new Form(status, level, assignee, olderThan, present(ref) ? ref.strip() : null, size);
        Results results = new Results(List.of(), page, size, 0, null, null);
        if (errors.isEmpty()) {
            ReviewViews.Page found = reviews.queue(new ReviewService.Filter(st, lv, who, age, form.ref(), null), page, size,
                    Instant.now());
            boolean more = (long) (page + 1) * size < found.total();
            results = new Results(found.items(), page, size, found.total(), page > 0 ? form.at(page - 1) : null,
                    more ? form.at(page + 1) : null);
        }
        Page frame = pages.page("Review queue", "reviews");
        List<Waiting> waiting = frame.reviewer() ? waiting() : List.of();
        return Response.status(errors.isEmpty() ? 200 : 400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.reviews(frame, form, errors, results, waiting, List.of(ReviewStatus.values()),
                        List.of(RiskLevel.values()), assignees(assignee), ages(olderThan, age), Paging.SIZES).render())
                .build();
    }

    private List<Waiting> waiting() {
        List<ReviewViews.DecisionView> decisions = reviews.awaitingApproval(pages.user());
        Set<UUID> itemIds = new LinkedHashSet<>();
        decisions.forEach(d -> itemIds.add(d.itemId()));
        Map<UUID, ReviewViews.Item> items = reviews.items(itemIds);
        List<Waiting> out = new ArrayList<>();
        for (ReviewViews.DecisionView d : decisions) {
            out.add(new Waiting(d, items.get(d.itemId())));
        }
        return out;
    }

    /** The ages offered, and the one of a link when it is not among them, so that the form shows what applies. */
    private static List<Option> ages(String param, Duration age) {
        if (age == null || AGES.stream().anyMatch(a -> a.value().equals(param))) {
            return AGES;
        }
        List<Option> out = new ArrayList<>(AGES);
        out.add(new Option(param, "more than " + age.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                .replace("h", " h ").replace("m", " min ").replace("s", " s").strip()));
        return out;
    }

    private List<Option> assignees(String chosen) {
        List<Option> out = new ArrayList<>();
        out.add(new Option(ME, "me (" + pages.user() + ")"));
        out.add(new Option(NOBODY, "nobody (unassigned)"));
        Set<String> names = new LinkedHashSet<>(reviews.assignees());
        if (present(chosen) && !ME.equals(chosen) && !NOBODY.equals(chosen)) {
            // A name from a link that has no item assigned any more stays selectable.
            names.add(chosen.strip());
        }
        names.forEach(n -> out.add(new Option(n, n)));
        return out;
    }


    static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
