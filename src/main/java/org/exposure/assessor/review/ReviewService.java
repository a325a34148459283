package org.exposure.assessor.review;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.exposure.assessor.audit.AuditTrail;
import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.persistence.AssessmentEntity;
import org.exposure.assessor.persistence.TimeOrderedIds;
import org.exposure.assessor.review.ReviewException.Kind;
import org.exposure.assessor.screening.Screener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The review queue and its decisions. Every change locks the item's row first, so that two reviewers acting on one
 * item at once are put one after the other and each sees the other's decision; every change is recorded in the audit
 * trail in the same transaction.
 */
@ApplicationScoped
public class ReviewService {
    private static final TypeReference<List<MatchRecord>> MATCHES = new TypeReference<>() {
    };
    static final int MAX_TEXT = 4000;

    private final EntityManager em;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final Duration dismissalTtl;
    private final Screener screener;

    ReviewService(EntityManager em, AuditTrail audit, ObjectMapper mapper, AssessorConfig config, Screener screener) {
        this.screener = screener;
        this.em = em;
        this.audit = audit;
        this.mapper = mapper;
        this.dismissalTtl = config.review().dismissalTtl();
    }

    /** The queue's filters; each null means "any". */
    public record Filter(ReviewStatus status, RiskLevel level, String assignee, Duration olderThan, String ref,
                         UUID assessmentId) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReviewViews.Page queue(Filter f, int page, int size, Instant now) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (f.status() != null) {
            q.append(" and status = :status");
            p.and("status", f.status());
        }
        if (f.level() != null) {
            q.append(" and riskLevel = :level");
            p.and("level", f.level());
        }
        if (f.assignee() != null) {
            if (f.assignee().isEmpty()) {
                q.append(" and assignee is null");
            } else {
                q.append(" and assignee = :assignee");
                p.and("assignee", f.assignee());
            }
        }
        if (f.olderThan() != null) {
            q.append(" and createdAt <= :before");
            p.and("before", now.minus(f.olderThan()));
        }
        if (f.ref() != null) {
            q.append(" and ref = :ref");
            p.and("ref", f.ref());
        }
        if (f.assessmentId() != null) {
            q.append(" and assessmentId = :assessment");
            p.and("assessment", f.assessmentId());
        }
        // Oldest first: a queue is worked from its head.
        PanacheQuery<ReviewItemEntity> query = ReviewItemEntity.find(q.toString(), Sort.by("seq"), p);
        long total = query.count();
        List<ReviewViews.Item> items = query.page(page, size).list().stream().map(ReviewViews.Item::of).toList();
        return new ReviewViews.Page(items, page, size, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReviewViews.Detail detail(UUID id) {
        ReviewItemEntity item = ReviewItemEntity.<ReviewItemEntity>findByIdOptional(id)
                .orElseThrow(() -> notFound("review item " + id));
        return detail(item);
    }

    /** The review item of an assessment, if it has one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReviewViews.Item> ofAssessment(UUID assessmentId) {
        return ReviewItemEntity.<ReviewItemEntity>find("assessmentId", assessmentId).firstResultOptional()
                .map(ReviewViews.Item::of);
    }

    /** The review items of these assessments, by assessment id; those without one are absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, ReviewViews.Item> ofAssessments(Collection<UUID> assessmentIds) {
        Map<UUID, ReviewViews.Item> out = new LinkedHashMap<>();
        if (!assessmentIds.isEmpty()) {
            ReviewItemEntity.<ReviewItemEntity>list("assessmentId in ?1", assessmentIds)
                    .forEach(e -> out.put(e.assessmentId, ReviewViews.Item.of(e)));
        }
        return out;
    }

    /** Everyone who has review items assigned, by name: the queue's choice of assignee. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> assignees() {
        return em.createQuery("select distinct assignee from ReviewItemEntity where assignee is not null order by assignee",
                String.class).getResultList();
    }

    /** These review items, by id; unknown ids are absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, ReviewViews.Item> items(Collection<UUID> ids) {
        Map<UUID, ReviewViews.Item> out = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            ReviewItemEntity.<ReviewItemEntity>list("id in ?1", ids).forEach(e -> out.put(e.id, ReviewViews.Item.of(e)));
        }
        return out;
    }

    private ReviewViews.Detail detail(ReviewItemEntity item) {
        List<ReviewDecisionEntity> decisions = decisions(item.id);
        List<ReviewViews.MatchView> matches = new ArrayList<>();
        for (MatchRecord m : matches(item)) {
            ReviewDecisionEntity current = null;
            for (ReviewDecisionEntity d : decisions) {
                if (m.id().equals(d.matchId) && (d.status == DecisionStatus.IN_FORCE
                        || d.status == DecisionStatus.AWAITING_APPROVAL)) {
                    current = d;
                }
            }
            matches.add(new ReviewViews.MatchView(m, current == null ? null : ReviewViews.DecisionView.of(current)));
        }
        List<ReviewViews.CommentView> comments = ReviewCommentEntity.<ReviewCommentEntity>find("itemId", Sort.by("seq"),
                item.id).list().stream().map(ReviewViews.CommentView::of).toList();
        return new ReviewViews.Detail(ReviewViews.Item.of(item), matches,
                decisions.stream().map(ReviewViews.DecisionView::of).toList(), comments);
    }

    @Transactional
    public ReviewViews.Item assign(UUID id, String assignee, String actor) {
        ReviewItemEntity item = lock(id);
        String to = assignee == null || assignee.isBlank() ? null : text(assignee, "assignee", 200);
        Map<String, Object> before = state(item);
        item.assignee = to;
        item.updatedAt = now();
        audit.record(actor, "REVIEW_ASSIGNED", "review-item", id.toString(), before, state(item));
        return ReviewViews.Item.of(item);
    }

    @Transactional
    public ReviewViews.CommentView comment(UUID id, String text, String actor) {
        ReviewItemEntity item = lock(id);
        ReviewCommentEntity c = new ReviewCommentEntity();
        c.id = TimeOrderedIds.next();
        c.itemId = item.id;
        c.author = actor;
        c.writtenAt = now();
        c.text = text(text, "text", MAX_TEXT);
        c.persist();
        item.updatedAt = c.writtenAt;
        audit.record(actor, "REVIEW_COMMENTED", "review-item", id.toString(), null,
                Map.of("commentId", c.id.toString(), "text", c.text));
        return ReviewViews.CommentView.of(c);
    }

    /**
     * A decision on one match. A FALSE_POSITIVE on a SEVERE or BLOCKED match waits for a second reviewer; any other
     * is in force at once, and a FALSE_POSITIVE in force is remembered as a dismissal.
     */
    @Transactional
    public ReviewViews.DecisionView decideMatch(UUID id, String matchId, Decision decision, String reason, String actor) {
        ReviewItemEntity item = lock(id);
        open(item);
        if (decision == null || !decision.onMatch()) {
            throw new ReviewException(Kind.INVALID, "decision", "a decision on a match is TRUE_MATCH, FALSE_POSITIVE or"
                    + " NEEDS_INFO" + (decision == null ? "" : ", not " + decision));
        }
        MatchRecord match = matches(item).stream().filter(m -> m.id().equals(matchId)).findFirst()
                .orElseThrow(() -> notFound("match " + matchId + " of review item " + id));
        if (match.dismissal() != null) {
            throw new ReviewException(Kind.CONFLICT, null, "match " + matchId + " was already dismissed by "
                    + match.dismissal().decidedBy() + " on " + match.dismissal().dismissedAt()
                    + " and did not count in this assessment");
        }
        List<ReviewDecisionEntity> all = decisions(item.id);
        refuseWhileAwaiting(all, matchId);
        ReviewDecisionEntity previous = inForce(all, matchId);
        Map<String, Object> before = previous == null ? null : decisionState(previous, match);
        ReviewDecisionEntity d = newDecision(item, matchId, decision, reason, actor,
                ReviewPolicy.approvalRule(decision, match.severity(), item.riskLevel));
        if (d.status == DecisionStatus.IN_FORCE) {
            putInForce(item, d, all, match);
        }
        refreshStatus(item);
        audit.record(actor, "REVIEW_DECISION", "review-item", id.toString(), before, decisionState(d, match));
        return ReviewViews.DecisionView.of(d);
    }

    /**
     * A decision on the whole assessment. CLEARED needs every counted match decided (and none NEEDS_INFO); clearing
     * a SEVERE or BLOCKED assessment waits for a second reviewer.
     */
    @Transactional
    public ReviewViews.DecisionView decideAssessment(UUID id, Decision decision, String reason, String actor) {
        ReviewItemEntity item = lock(id);
        open(item);
        if (decision == null || decision.onMatch()) {
            throw new ReviewException(Kind.INVALID, "decision", "a decision on an assessment is CLEARED, ESCALATED or"
                    + " BLOCKED" + (decision == null ? "" : ", not " + decision));
        }
        List<ReviewDecisionEntity> all = decisions(item.id);
        refuseWhileAwaiting(all, null);
        if (decision == Decision.CLEARED) {
            List<String> undecided = new ArrayList<>();
            for (MatchRecord m : matches(item)) {
                if (!m.counted()) {
                    continue;
                }
                ReviewDecisionEntity in = inForce(all, m.id());
                if (in == null || in.decision == Decision.NEEDS_INFO) {
                    undecided.add(m.id());
                }
            }
            if (!undecided.isEmpty()) {
                throw new ReviewException(Kind.CONFLICT, null, "the assessment cannot be cleared while match(es) "
                        + String.join(", ", undecided) + " have no decision in force or need information");
            }
        }
        Map<String, Object> before = state(item);
        ReviewDecisionEntity d = newDecision(item, null, decision, reason, actor,
                ReviewPolicy.approvalRule(decision, null, item.riskLevel));
        if (d.status == DecisionStatus.IN_FORCE) {
            putInForce(item, d, all, null);
        }
        refreshStatus(item);
        Map<String, Object> after = decisionState(d, null);
        after.put("item", state(item));
        audit.record(actor, "REVIEW_DECISION", "review-item", id.toString(), before, after);
        return ReviewViews.DecisionView.of(d);
    }

    /** The second reviewer's answer to a decision awaiting approval; the one who proposed it may not give it. */
    @Transactional
    public ReviewViews.DecisionView approve(UUID id, UUID decisionId, boolean approved, String note, String actor) {
        ReviewItemEntity item = lock(id);
        ReviewDecisionEntity d = ReviewDecisionEntity.<ReviewDecisionEntity>findByIdOptional(decisionId)
                .filter(x -> x.itemId.equals(item.id))
                .orElseThrow(() -> notFound("decision " + decisionId + " of review item " + id));
        if (d.status != DecisionStatus.AWAITING_APPROVAL) {
            throw new ReviewException(Kind.CONFLICT, null, "decision " + decisionId + " is " + d.status
                    + ", not awaiting approval");
        }
        if (d.decidedBy.equals(actor)) {
            throw new ReviewException(Kind.FOUR_EYES, null, "four eyes: " + actor + " proposed decision " + decisionId
                    + " and cannot approve or refuse it; another reviewer must");
        }
        String cleanNote = approved ? optionalText(note, "note") : text(note, "note", MAX_TEXT);
        d.approvedBy = actor;
        d.approvedAt = now();
        d.approvalNote = cleanNote;
        MatchRecord match = d.matchId == null ? null
                : matches(item).stream().filter(m -> m.id().equals(d.matchId)).findFirst().orElse(null);
        if (approved) {
            d.status = DecisionStatus.IN_FORCE;
            putInForce(item, d, decisions(item.id), match);
        } else {
            d.status = DecisionStatus.REJECTED;
        }
        Map<String, Object> before = state(item);
        refreshStatus(item);
        Map<String, Object> after = decisionState(d, match);
        after.put("item", state(item));
        audit.record(actor, approved ? "REVIEW_APPROVED" : "REVIEW_REFUSED", "review-item", id.toString(), before, after);
        return ReviewViews.DecisionView.of(d);
    }

    /** Decisions that wait for a second reviewer and that {@code actor} may give: those proposed by someone else. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReviewViews.DecisionView> awaitingApproval(String actor) {
        return ReviewDecisionEntity.<ReviewDecisionEntity>find("status = ?1 and decidedBy <> ?2", Sort.by("seq"),
                DecisionStatus.AWAITING_APPROVAL, actor).list().stream().map(ReviewViews.DecisionView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReviewViews.DismissalView> dismissals(String partyName, boolean activeOnly, Instant now, int page, int size) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (partyName != null) {
            q.append(" and partyKey = :key");
            p.and("key", screener.partyKey(partyName));
        }
        if (activeOnly) {
            q.append(" and revokedAt is null and expiresAt > :now");
            p.and("now", now);
        }
        return DismissalEntity.<DismissalEntity>find(q.toString(), Sort.by("dismissedAt").descending(), p)
                .page(page, size).list().stream().map(ReviewViews.DismissalView::of).toList();
    }

    /** Ends a dismissal early: later matches of its party and entry count again. */
    @Transactional
    public ReviewViews.DismissalView revoke(UUID dismissalId, String reason, String actor) {
        DismissalEntity d = em.find(DismissalEntity.class, dismissalId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw notFound("dismissal " + dismissalId);
        }
        if (d.revokedAt != null) {
            throw new ReviewException(Kind.CONFLICT, null, "dismissal " + dismissalId + " was already revoked by "
                    + d.revokedBy + " on " + d.revokedAt);
        }
        Map<String, Object> before = dismissalState(d);
        d.revokedAt = now();
        d.revokedBy = actor;
        d.revokeReason = text(reason, "reason", MAX_TEXT);
        audit.record(actor, "DISMISSAL_REVOKED", "dismissal", d.id.toString(), before, dismissalState(d));
        return ReviewViews.DismissalView.of(d);
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private ReviewDecisionEntity newDecision(ReviewItemEntity item, String matchId, Decision decision, String reason,
                                             String actor, String approvalRule) {
        ReviewDecisionEntity d = new ReviewDecisionEntity();
        d.id = TimeOrderedIds.next();
        d.itemId = item.id;
        d.matchId = matchId;
        d.decision = decision;
        d.reason = text(reason, "reason", MAX_TEXT);
        d.decidedBy = actor;
        d.decidedAt = now();
        d.approvalRule = approvalRule;
        d.status = approvalRule == null ? DecisionStatus.IN_FORCE : DecisionStatus.AWAITING_APPROVAL;
        d.persist();
        return d;
    }

    /** Supersedes the decision in force on the same target, and applies {@code d}: a dismissal, an outcome. */
    private void putInForce(ReviewItemEntity item, ReviewDecisionEntity d, List<ReviewDecisionEntity> all,
                            MatchRecord match) {
        for (ReviewDecisionEntity other : all) {
            if (other != d && other.status == DecisionStatus.IN_FORCE && java.util.Objects.equals(other.matchId, d.matchId)) {
                other.status = DecisionStatus.SUPERSEDED;
            }
        }
        if (d.matchId == null) {
            item.outcome = d.decision;
        } else if (d.decision == Decision.FALSE_POSITIVE && match != null) {
            DismissalEntity x = new DismissalEntity();
            x.id = TimeOrderedIds.next();
            x.partyKey = match.partyKey();
            x.partyName = match.name();
            x.source = match.source();
            x.entryId = match.entryId();
            x.entryHash = match.entryHash();
            x.primaryName = match.primaryName();
            x.decisionId = d.id;
            x.decidedBy = d.decidedBy;
            x.approvedBy = d.approvedBy;
            x.reason = d.reason;
            x.dismissedAt = d.approvedAt != null ? d.approvedAt : d.decidedAt;
            x.expiresAt = x.dismissedAt.plus(dismissalTtl);
            x.persist();
            audit.record(d.approvedBy != null ? d.approvedBy : d.decidedBy, "DISMISSAL_CREATED", "dismissal",
                    x.id.toString(), null, dismissalState(x));
        }
    }

    private void refreshStatus(ReviewItemEntity item) {
        boolean awaiting = ReviewDecisionEntity.count("itemId = ?1 and status = ?2", item.id,
                DecisionStatus.AWAITING_APPROVAL) > 0;
        if (awaiting) {
            item.status = ReviewStatus.AWAITING_APPROVAL;
        } else if (item.outcome == Decision.CLEARED || item.outcome == Decision.BLOCKED) {
            item.status = ReviewStatus.CLOSED;
        } else if (item.outcome == Decision.ESCALATED) {
            item.status = ReviewStatus.ESCALATED;
        } else {
            item.status = ReviewStatus.OPEN;
        }
        item.updatedAt = now();
    }

    private static void refuseWhileAwaiting(List<ReviewDecisionEntity> all, String matchId) {
        for (ReviewDecisionEntity d : all) {
            if (d.status == DecisionStatus.AWAITING_APPROVAL && java.util.Objects.equals(d.matchId, matchId)) {
                throw new ReviewException(Kind.CONFLICT, null, "decision " + d.id + " on "
                        + (matchId == null ? "the assessment" : "match " + matchId) + " awaits a second reviewer's"
                        + " approval; approve or refuse it first");
            }
        }
    }

    private static ReviewDecisionEntity inForce(List<ReviewDecisionEntity> all, String matchId) {
        ReviewDecisionEntity found = null;
        for (ReviewDecisionEntity d : all) {
            if (d.status == DecisionStatus.IN_FORCE && java.util.Objects.equals(d.matchId, matchId)) {
                found = d;
            }
        }
        return found;
    }

    private static void open(ReviewItemEntity item) {
        if (item.status == ReviewStatus.CLOSED) {
            throw new ReviewException(Kind.CONFLICT, null, "review item " + item.id + " is closed (" + item.outcome
                    + "); a new assessment of the subject gets a new item");
        }
    }

    private ReviewItemEntity lock(UUID id) {
        ReviewItemEntity item = em.find(ReviewItemEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (item == null) {
            throw notFound("review item " + id);
        }
        return item;
    }

    private static List<ReviewDecisionEntity> decisions(UUID itemId) {
        return ReviewDecisionEntity.<ReviewDecisionEntity>find("itemId", Sort.by("seq"), itemId).list();
    }

    private List<MatchRecord> matches(ReviewItemEntity item) {
        AssessmentEntity a = AssessmentEntity.findById(item.assessmentId);
        if (a == null || a.matchesJson == null) {
            return List.of();
        }
        try {
            return mapper.readValue(a.matchesJson, MATCHES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored assessment " + a.id + " holds unreadable matches", e);
        }
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new ReviewException(Kind.INVALID, field, field + " is required");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new ReviewException(Kind.INVALID, field, field + " is longer than " + max + " characters");
        }
        return v;
    }

    private static String optionalText(String value, String field) {
        return value == null || value.isBlank() ? null : text(value, field, MAX_TEXT);
    }

    private static Instant now() {
        // Stored at the precision both databases keep.
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Map<String, Object> state(ReviewItemEntity item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", item.status.name());
        m.put("outcome", item.outcome == null ? null : item.outcome.name());
        m.put("assignee", item.assignee);
        return m;
    }

    private static Map<String, Object> decisionState(ReviewDecisionEntity d, MatchRecord match) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decisionId", d.id.toString());
        m.put("matchId", d.matchId);
        if (match != null) {
            m.put("party", match.name());
            m.put("entry", match.source() + " " + match.entryId());
            m.put("entryHash", match.entryHash());
            m.put("listVersion", match.listVersion());
        }
        m.put("decision", d.decision.name());
        m.put("reason", d.reason);
        m.put("decidedBy", d.decidedBy);
        m.put("status", d.status.name());
        m.put("approvalRule", d.approvalRule);
        m.put("approvedBy", d.approvedBy);
        m.put("approvalNote", d.approvalNote);
        return m;
    }

    private static Map<String, Object> dismissalState(DismissalEntity d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("party", d.partyName);
        m.put("partyKey", d.partyKey);
        m.put("entry", d.source + " " + d.entryId);
        m.put("entryHash", d.entryHash);
        m.put("decisionId", d.decisionId.toString());
        m.put("decidedBy", d.decidedBy);
        m.put("approvedBy", d.approvedBy);
        m.put("reason", d.reason);
        m.put("expiresAt", d.expiresAt.toString());
        m.put("revokedBy", d.revokedBy);
        m.put("revokeReason", d.revokeReason);
        return m;
    }

    private static ReviewException notFound(String what) {
        return new ReviewException(Kind.NOT_FOUND, null, what + " does not exist");
    }
}
