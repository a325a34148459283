package org.exposure.assessor.web;

import java.time.Instant;
import java.util.List;

import org.exposure.assessor.assessment.AssessmentService;
import org.exposure.assessor.persistence.AssessmentEntity;
import org.exposure.assessor.review.ReviewService;
import org.exposure.assessor.review.ReviewStatus;
import org.exposure.assessor.screening.ListCoverage;
import org.exposure.assessor.screening.ScreeningIndex;
import org.exposure.assessor.security.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The start page: what the user can do from here, and the latest assessments. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {
    private final Pages pages;
    private final AssessmentService assessments;
    private final ReviewService reviews;
    private final ScreeningIndex index;
    private final ListCoverage coverage;

    HomePage(Pages pages, AssessmentService assessments, ReviewService reviews, ScreeningIndex index,
             ListCoverage coverage) {
        this.pages = pages;
        this.assessments = assessments;
        this.reviews = reviews;
        this.index = index;
        this.coverage = coverage;
    }

    /** What needs the user's attention: decisions to approve, the open queue, lists missing or out of date. */
    public record Attention(int awaitingMyApproval, long openItems, List<String> missingLists, List<String> staleLists) {
    }

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance home(Page page, List<AssessmentEntity> recent, Attention attention);
    }

    @GET
    @Authenticated
    public TemplateInstance home() {
        Page page = pages.page("Start", "home");
        if (!pages.has(Roles.ANALYST)) {
            return Templates.home(page, List.of(), new Attention(0, 0, List.of(), List.of()));
        }
        Instant now = Instant.now();
        List<AssessmentEntity> recent = assessments.page(null, null, null, 0, 10).items();
        int awaiting = pages.has(Roles.REVIEWER) ? reviews.awaitingApproval(pages.user()).size() : 0;
        long open = reviews.queue(new ReviewService.Filter(ReviewStatus.OPEN, null, null, null, null, null), 0, 1, now).total();
        // The versions this instance screens against, as the readiness check and the assessments' warnings see them.
        ScreeningIndex.Snapshot snapshot = index.snapshot();
        List<String> stale = coverage.states(snapshot, now).stream().filter(ListCoverage.SourceState::stale)
                .map(ListCoverage.SourceState::source).toList();
        return Templates.home(page, recent, new Attention(awaiting, open, coverage.missing(snapshot), stale));
    }
}
