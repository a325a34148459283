package org.exposure.assessor.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.exposure.assessor.audit.JdbcAuditTrail;
import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.persistence.AssessmentEntity;
import org.exposure.assessor.persistence.AssessmentRepository;
import org.exposure.assessor.persistence.FiredRuleEntity;
import org.exposure.assessor.review.MatchRecord;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.screening.ScreeningIndex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Makes a stored assessment again from what it stored, and says whether the result is the same: its subject as
 * stored, screened against the list versions it names (whatever is in force now), with the dismissals it recorded,
 * decided by the ruleset version it names, on the day it was made. Every part of the result that an assessment
 * stores is compared; they must all be equal, which is what lets a reviewer show that a verdict came from the rules
 * and lists it names.
 */
@ApplicationScoped
public class AssessmentReplay {
    static final String ACTION = "ASSESSMENT_REPLAYED";

    /** What a replay found. */
    public record Result(UUID assessmentId, boolean identical, Instant assessedAt, String rulesetVersion,
                         List<String> listVersions, RiskLevel storedRiskLevel, RiskLevel replayedRiskLevel,
                         List<String> storedRules, List<String> replayedRules, int intakeWarnings,
                         List<Difference> differences) {
    }

    /** One stored part that came out otherwise: its name and both values as JSON. */
    public record Difference(String part, JsonNode stored, JsonNode replayed) {
    }

    /** The assessment cannot be replayed: what it rests on is no longer kept. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }

    private final AssessmentRepository repository;
    private final AssessmentService service;
    private final ScreeningIndex lists;
    private final RulesetVersions rulesets;
    private final JdbcAuditTrail audit;
    private final ObjectMapper mapper;
    private final SubjectJson json;

    AssessmentReplay(AssessmentRepository repository, AssessmentService service, ScreeningIndex lists,
                     RulesetVersions rulesets, JdbcAuditTrail audit, ObjectMapper mapper) {
        this.repository = repository;
        this.service = service;
        this.lists = lists;
        this.rulesets = rulesets;
        this.audit = audit;
        this.mapper = mapper;
        this.json = new SubjectJson(mapper);
    }

    /**
     * Replays one assessment and records in the audit trail who did and what came out.
     *
     * @return empty when there is no such assessment
     * @throws Unavailable its ruleset version or one of its list versions is no longer kept
     */
    @Transactional
    public Optional<Result> replay(UUID id, String actor) {
        Optional<AssessmentEntity> found = repository.findWithRules(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Result result = replay(found.get());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("identical", result.identical());
        after.put("rulesetVersion", result.rulesetVersion());
        after.put("listVersions", result.listVersions());
        after.put("differences", result.differences().stream().map(Difference::part).toList());
        audit.record(actor, ACTION, "assessment", id.toString(), null, after);
        return Optional.of(result);
    }

    /**
     * What a stored assessment was made of: its subject, the index over its list versions, its match records (with
     * the dismissals they recorded), its day.
     */
    record Inputs(Subject subject, ScreeningIndex.Snapshot snapshot, List<String> listVersions,
                  List<MatchRecord> matches, Instant at) {
    }

    /** @throws Unavailable one of its list versions is no longer kept */
    Inputs inputs(AssessmentEntity stored) {
        Set<UUID> versionIds = new HashSet<>();
        List<String> versionNames = new ArrayList<>();
        for (JsonNode v : read(stored.listVersionsJson)) {
            versionIds.add(UUID.fromString(v.get("versionId").asText()));
            versionNames.add(v.get("source").asText() + " " + v.get("versionId").asText());
        }
        ScreeningIndex.Snapshot snapshot = lists.snapshotOf(versionIds).orElseThrow(() -> new Unavailable(
                "a list version assessment " + stored.id + " was screened against is no longer kept: " + versionNames));
        List<MatchRecord> matches = stored.matchesJson == null ? List.of() : readMatches(stored.matchesJson);
        return new Inputs(json.read(stored.subjectJson), snapshot, versionNames, matches, stored.assessedAt);
    }

    /** The assessment made again from {@code in} by {@code rules}, not stored. */
    AssessmentEntity redo(Inputs in, RuleEngine rules) {
        return service.redo(in.subject(), in.snapshot(), rules, in.matches(), in.at());
    }

    Result replay(AssessmentEntity stored) {
        RuleEngine rules = rulesets.engine(stored.rulesetVersion).orElseThrow(() -> new Unavailable(
                "the ruleset version " + stored.rulesetVersion + " of assessment " + stored.id + " is not kept"));
        Inputs in = inputs(stored);
        List<String> versionNames = in.listVersions();
        AssessmentEntity again = redo(in, rules);

        List<Difference> differences = new ArrayList<>();
        compare(differences, "riskLevel", mapper.valueToTree(stored.riskLevel), mapper.valueToTree(again.riskLevel));
        compare(differences, "rulesetVersion", mapper.valueToTree(stored.rulesetVersion), mapper.valueToTree(again.rulesetVersion));
        compare(differences, "firedRules", rules(stored.firedRules), rules(again.firedRules));
        compare(differences, "matches", read(stored.matchesJson), read(again.matchesJson));
        compare(differences, "listVersions", read(stored.listVersionsJson), read(again.listVersionsJson));
        compare(differences, "screening", read(stored.screeningJson), read(again.screeningJson));
        // The stored warnings begin with those of reading the request (not stored apart, and not made again from the
        // normalised subject); the assessment's own follow them and must be the same.
        JsonNode storedWarnings = read(stored.warningsJson);
        JsonNode replayedWarnings = read(again.warningsJson);
        int intake = Math.max(0, storedWarnings.size() - replayedWarnings.size());
        ArrayNode own = mapper.createArrayNode();
        for (int i = intake; i < storedWarnings.size(); i++) {
            own.add(storedWarnings.get(i));
        }
        compare(differences, "warnings", own, replayedWarnings);
        return new Result(stored.id, differences.isEmpty(), stored.assessedAt, stored.rulesetVersion, versionNames,
                stored.riskLevel, again.riskLevel, ids(stored.firedRules), ids(again.firedRules), intake,
                List.copyOf(differences));
    }

    private static void compare(List<Difference> out, String part, JsonNode stored, JsonNode replayed) {
        if (!Objects.equals(stored, replayed)) {
            out.add(new Difference(part, stored, replayed));
        }
    }

    /** The fired rules as stored: everything but their row ids, in firing order. */
    private JsonNode rules(List<FiredRuleEntity> fired) {
        ArrayNode out = mapper.createArrayNode();
        fired.stream().sorted(Comparator.comparingInt(r -> r.position)).forEach(r -> {
            var n = out.addObject();
            n.put("ruleId", r.ruleId);
            n.put("title", r.title);
            n.put("severity", r.severity == null ? null : r.severity.name());
            n.put("legalBasis", r.legalBasis);
            n.put("explanation", r.explanation);
            n.put("remediation", r.remediation);
            n.set("evidence", read(r.evidenceJson));
        });
        return out;
    }

    /** The ids of the fired rules in firing order. */
    static List<String> ids(List<FiredRuleEntity> fired) {
        return fired.stream().sorted(Comparator.comparingInt(r -> r.position)).map(r -> r.ruleId).toList();
    }

    private JsonNode read(String text) {
        if (text == null) {
            return mapper.nullNode();
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column does not parse: " + e.getOriginalMessage(), e);
        }
    }

    private List<MatchRecord> readMatches(String text) {
        try {
            return mapper.readValue(text, new TypeReference<List<MatchRecord>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored matches do not parse: " + e.getOriginalMessage(), e);
        }
    }
}
