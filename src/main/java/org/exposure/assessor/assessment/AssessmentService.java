package org.exposure.assessor.assessment;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.domain.Finding;
import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.domain.Submission;
import org.exposure.assessor.domain.Warning;
import org.exposure.assessor.persistence.AssessmentEntity;
import org.exposure.assessor.persistence.AssessmentRepository;
import org.exposure.assessor.persistence.AssessmentRepository.PageResult;
import org.exposure.assessor.persistence.AssessmentWriter;
import org.exposure.assessor.persistence.FiredRuleEntity;
import org.exposure.assessor.persistence.TimeOrderedIds;
import org.exposure.assessor.persistence.WatchedParty;
import org.exposure.assessor.review.Dismissals;
import org.exposure.assessor.review.MatchRecord;
import org.exposure.assessor.review.ReviewPolicy;
import org.exposure.assessor.rules.HsNomenclature;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesInForce;
import org.exposure.assessor.screening.ListCoverage;
import org.exposure.assessor.screening.ListsUnavailableException;
import org.exposure.assessor.screening.NamedParty;
import org.exposure.assessor.screening.Screener;
import org.exposure.assessor.screening.ScreeningIndex;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;

/** Assesses validated subjects with the loaded ruleset and stores each assessment with every fired rule. */
@ApplicationScoped
public class AssessmentService {
    private final RulesInForce inForce;
    private final HsNomenclature hs;
    private final AssessmentRepository repository;
    private final SubjectJson json;

    private final Screener screener;
    private final ScreeningIndex lists;
    private final ListCoverage coverage;
    private final DataSource dataSource;
    private final Dismissals dismissals;
    private final RiskLevel reviewLevel;
    private final AssessmentMetrics metrics;

    AssessmentService(RulesInForce inForce, HsNomenclature hs, AssessmentRepository repository, ObjectMapper mapper,
                      Screener screener, ScreeningIndex lists, ListCoverage coverage, DataSource dataSource,
                      Dismissals dismissals, AssessorConfig config, AssessmentMetrics metrics) {
        this.metrics = metrics;
        this.dataSource = dataSource;
        this.dismissals = dismissals;
        this.reviewLevel = config.review().minLevel();
        this.coverage = coverage;
        this.screener = screener;
        this.lists = lists;
        this.inForce = inForce;
        this.hs = hs;
        this.repository = repository;
        this.json = new SubjectJson(mapper);
    }

    @Transactional
    public AssessmentEntity assess(Subject subject) {
        return assess(Submission.of(subject), null);
    }

    /**
     * As {@link #assess(Subject)}, storing the intake's warnings about the subject with the assessment's own, and
     * who submitted it.
     */
    @Transactional
    public AssessmentEntity assess(Submission submission, String submittedBy) {
        AssessmentEntity entity = evaluate(submission);
        entity.submittedBy = submittedBy;
        store(List.of(entity));
        return entity;
    }

    /** All or nothing: one transaction, so that a failure part-way stores none of the batch. */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public List<AssessmentEntity> assessAll(List<Submission> submissions, String submittedBy) {
        List<AssessmentEntity> out = new ArrayList<>(submissions.size());
        for (Submission submission : submissions) {
            AssessmentEntity a = evaluate(submission);
            a.submittedBy = submittedBy;
            out.add(a);
        }
        store(out);
        return out;
    }

