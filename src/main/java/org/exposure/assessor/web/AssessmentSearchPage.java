package org.exposure.assessor.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exposure.assessor.assessment.AssessmentService;
import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.persistence.AssessmentEntity;
import org.exposure.assessor.persistence.AssessmentRepository;
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
 * The search of stored assessments: newest first, by ref (exactly or its beginning), part of the subject's name,
 * risk level, the day range it was assessed in (UTC) and where its review stands. A GET form, so that a search is
 * a link that can be bookmarked and sent to a colleague.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AssessmentSearchPage {
    private final Pages pages;
    private final AssessmentService assessments;
    private final ReviewService reviews;

    AssessmentSearchPage(Pages pages, AssessmentService assessments, ReviewService reviews) {
        this.pages = pages;
        this.assessments = assessments;
        this.reviews = reviews;
    }

    /** What the form holds, as typed, so that it is shown back unchanged (also when it is wrong). */
    public record Form(String ref, String refMatch, String name, String level, String from, String to, String review,
                       int size) {
        /** The query string of this search at another page. */
        public String at(int page) {
            StringBuilder q = new StringBuilder("/assessments?");
            add(q, "ref", ref);
            add(q, "refMatch", refMatch);
            add(q, "name", name);
            add(q, "level", level);
            add(q, "from", from);
            add(q, "to", to);
            add(q, "review", review);
            q.append("size=").append(size).append("&page=").append(page);
            return q.toString();
        }

        private static void add(StringBuilder q, String key, String value) {
            if (value != null && !value.isEmpty()) {
                q.append(key).append('=').append(WebPaths.encode(value)).append('&');
            }
        }
    }

    /** One found assessment with its review item, if it has one. */
    public record Row(AssessmentEntity assessment, ReviewViews.Item review) {
    }

    public record Option(String value, String label) {
    }

    /** The results and the pager; {@code rows} is empty when the form has errors. */
    public record Results(List<Row> rows, int page, int size, long total, String previous, String next) {
        /** The page as people count: from 1. */
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

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance assessments(Page page, Form form, Map<String, String> errors, Results results,
                                                   List<RiskLevel> levels, List<Option> reviewOptions,
                                                   List<Integer> sizes);
    }

    @GET
    @Path("assessments")
    @RolesAllowed(Roles.ANALYST)
    public Response search(@QueryParam("ref") String ref, @QueryParam("refMatch") String refMatch,
                           @QueryParam("name") String name, @QueryParam("level") String level,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("review") String review, @QueryParam("page") String pageParam,
                           @QueryParam("size") String sizeParam) {
        Map<String, String> errors = new LinkedHashMap<>();
        int size = Paging.size(sizeParam, errors);
        int page = Paging.page(pageParam, errors);
        RiskLevel riskLevel = null;
        if (present(level)) {
            try {
                riskLevel = RiskLevel.valueOf(level.strip());
            } catch (IllegalArgumentException e) {
                errors.put("level", "Choose a risk level from the list.");
            }
        }
        String reviewStatus = null;
        if (present(review)) {
            if (reviewOptions().stream().noneMatch(o -> o.value().equals(review))) {
                errors.put("review", "Choose a review status from the list.");
            } else {
                reviewStatus = review;
            }
        }
        LocalDate fromDay = day(from, "from", errors);
        LocalDate toDay = day(to, "to", errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.put("to", "The last day is before the first day.");
        }
        boolean prefix = "prefix".equals(refMatch);
        Form form = new Form(trimmed(ref), prefix ? "prefix" : "exact", trimmed(name), level, from, to, review, size);
        Results results = new Results(List.of(), page, size, 0, null, null);
        int status = 200;
        if (errors.isEmpty()) {
            AssessmentRepository.Search search = new AssessmentRepository.Search(form.ref(), prefix, form.name(), riskLevel,
                    fromDay == null ? null : fromDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    // The last day is included: the search ends where the next day starts.
                    toDay == null ? null : toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    reviewStatus, null);
            AssessmentRepository.PageResult found = assessments.search(search, page, size);
            List<UUID> ids = found.items().stream().map(a -> a.id).toList();
            Map<UUID, ReviewViews.Item> items = reviews.ofAssessments(ids);
            List<Row> rows = new ArrayList<>();
            for (AssessmentEntity a : found.items()) {
                rows.add(new Row(a, items.get(a.id)));
            }
            boolean more = (long) (page + 1) * size < found.total();
            results = new Results(rows, page, size, found.total(), page > 0 ? form.at(page - 1) : null,
                    more ? form.at(page + 1) : null);
        } else {
            status = 400;
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.assessments(pages.page("Assessments", "assessments"), form, errors, results,
                        List.of(RiskLevel.values()), reviewOptions(), Paging.SIZES).render())
                .build();
    }

    static List<Option> reviewOptions() {
        List<Option> options = new ArrayList<>();
        options.add(new Option(AssessmentRepository.NO_REVIEW, "no review needed"));
        for (ReviewStatus s : ReviewStatus.values()) {
            options.add(new Option(s.name(), s == ReviewStatus.CLOSED ? "closed (cleared or blocked)"
                    : WebFormats.words(s)));
        }
        return options;
    }

    private static LocalDate day(String value, String field, Map<String, String> errors) {
        if (!present(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Write the day as YYYY-MM-DD.");
            return null;
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String trimmed(String s) {
        return present(s) ? s.strip() : null;
    }
}
