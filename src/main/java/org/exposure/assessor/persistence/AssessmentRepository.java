package org.exposure.assessor.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.exposure.assessor.domain.RiskLevel;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<AssessmentEntity, UUID> {

    public Optional<AssessmentEntity> findWithRules(UUID id) {
        return find("from AssessmentEntity a left join fetch a.firedRules where a.id = ?1", id).singleResultOptional();
    }

    /** A page of assessments, newest first, filtered by ref, risk level and submitter when given. */
    public PageResult page(String ref, RiskLevel riskLevel, String submittedBy, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (ref != null) {
            where.append(" and ref = :ref");
            params.put("ref", ref);
        }
        if (riskLevel != null) {
            where.append(" and riskLevel = :riskLevel");
            params.put("riskLevel", riskLevel);
        }
        if (submittedBy != null) {
            where.append(" and submittedBy = :submittedBy");
            params.put("submittedBy", submittedBy);
        }
        PanacheQuery<AssessmentEntity> query = find(where.toString(), Sort.descending("seq"), params)
                .page(Page.of(page, size));
        return new PageResult(query.list(), query.count());
    }

    /**
     * What the people's search of stored assessments asks for; each null (or false) means "any".
     *
     * @param ref          the ref, exactly, or its beginning when {@code refPrefix}
     * @param name         part of the subject's name, in any case
     * @param assessedFrom the first instant included
     * @param assessedTo   the first instant no longer included
     * @param reviewStatus {@link #NO_REVIEW} (assessments without a review item), or a review item's status as stored
     *                     (OPEN, AWAITING_APPROVAL, ESCALATED, CLOSED)
     */
    public record Search(String ref, boolean refPrefix, String name, RiskLevel riskLevel, Instant assessedFrom,
                         Instant assessedTo, String reviewStatus, String submittedBy) {
    }

    /** {@link Search#reviewStatus()}: the assessments that did not need a review. */
    public static final String NO_REVIEW = "NONE";

    /**
     * A page of assessments, newest first, found by {@link Search}. SQL rather than JPQL because the review status
     * is the review item's, a table this layer writes (AssessmentWriter) but whose entity belongs to the review
     * package above it; written for both H2 and PostgreSQL (LIKE with an explicit escape, LOWER on both sides, the
     * instants bound as UTC offsets as the writer stores them).
     */
    @SuppressWarnings("unchecked")
    public PageResult search(Search s, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (s.ref() != null) {
            if (s.refPrefix()) {
                where.append(" AND a.ref LIKE :ref ESCAPE '!'");
                params.put("ref", likeEscaped(s.ref()) + "%");
            } else {
                where.append(" AND a.ref = :ref");
                params.put("ref", s.ref());
            }
        }
        if (s.name() != null) {
            where.append(" AND LOWER(a.subject_name) LIKE :name ESCAPE '!'");
            params.put("name", "%" + likeEscaped(s.name().toLowerCase(Locale.ROOT)) + "%");
        }
        if (s.riskLevel() != null) {
            where.append(" AND a.risk_level = :level");
            params.put("level", s.riskLevel().name());
        }
        if (s.assessedFrom() != null) {
            where.append(" AND a.assessed_at >= :from");
            params.put("from", s.assessedFrom().atOffset(ZoneOffset.UTC));
        }
        if (s.assessedTo() != null) {
            where.append(" AND a.assessed_at < :to");
            params.put("to", s.assessedTo().atOffset(ZoneOffset.UTC));
        }
        if (s.submittedBy() != null) {
            where.append(" AND a.submitted_by = :submittedBy");
            params.put("submittedBy", s.submittedBy());
        }
        String from = " FROM assessment a";
        if (s.reviewStatus() != null) {
            // At most one review item per assessment (unique assessment_id): the join adds no rows.
            from += " LEFT JOIN review_item r ON r.assessment_id = a.id";
            if (NO_REVIEW.equals(s.reviewStatus())) {
                where.append(" AND r.id IS NULL");
            } else {
                where.append(" AND r.status = :reviewStatus");
                params.put("reviewStatus", s.reviewStatus());
            }
        }
        Query rows = getEntityManager().createNativeQuery("SELECT a.*" + from + where + " ORDER BY a.seq DESC",
                AssessmentEntity.class);
        Query count = getEntityManager().createNativeQuery("SELECT COUNT(*)" + from + where);
        params.forEach((k, v) -> {
            rows.setParameter(k, v);
            count.setParameter(k, v);
        });
        rows.setFirstResult(page * size).setMaxResults(size);
        List<AssessmentEntity> items = rows.getResultList();
        return new PageResult(items, ((Number) count.getSingleResult()).longValue());
    }

    /** The text with LIKE's wildcards and the escape character itself taken literally (escape: '!'). */
    static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    public record PageResult(List<AssessmentEntity> items, long total) {
    }
}
