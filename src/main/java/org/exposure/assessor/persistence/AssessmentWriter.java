package org.exposure.assessor.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes assessments and their fired rules with JDBC batches, for the batch jobs: a chunk's thousand assessments
 * are written without an entity session's bookkeeping, on the connection (and in the transaction) that holds the
 * chunk. The rows are the same as those Hibernate writes for {@link AssessmentEntity}, so every assessment reads
 * back the same way whichever path stored it.
 */
public final class AssessmentWriter {
    private AssessmentWriter() {
    }

    public static void insert(Connection c, List<AssessmentEntity> assessments) throws SQLException {
        if (assessments.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO assessment (id, ref, subject_type, subject_name, subject_json, "
                + "risk_level, warnings_json, ruleset_version, list_versions_json, assessed_at, screening_json, matches_json, "
                + "submitted_by, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AssessmentEntity a : assessments) {
                ps.setObject(1, a.id);
                ps.setString(2, a.ref);
                ps.setString(3, a.subjectType.name());
                ps.setString(4, a.subjectName);
                ps.setString(5, a.subjectJson);
                ps.setString(6, a.riskLevel.name());
                ps.setString(7, a.warningsJson);
                ps.setString(8, a.rulesetVersion);
                ps.setString(9, a.listVersionsJson);
                ps.setObject(10, a.assessedAt.atOffset(ZoneOffset.UTC));
                ps.setString(11, a.screeningJson);
                ps.setString(12, a.matchesJson);
                ps.setString(13, a.submittedBy);
                ps.setObject(14, a.supersedes);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO fired_rule (id, assessment_id, position, rule_id, title, "
                + "severity, legal_basis, explanation, remediation, evidence_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (AssessmentEntity a : assessments) {
                for (FiredRuleEntity r : a.firedRules) {
                    ps.setObject(1, r.id);
                    ps.setObject(2, a.id);
                    ps.setInt(3, r.position);
                    ps.setString(4, r.ruleId);
                    ps.setString(5, r.title);
                    ps.setString(6, r.severity.name());
                    ps.setString(7, r.legalBasis);
                    ps.setString(8, r.explanation);
                    ps.setString(9, r.remediation);
                    ps.setString(10, r.evidenceJson);
                    ps.addBatch();
                    if (++pending == 1000) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        insertReviewItems(c, assessments);
        insertWatched(c, assessments);
    }

    /**
     * The parties and matched entries of each assessment, for the index a list change is compared with. Rows of the
     * subject's earlier assessments go first: those of the same ref, and those of the assessment superseded. An
     * earlier assessment stored by a transaction that commits after this one keeps its rows until the scan finds
     * it is no longer the latest (see the monitoring package); the scan checks that for every party it keeps.
     */
    private static void insertWatched(Connection c, List<AssessmentEntity> assessments) throws SQLException {
        Set<String> refs = new LinkedHashSet<>();
        Set<Object> superseded = new LinkedHashSet<>();
        for (AssessmentEntity a : assessments) {
            if (a.ref != null) {
                refs.add(a.ref);
            }
            if (a.supersedes != null) {
                superseded.add(a.supersedes);
            }
        }
        // One statement per 500 keys rather than one per assessment: most refs of a chunk were never stored before,
        // and a statement per ref made a batch job about 10 % slower on PostgreSQL (bench/README.md, WatchBench).
        deleteWhereIn(c, "ref", new ArrayList<>(refs));
        deleteWhereIn(c, "assessment_id", new ArrayList<>(superseded));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO watched_party (assessment_id, position, ref, name, "
                + "entity_type, countries, facts_json) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (AssessmentEntity a : assessments) {
                for (int i = 0; i < a.watchedParties.size(); i++) {
                    WatchedParty p = a.watchedParties.get(i);
                    ps.setObject(1, a.id);
                    ps.setInt(2, i);
                    ps.setString(3, a.ref);
                    ps.setString(4, p.name() == null ? "" : p.name());
                    ps.setString(5, p.entityType());
                    ps.setString(6, p.countriesColumn());
                    ps.setString(7, p.factsJson());
                    ps.addBatch();
                    if (++pending == 1000) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO watched_match (assessment_id, source, entry_id) "
                + "VALUES (?, ?, ?)")) {
            int pending = 0;
            for (AssessmentEntity a : assessments) {
                for (WatchedParty.Entry e : new LinkedHashSet<>(a.watchedEntries)) {
                    ps.setObject(1, a.id);
                    ps.setString(2, e.source());
                    ps.setString(3, e.entryId());
                    ps.addBatch();
                    pending++;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /**
     * The review item of each assessment that needs one, in the same transaction as the assessment: an assessment
     * that should be reviewed is never stored without its place in the queue.
     */
    private static void insertReviewItems(Connection c, List<AssessmentEntity> assessments) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_item (id, assessment_id, ref, subject_name, "
                + "risk_level, reasons, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)")) {
            int pending = 0;
            for (AssessmentEntity a : assessments) {
                if (a.reviewReasons == null) {
                    continue;
                }
                ps.setObject(1, TimeOrderedIds.next());
                ps.setObject(2, a.id);
                ps.setString(3, a.ref);
                ps.setString(4, a.subjectName);
                ps.setString(5, a.riskLevel.name());
                ps.setString(6, a.reviewReasons);
                ps.setObject(7, a.assessedAt.atOffset(ZoneOffset.UTC));
                ps.setObject(8, a.assessedAt.atOffset(ZoneOffset.UTC));
                ps.addBatch();
                pending++;
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    private static void deleteWhereIn(Connection c, String column, List<?> keys) throws SQLException {
        for (int from = 0; from < keys.size(); from += 500) {
            List<?> part = keys.subList(from, Math.min(keys.size(), from + 500));
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM watched_party WHERE " + column + " IN ("
                    + String.join(", ", Collections.nCopies(part.size(), "?")) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setObject(i + 1, part.get(i));
                }
                ps.executeUpdate();
            }
        }
    }
}