    /**
     * Writes with the batch jobs' JDBC writer rather than the entity session: the assessments are never changed
     * after they are stored, so Hibernate's dirty checking, cascades and per-row inserts bought nothing, and one
     * writer means every path stores the same rows. The connection is the transaction's (enlisted by Agroal).
     */
    private void store(List<AssessmentEntity> assessments) {
        try (Connection c = dataSource.getConnection()) {
            AssessmentWriter.insert(c, assessments);
            metrics.stored(assessments, AssessmentMetrics.API);
        } catch (SQLException e) {
            throw new IllegalStateException("storing " + assessments.size() + " assessment(s) failed", e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AssessmentEntity> find(UUID id) {
        return repository.findWithRules(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult page(String ref, RiskLevel riskLevel, String submittedBy, int page, int size) {
        PageResult result = repository.page(ref, riskLevel, submittedBy, page, size);
        // Load the fired rules while the session is open (batch-fetched, not one query per assessment).
        result.items().forEach(a -> a.firedRules.size());
        return result;
    }

    /** The people's search of stored assessments (see {@link AssessmentRepository.Search}), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult search(AssessmentRepository.Search search, int page, int size) {
        return repository.search(search, page, size);
    }

    /**
     * Screens and assesses one subject into an entity that is not stored yet: the batch jobs store a chunk's
     * assessments together with the chunk's other results, in the transaction that holds the chunk.
     *
     * @throws ListsUnavailableException the subject has names to screen, screening is required and no list is in
     *                                   force: it is not assessed unscreened
     */
    public AssessmentEntity evaluate(Subject subject) {
        return evaluate(Submission.of(subject));
    }

    /** As {@link #evaluate(Subject)}; the intake's warnings come first among the assessment's. */
    public AssessmentEntity evaluate(Submission submission) {
        return evaluate(submission, true);
    }

    /**
     * As {@link #evaluate(Submission)}, but its screening time is not recorded: for the start-up warm-up of the
     * batch path, whose made-up subjects must not show in the screening timer operators read.
     */
    public AssessmentEntity evaluateUnmetered(Submission submission) {
        return evaluate(submission, false);
    }

    private AssessmentEntity evaluate(Submission submission, boolean metered) {
        // One snapshot for the whole subject: the versions it reports are the ones all its names were screened in.
        // One engine for the whole assessment: a ruleset activated meanwhile decides the next one.
        return decide(submission.subject(), submission.warnings(), lists.snapshot(), inForce.current(), null, null, metered);
    }

    /**
     * A stored assessment made again from what it stored: its subject, screened against the list versions it was
     * screened against ({@code snapshot}), with the dismissals it recorded ({@code storedMatches}), decided by its
     * ruleset ({@code rules}) on its day ({@code at}). Not stored; nothing is metered.
     */
    AssessmentEntity redo(Subject subject, ScreeningIndex.Snapshot snapshot, RuleEngine rules,
                          List<MatchRecord> storedMatches, Instant at) {
        return decide(subject, List.of(), snapshot, rules, storedMatches, at, false);
    }

    /**
     * Screens and decides one subject: the one definition of an assessment, shared by new assessments and replays.
     *
     * @param storedMatches null: the dismissals remembered now apply; else the match records of a stored assessment,
     *                      whose dismissals apply as they did then
     * @param at            null: now
     */
    private AssessmentEntity decide(Subject subject, List<Warning> intakeWarnings, ScreeningIndex.Snapshot snapshot,
                                    RuleEngine rules, List<MatchRecord> storedMatches, Instant at, boolean metered) {
        // Against an empty snapshot this only counts the names: there is nothing to match.
        long screeningStart = System.nanoTime();
        Screener.Result screened = screener.screen(subject, snapshot, rules);
        if (metered) {
            metrics.screened(System.nanoTime() - screeningStart);
        }
        int names = screened.names();
        boolean unscreened = names > 0 && snapshot.empty();
        if (unscreened && coverage.required() && storedMatches == null) {
            throw new ListsUnavailableException(coverage.missing(snapshot));
        }
        Instant now = at != null ? at : Instant.now().truncatedTo(ChronoUnit.MICROS);
        // Undated payments and shipments are judged under the law of the day the assessment is made (UTC), the
        // day stored with it.
        // A match a reviewer dismissed as a false positive (and that is still the same entry) stays in the assessment
        // but not among the facts the rules see, so it raises no risk level.
        Dismissals.Applied matches = storedMatches == null ? dismissals.apply(screened.matches(), now)
                : dismissals.replay(screened.matches(), storedMatches);
        List<Finding> findings = rules.evaluate(subject, matches.counted(), now.atOffset(ZoneOffset.UTC).toLocalDate());
        List<Warning> warnings = new ArrayList<>(intakeWarnings);
        warnings.addAll(InputWarnings.of(subject, hs, rules.reference()));
        warnings.addAll(ItemListWarnings.of(subject, rules.reference()));
        warnings.addAll(InputWarnings.crossings(subject, rules.reference()));
        ScreeningOutcome outcome = ScreeningOutcome.of(RiskLevel.highestOf(findings), names,
                snapshot.versions().stream().map(v -> v.source).toList(), coverage.states(snapshot, now),
                coverage.missing(snapshot), coverage.maxAge());
        warnings.addAll(outcome.warnings());
        warnings.addAll(matches.warnings());

        AssessmentEntity a = new AssessmentEntity();
        a.id = TimeOrderedIds.next();
        a.ref = subject.ref();
        a.subjectType = subject.type();
        a.subjectName = subject.name();
        a.subjectJson = json.write(subject);
        a.riskLevel = outcome.level();
        a.warningsJson = json.writeValue(warnings);
        a.rulesetVersion = rules.version();
        a.listVersionsJson = json.writeValue(outcome.versions());
        a.screeningJson = json.writeValue(outcome.screening());
        a.matchesJson = json.writeValue(matches.records());
        // Watched with what the screening weighed: a list change is compared with the identifiers and facts too.
        a.watchedParties = screened.parties().stream()
                .map(p -> new WatchedParty(p.named() ? p.name() : "", p.type(), p.countries(), watchedFacts(p)))
                .toList();
        a.watchedEntries = matches.records().stream().map(r -> new WatchedParty.Entry(r.source(), r.entryId())).toList();
        a.reviewReasons = ReviewPolicy.reasons(!matches.counted().isEmpty(), outcome.level(), reviewLevel);
        // Stored at the precision both databases keep, so that what is returned now equals what is read later.
        a.assessedAt = now;
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            FiredRuleEntity r = new FiredRuleEntity();
            r.id = TimeOrderedIds.next();
            r.assessment = a;
            r.position = i;
            r.ruleId = f.ruleId();
            r.title = f.title();
            r.severity = f.severity();
            r.legalBasis = f.legalBasis();
            r.explanation = f.explanation();
            r.remediation = f.remediation();
            r.evidenceJson = json.writeValue(f.evidence());
            a.firedRules.add(r);
        }
        return a;
    }

    /** A party's identifiers and facts as {@code watched_party.facts_json} keeps them; null when it has none. */
    private String watchedFacts(NamedParty p) {
        ScreeningIndex.Facts f = p.allFacts();
        return f.nothing() ? null : json.writeValue(f);
    }
}
