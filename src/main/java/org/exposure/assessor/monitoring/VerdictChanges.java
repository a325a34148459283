package org.exposure.assessor.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.persistence.AssessmentEntity;
import org.exposure.assessor.persistence.FiredRuleEntity;
import org.exposure.assessor.review.ReviewPolicy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Compares the re-assessments of a chunk with the assessments they supersede, and turns every verdict that changed
 * into an event of the changes feed. A verdict is the risk level and the list findings (the fired LIST-... rules,
 * each for a party and a list entry); a subject whose level and list findings are the same makes no event, whatever
 * else was computed again. A rise also puts the new assessment in the review queue, whatever the review threshold.
 * Everything happens on the chunk's connection, so the events, the assessments and their review items are
 * committed together or not at all.
 */
@ApplicationScoped
public class VerdictChanges {
    private final ObjectMapper mapper;

    VerdictChanges(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A list finding: a LIST-... rule that fired for a party about a list entry. */
    record ListFinding(String ruleId, String path, String party, String source, String entryId, String primaryName,
                       Double score) {
        /**
         * What makes two findings the same: the rule, the party and the entry, by its id and name but not its
         * source, because the Consolidated Screening List repeats the SDN's entries under the same id, and which of
         * the two equal matches a rule reports can change with nothing listed having changed.
         */
        String key() {
            return ruleId + "\u0000" + path + "\u0000" + entryId + "\u0000"
                    + (primaryName == null ? "" : primaryName.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** A stored verdict: what the comparison needs of an assessment. */
    record Verdict(UUID id, String ref, String subjectType, String subjectName, RiskLevel level, String assessedAt,
                   List<String> rules, Map<String, ListFinding> listFindings) {
    }

    /** A verdict that changed, waiting for its new assessment to be stored. */
    public record Change(AssessmentEntity assessment, Verdict before, Verdict after, String type) {
    }

    /**
     * The re-assessments among {@code assessments} whose verdict changed, compared with the stored assessments they
     * supersede; each rise is marked for review (before the assessments are written, which writes the queue item).
     */
    public List<Change> compare(Connection c, List<AssessmentEntity> assessments) throws SQLException {
        List<UUID> superseded = new ArrayList<>();
        for (AssessmentEntity a : assessments) {
            if (a.supersedes != null) {
                superseded.add(a.supersedes);
            }
        }
        if (superseded.isEmpty()) {
            return List.of();
        }
        Map<UUID, Verdict> before = stored(c, superseded);
        List<Change> out = new ArrayList<>();
        for (AssessmentEntity a : assessments) {
            Verdict old = a.supersedes == null ? null : before.get(a.supersedes);
            if (old == null) {
                continue;
            }
            Verdict now = verdict(a);
            String type = type(old, now);
            if (type == null) {
                continue;
            }
            if (type.equals(ChangeEvent.RISK_RAISED)) {
                a.reviewReasons = ReviewPolicy.withRise(a.reviewReasons);
            }
            out.add(new Change(a, old, now, type));
        }
        return out;
    }

    /** The type of event a change of verdict makes, or null when the verdict did not change. */
    static String type(Verdict before, Verdict after) {
        int c = after.level().compareTo(before.level());
        if (c > 0) {
            return ChangeEvent.RISK_RAISED;
        }
        if (c < 0) {
            return ChangeEvent.RISK_LOWERED;
        }
        return before.listFindings().keySet().equals(after.listFindings().keySet()) ? null
                : ChangeEvent.LIST_FINDINGS_CHANGED;
    }

    /**
     * Appends the events of changes whose assessments are now written, on the same connection.
     *
     * @param cause what made the re-assessments (the list changes), repeated in every event
     */
    public List<ChangeEvent> append(Connection c, List<Change> changes, JsonNode cause) throws SQLException {
        if (changes.isEmpty()) {
            return List.of();
        }
        Map<UUID, UUID> items = reviewItems(c, changes.stream().map(ch -> ch.assessment().id).toList());
        List<ChangeFeed.NewEvent> events = new ArrayList<>(changes.size());
        for (Change ch : changes) {
            ObjectNode p = mapper.createObjectNode();
            ObjectNode subject = p.putObject("subject");
            subject.put("ref", ch.after().ref());
            subject.put("type", ch.after().subjectType());
            subject.put("name", ch.after().subjectName());
            p.set("previous", view(ch.before()));
            p.set("current", view(ch.after()));
            p.set("listFindingsAdded", diff(ch.after(), ch.before()));
            p.set("listFindingsRemoved", diff(ch.before(), ch.after()));
            UUID item = items.get(ch.assessment().id);
            if (item != null) {
                p.put("reviewItemId", item.toString());
            } else {
                p.putNull("reviewItemId");
            }
            if (cause != null) {
                p.set("cause", cause);
            }
            events.add(new ChangeFeed.NewEvent(ch.type(), ch.assessment().id, ch.before().id(), ch.after().ref(), p));
        }
        return ChangeFeed.append(c, events);
    }

    private ObjectNode view(Verdict v) {
        ObjectNode n = mapper.createObjectNode();
        n.put("assessmentId", v.id().toString());
        n.put("riskLevel", v.level().name());
        n.put("assessedAt", v.assessedAt());
        ArrayNode rules = n.putArray("rules");
        v.rules().forEach(rules::add);
        ArrayNode findings = n.putArray("listFindings");
        v.listFindings().values().forEach(f -> findings.add(finding(f)));
        return n;
    }

    private ArrayNode diff(Verdict in, Verdict notIn) {
        ArrayNode out = mapper.createArrayNode();
        for (Map.Entry<String, ListFinding> f : in.listFindings().entrySet()) {
            if (!notIn.listFindings().containsKey(f.getKey())) {
                out.add(finding(f.getValue()));
            }
        }
        return out;
    }

    private ObjectNode finding(ListFinding f) {
        ObjectNode n = mapper.createObjectNode();
        n.put("ruleId", f.ruleId());
        n.put("path", f.path());
        n.put("party", f.party());
        n.put("list", f.source());
        n.put("entryId", f.entryId());
        n.put("primaryName", f.primaryName());
        if (f.score() != null) {
            n.put("score", f.score());
        }
        return n;
    }

    private Verdict verdict(AssessmentEntity a) {
        List<String> rules = new ArrayList<>();
        Map<String, ListFinding> findings = new LinkedHashMap<>();
        for (FiredRuleEntity r : a.firedRules) {
            rules.add(r.ruleId);
            addFinding(findings, r.ruleId, r.evidenceJson);
        }
        return new Verdict(a.id, a.ref, a.subjectType.name(), a.subjectName, a.riskLevel, a.assessedAt.toString(),
                rules, findings);
    }

    private Map<UUID, Verdict> stored(Connection c, List<UUID> ids) throws SQLException {
        Map<UUID, Verdict> out = new HashMap<>();
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT id, ref, subject_type, subject_name, risk_level, "
                + "assessed_at FROM assessment WHERE id IN (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setObject(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    out.put(id, new Verdict(id, rs.getString(2), rs.getString(3), rs.getString(4),
                            RiskLevel.valueOf(rs.getString(5)),
                            rs.getObject(6, OffsetDateTime.class).toInstant().toString(), new ArrayList<>(),
                            new LinkedHashMap<>()));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT assessment_id, rule_id, evidence_json FROM fired_rule "
                + "WHERE assessment_id IN (" + marks + ") ORDER BY assessment_id, position")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setObject(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Verdict v = out.get(rs.getObject(1, UUID.class));
                    v.rules().add(rs.getString(2));
                    addFinding(v.listFindings(), rs.getString(2), rs.getString(3));
                }
            }
        }
        return out;
    }

    /** A LIST-... rule's finding, named by its evidence: the party's path and name and the list entry. */
    private void addFinding(Map<String, ListFinding> findings, String ruleId, String evidenceJson) {
        if (!ruleId.startsWith("LIST-")) {
            return;
        }
        JsonNode e;
        try {
            e = mapper.readTree(evidenceJson);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("the stored evidence of " + ruleId + " is not JSON", ex);
        }
        JsonNode m = e.path("match");
        ListFinding f = new ListFinding(ruleId, e.path("path").asText(null), e.path("name").asText(null),
                m.path("list").asText(null), m.path("entryId").asText(null), m.path("primaryName").asText(null),
                m.has("score") ? m.get("score").asDouble() : null);
        findings.put(f.key(), f);
    }

    private static Map<UUID, UUID> reviewItems(Connection c, List<UUID> assessments) throws SQLException {
        Map<UUID, UUID> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT assessment_id, id FROM review_item WHERE assessment_id IN ("
                + String.join(", ", Collections.nCopies(assessments.size(), "?")) + ")")) {
            for (int i = 0; i < assessments.size(); i++) {
                ps.setObject(i + 1, assessments.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                }
            }
        }
        return out;
    }
}
