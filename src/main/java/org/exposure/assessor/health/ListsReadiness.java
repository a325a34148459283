package org.exposure.assessor.health;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.exposure.assessor.screening.ListCoverage;
import org.exposure.assessor.screening.ScreeningIndex;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Readiness of the screening: DOWN while screening is required and the index holds no list at all (an instance
 * that would refuse every subject with a name should get no traffic). Shows each source's version and age as the
 * index holds them, which is what assessments use, and the sources configured but not loaded or stale.
 */
@Readiness
@ApplicationScoped
public class ListsReadiness implements HealthCheck {
    private final ScreeningIndex index;
    private final ListCoverage coverage;

    ListsReadiness(ScreeningIndex index, ListCoverage coverage) {
        this.index = index;
        this.coverage = coverage;
    }

    @Override
    public HealthCheckResponse call() {
        ScreeningIndex.Snapshot snapshot = index.snapshot();
        HealthCheckResponseBuilder out = HealthCheckResponse.named("sanctions-lists");
        Instant now = Instant.now();
        for (ListCoverage.SourceState s : coverage.states(snapshot, now)) {
            ListVersionEntity v = s.version();
            out.withData(s.source(), v == null ? "not loaded"
                    : "version " + v.id + ", " + v.entryCount + " entries, "
                    + (v.publishedAt != null ? "published " + v.publishedAt.truncatedTo(ChronoUnit.SECONDS) + ", " : "")
                    + "imported " + v.importedAt.truncatedTo(ChronoUnit.SECONDS) + ", age "
                    + s.age().truncatedTo(ChronoUnit.MINUTES) + (s.stale() ? " (STALE: older than " + coverage.maxAge() + ")" : ""));
        }
        out.withData("required", coverage.required());
        if (!coverage.missing(snapshot).isEmpty()) {
            out.withData("missing", String.join(", ", coverage.missing(snapshot)));
        }
        boolean up = !(coverage.required() && snapshot.empty());
        return out.status(up).build();
    }
}
