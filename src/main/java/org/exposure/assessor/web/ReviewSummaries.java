package org.exposure.assessor.web;

import java.util.List;
import java.util.UUID;

import org.exposure.assessor.review.ReviewService;
import org.exposure.assessor.review.ReviewViews;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The review of one assessment in brief, for pages other than the review item's (the assessment's page includes
 * {@code review-summary.html} with it).
 */
@ApplicationScoped
public class ReviewSummaries {
    private final ReviewService reviews;

    ReviewSummaries(ReviewService reviews) {
        this.reviews = reviews;
    }

    /** The assessment's review: its item and decisions, or a summary without item when it needed no review. */
    public ReviewSummary of(UUID assessmentId) {
        return reviews.ofAssessment(assessmentId).map(item -> {
            ReviewViews.Detail detail = reviews.detail(item.id());
            List<ReviewSummary.Line> lines = detail.decisions().stream()
                    .map(d -> new ReviewSummary.Line(d.matchId(), d.decision(), d.status(), d.decidedBy(), d.decidedAt(),
                            d.approvedBy(), d.reason()))
                    .toList();
            return new ReviewSummary(detail.item(), lines);
        }).orElseGet(() -> new ReviewSummary(null, List.of()));
    }
}
