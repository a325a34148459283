package org.exposure.assessor.screening;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.lists.ListSources;
import org.exposure.assessor.persistence.ListVersionEntity;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the screening covers: which of the sources the installation screens against ({@code assessor.lists.sources})
 * are in force in an index snapshot, how old each version is, and whether screening can be done at all. Shared by
 * the assessments, the batch workers and the readiness check, so that they all say the same.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class ListCoverage {
    private final ScreeningIndex index;
    private final List<String> expected;
    private final boolean required;
    private final Duration maxAge;

    ListCoverage(ScreeningIndex index, AssessorConfig config, ListSources importers) {
        this.index = index;
        this.expected = List.copyOf(config.lists().sources());
        for (String source : expected) {
            if (importers.parts(source).isEmpty()) {
                throw new IllegalArgumentException("assessor.lists.sources: no list source " + source + "; known sources: "
                        + String.join(", ", importers.sources()));
            }
        }
        this.required = config.lists().required();
        this.maxAge = config.lists().maxAge();
    }

    /**
     * One source: its version in the snapshot (null when none is in force), that version's age and whether it is
     * older than {@code assessor.lists.max-age}.
     */
    public record SourceState(String source, ListVersionEntity version, Duration age, boolean stale) {
    }

    public boolean required() {
        return required;
    }

    public Duration maxAge() {
        return maxAge;
    }

    /** The sources screened against, as configured. */
    public List<String> expected() {
        return expected;
    }

    /** The expected sources with no version in the snapshot. */
    public List<String> missing(ScreeningIndex.Snapshot snapshot) {
        List<String> out = new ArrayList<>();
        for (String source : expected) {
            if (snapshot.versions().stream().noneMatch(v -> v.source.equals(source))) {
                out.add(source);
            }
        }
        return out;
    }

    /** Each expected source and each other source in force, in that order, as of {@code now}. */
    public List<SourceState> states(ScreeningIndex.Snapshot snapshot, Instant now) {
        Map<String, SourceState> out = new LinkedHashMap<>();
        for (String source : expected) {
            out.put(source, new SourceState(source, null, null, false));
        }
        for (ListVersionEntity v : snapshot.versions()) {
            out.put(v.source, new SourceState(v.source, v, age(v, now), stale(v, now)));
        }
        return List.copyOf(out.values());
    }

    /** Whether a version is older than assessor.lists.max-age, as of {@code now}. */
    public boolean stale(ListVersionEntity v, Instant now) {
        return age(v, now).compareTo(maxAge) > 0;
    }

    /** A version's age: from the publisher's date where the file gives one, else from its import. */
    public static Duration age(ListVersionEntity v, Instant now) {
        Instant from = v.publishedAt != null ? v.publishedAt : v.importedAt;
        Duration age = Duration.between(from, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /**
     * Why subjects with names cannot be assessed now, if they cannot: screening is required and no list at all is
     * in force in the index.
     */
    public Optional<String> blocked() {
        ScreeningIndex.Snapshot s = index.snapshot();
        if (!required || !s.empty()) {
            return Optional.empty();
        }
        return Optional.of("no sanctions list is in force" + (expected.isEmpty() ? ""
                : " (" + String.join(", ", expected) + " not loaded)") + "; waiting for a download, an upload or "
                + "assessor.lists.dir");
    }
}
