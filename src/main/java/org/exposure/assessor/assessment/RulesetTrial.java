package org.exposure.assessor.assessment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.domain.SubjectType;
import org.exposure.assessor.persistence.AssessmentEntity;
import org.exposure.assessor.persistence.AssessmentRepository;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesInForce;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What a candidate ruleset would decide on past cases, side by side with the ruleset in force: the last stored
 * assessments are made again from what they stored (their subject, the list versions they were screened against,
 * the dismissals they recorded, their day), once by each ruleset, so that only the rules differ. Nothing is stored.
 */
@ApplicationScoped
public class RulesetTrial {
    /** Most assessments one trial goes through: each is decided twice, a few milliseconds each. */
    public static final int MAX = 5000;

    /**
     * The trial's outcome.
     *
     * @param tried    how many assessments were decided by both rulesets
     * @param byRule   per rule id, how many of them it fired for with each ruleset (only rules whose count differs)
     * @param byLevel  per risk level, how many assessments are at it with each ruleset
     * @param changes  every assessment whose risk level or fired rules differ, newest first
     * @param skipped  assessments that could not be tried (a list version no longer kept), with why
     */
    public record Report(String inForce, String candidate, int tried, Map<String, Counts> byRule,
                         Map<RiskLevel, Counts> byLevel, int levelChanges, List<Change> changes, List<Skipped> skipped) {
    }

    /** A count with the ruleset in force and with the candidate. */
    public record Counts(int inForce, int candidate) {
    }

    /** One assessment that the candidate decides otherwise. */
    public record Change(UUID assessmentId, String ref, SubjectType subjectType, String subjectName,
                         RiskLevel inForceLevel, RiskLevel candidateLevel, List<String> rulesAdded,
                         List<String> rulesRemoved) {
    }

    public record Skipped(UUID assessmentId, String why) {
    }

    private final AssessmentRepository repository;
    private final AssessmentReplay replays;
    private final RulesInForce rules;

    RulesetTrial(AssessmentRepository repository, AssessmentReplay replays, RulesInForce rules) {
        this.repository = repository;
        this.replays = replays;
        this.rules = rules;
    }

    /** Tries {@code candidate} on the last {@code last} stored assessments (1 to {@link #MAX}). */
    @Transactional
    public Report run(RuleEngine candidate, int last) {
        if (last < 1 || last > MAX) {
            throw new IllegalArgumentException("last must be between 1 and " + MAX);
        }
        RuleEngine inForce = rules.current();
        List<AssessmentEntity> recent = repository.page(null, null, null, 0, last).items();
        Map<String, int[]> rules = new TreeMap<>();
        Map<RiskLevel, int[]> levels = new EnumMap<>(RiskLevel.class);
        List<Change> changes = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int tried = 0;
        int levelChanges = 0;
        for (AssessmentEntity stored : recent) {
            AssessmentReplay.Inputs in;
            try {
                in = replays.inputs(stored);
            } catch (AssessmentReplay.Unavailable e) {
                skipped.add(new Skipped(stored.id, e.getMessage()));
                continue;
            }
            AssessmentEntity now = replays.redo(in, inForce);
            AssessmentEntity then = replays.redo(in, candidate);
            tried++;
            Set<String> a = ids(now);
            Set<String> b = ids(then);
            a.forEach(id -> rules.computeIfAbsent(id, k -> new int[2])[0]++);
            b.forEach(id -> rules.computeIfAbsent(id, k -> new int[2])[1]++);
            levels.computeIfAbsent(now.riskLevel, k -> new int[2])[0]++;
            levels.computeIfAbsent(then.riskLevel, k -> new int[2])[1]++;
            if (now.riskLevel != then.riskLevel) {
                levelChanges++;
            }
            if (now.riskLevel != then.riskLevel || !a.equals(b)) {
                List<String> added = b.stream().filter(id -> !a.contains(id)).toList();
                List<String> removed = a.stream().filter(id -> !b.contains(id)).toList();
                changes.add(new Change(stored.id, stored.ref, stored.subjectType, stored.subjectName, now.riskLevel,
                        then.riskLevel, added, removed));
            }
        }
        Map<String, Counts> byRule = new TreeMap<>();
        rules.forEach((id, c) -> {
            if (c[0] != c[1]) {
                byRule.put(id, new Counts(c[0], c[1]));
            }
        });
        Map<RiskLevel, Counts> byLevel = new EnumMap<>(RiskLevel.class);
        levels.forEach((level, c) -> byLevel.put(level, new Counts(c[0], c[1])));
        return new Report(inForce.version(), candidate.version(), tried, byRule, byLevel, levelChanges,
                List.copyOf(changes), List.copyOf(skipped));
    }

    private static Set<String> ids(AssessmentEntity a) {
        return new LinkedHashSet<>(AssessmentReplay.ids(a.firedRules));
    }
}
