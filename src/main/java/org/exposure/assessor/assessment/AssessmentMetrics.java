package org.exposure.assessor.assessment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.exposure.assessor.persistence.AssessmentEntity;
import org.exposure.assessor.persistence.FiredRuleEntity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The assessments' counters (docs/metrics.md): assessments by kind of subject, risk level and channel, and rule
 * firings by rule id. Counted when the transaction that stores them commits, so that a rolled-back chunk or request
 * is not counted and a chunk redone after a crash is counted once.
 */
@ApplicationScoped
public class AssessmentMetrics {
    /** The synchronous API (one subject or a list of them). */
    public static final String API = "api";
    /** An uploaded batch job. */
    public static final String BATCH = "batch";
    /** A batch job the service made after a list change. */
    public static final String RESCREEN = "rescreen";

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;
    private final Timer screening;
    private final Map<String, Counter> countersByKind = new ConcurrentHashMap<>();
    private final Map<String, Counter> firings = new ConcurrentHashMap<>();

    AssessmentMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
        // Buckets as well as the count and sum, so that a dashboard can take quantiles across instances.
        this.screening = Timer.builder("assessor.screening")
                .description("Time to screen every named party of one subject against the lists in force")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /** The screening of one subject took this long. */
    void screened(long nanos) {
        screening.record(Duration.ofNanos(nanos));
    }

    /** These assessments are being stored in the current transaction (counted once it commits), or were stored. */
    public void stored(List<AssessmentEntity> assessments, String channel) {
        if (assessments.isEmpty()) {
            return;
        }
        if (transactions.getTransactionKey() == null) {
            count(assessments, channel);
            return;
        }
        List<AssessmentEntity> copy = List.copyOf(assessments);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count(copy, channel);
                }
            }
        });
    }

    private void count(List<AssessmentEntity> assessments, String channel) {
        for (AssessmentEntity a : assessments) {
            // Looked up in a map of our own: a batch job counts a thousand assessments a second per worker, and
            // building and sorting the tags for each would cost more than the count.
            countersByKind.computeIfAbsent(a.subjectType.name() + '|' + a.riskLevel.name() + '|' + channel,
                    k -> Counter.builder("assessor.assessments")
                            .description("Assessments stored, by kind of subject, risk level and channel")
                            .tag("kind", a.subjectType.name())
                            .tag("risk_level", a.riskLevel.name())
                            .tag("channel", channel)
                            .register(registry)).increment();
            for (FiredRuleEntity r : a.firedRules) {
                firings.computeIfAbsent(r.ruleId, id -> Counter.builder("assessor.rule.firings")
                        .description("Rules fired in stored assessments, by rule id")
                        .tag("rule_id", id)
                        .register(registry)).increment();
            }
        }
    }
}
