package org.exposure.assessor.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.domain.RiskLevel;

/** What the review API returns. */
public final class ReviewViews {
    private ReviewViews() {
    }

    @Schema(name = "ReviewItem", description = "An assessment in the review queue.")
    public record Item(UUID id, UUID assessmentId, String ref, String subjectName, RiskLevel riskLevel,
                       @Schema(description = "Why it is in the queue: LIST_MATCH (a list match counted), RISK_LEVEL (at or above assessor.review.min-level), RISK_RAISED (a list change raised the level of a stored subject).")
                       List<String> reasons,
                       ReviewStatus status,
                       @Schema(description = "The assessment decision in force, if any.")
                       Decision outcome,
                       String assignee, Instant createdAt, Instant updatedAt) {
        static Item of(ReviewItemEntity e) {
            return new Item(e.id, e.assessmentId, e.ref, e.subjectName, e.riskLevel, List.of(e.reasons.split(",")),
                    e.status, e.outcome, e.assignee, e.createdAt, e.updatedAt);
        }
    }

    @Schema(name = "ReviewDecision", description = "A reviewer's decision, on one match (matchId) or on the assessment.")
    public record DecisionView(UUID id, UUID itemId,
                               @Schema(description = "The match decided on; absent for a decision on the assessment.")
                               String matchId,
                               Decision decision, String reason, String decidedBy, Instant decidedAt,
                               DecisionStatus status,
                               @Schema(description = "Why a second reviewer must approve it; absent when none must.")
                               String approvalRule,
                               @Schema(description = "The second reviewer, who approved (IN_FORCE) or refused (REJECTED) it.")
                               String approvedBy, Instant approvedAt, String approvalNote) {
        static DecisionView of(ReviewDecisionEntity d) {
            return new DecisionView(d.id, d.itemId, d.matchId, d.decision, d.reason, d.decidedBy, d.decidedAt, d.status,
                    d.approvalRule, d.approvedBy, d.approvedAt, d.approvalNote);
        }
    }

    @Schema(name = "ReviewComment")
    public record CommentView(UUID id, String author, Instant writtenAt, String text) {
        static CommentView of(ReviewCommentEntity c) {
            return new CommentView(c.id, c.author, c.writtenAt, c.text);
        }
    }

    @Schema(name = "ReviewMatch", description = "A list match of the assessment with the decision in force on it.")
    public record MatchView(MatchRecord match,
                            @Schema(description = "The decision in force on this match, or the one awaiting approval; absent when undecided.")
                            DecisionView decision) {
    }

    @Schema(name = "ReviewItemDetail", description = "A review item with its matches, every decision (newest last) and the comments.")
    public record Detail(Item item, List<MatchView> matches, List<DecisionView> decisions, List<CommentView> comments) {
    }

    @Schema(name = "Dismissal", description = "A remembered FALSE_POSITIVE: later matches of the same party name and entry with the same content do not count until it expires or is revoked.")
    public record DismissalView(UUID id, String partyName, String partyKey, String source, String entryId,
                                String entryHash, String primaryName, UUID decisionId, String decidedBy,
                                String approvedBy, String reason, Instant dismissedAt, Instant expiresAt,
                                Instant revokedAt, String revokedBy, String revokeReason) {
        static DismissalView of(DismissalEntity d) {
            return new DismissalView(d.id, d.partyName, d.partyKey, d.source, d.entryId, d.entryHash, d.primaryName,
                    d.decisionId, d.decidedBy, d.approvedBy, d.reason, d.dismissedAt, d.expiresAt, d.revokedAt,
                    d.revokedBy, d.revokeReason);
        }
    }

    @Schema(name = "ReviewPage")
    public record Page(List<Item> items, int page, int size, long total) {
    }
}
