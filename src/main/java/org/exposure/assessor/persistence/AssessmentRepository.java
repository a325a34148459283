package org.exposure.assessor.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.exposure.assessor.domain.RiskLevel;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

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

    public record PageResult(List<AssessmentEntity> items, long total) {
    }
}
