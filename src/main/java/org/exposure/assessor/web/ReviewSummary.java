package org.exposure.assessor.web;

import java.time.Instant;
import java.util.List;

import org.exposure.assessor.review.Decision;
import org.exposure.assessor.review.DecisionStatus;
import org.exposure.assessor.review.ReviewViews;

/**
 * Where one assessment's review stands, for showing on other pages (the assessment's own page): its review item,
 * or none when the assessment did not need one, and the decisions taken on it so far. Rendered by the template
 * fragment {@code review-summary.html}; made by {@link ReviewSummaries#of}.
 *
 * @param item      the review item, or null: the assessment did not need a review
 * @param decisions every decision so far, oldest first (superseded and refused ones too)
 */
public record ReviewSummary(ReviewViews.Item item, List<Line> decisions) {

    /** One decision: on which match ("m1") or on the assessment (null), what, where it stands, who and when. */
    public record Line(String matchId, Decision decision, DecisionStatus status, String decidedBy, Instant decidedAt,
                      String approvedBy, String reason) {
        public String target() {
            return matchId == null ? "the assessment" : "match " + matchId;
        }

        public boolean awaiting() {
            return status == DecisionStatus.AWAITING_APPROVAL;
        }
    }

    /** Whether the assessment has a review item. */
    public boolean reviewed() {
        return item != null;
    }

    /** The review item's page, or null. */
    public String link() {
        return item == null ? null : "/reviews/" + item.id();
    }

    /** How many decisions wait for a second reviewer's approval. */
    public int awaiting() {
        return (int) decisions.stream().filter(Line::awaiting).count();
    }
}
