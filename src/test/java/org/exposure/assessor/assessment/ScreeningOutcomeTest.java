package org.exposure.assessor.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.domain.Warning;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.exposure.assessor.screening.ListCoverage.SourceState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What an assessment says about its screening, case by case: status, warnings, risk floor, versions. */
class ScreeningOutcomeTest {
    private static final Duration MAX_AGE = Duration.ofDays(7);
    private static final Instant IMPORTED = Instant.parse("2026-11-30T08:00:00Z");

    private static ListVersionEntity version(String source, Instant publishedAt) {
        ListVersionEntity v = new ListVersionEntity();
        v.id = UUID.nameUUIDFromBytes(source.getBytes());
        v.source = source;
        v.contentHash = "sha256:" + source;
        v.publishedAt = publishedAt;
        v.importedAt = IMPORTED;
        return v;
    }

    private static SourceState inForce(String source, Duration age) {
        return new SourceState(source, version(source, null), age, age.compareTo(MAX_AGE) > 0);
    }

    private static SourceState notLoaded(String source) {
        return new SourceState(source, null, null, false);
    }

    static Stream<Arguments> cases() {
        SourceState sdn = inForce("OFAC-SDN", Duration.ofHours(30));
        SourceState oldUn = inForce("UN", Duration.ofDays(9).plusHours(3));
        return Stream.of(
                // what, findings level, names, in force, states, missing -> status, level, warning codes
                Arguments.of("all sources fresh", RiskLevel.LOW, 2, List.of("OFAC-SDN"), List.of(sdn), List.of(),
                        "SCREENED", RiskLevel.LOW, List.of()),
                Arguments.of("nothing to screen (goods without end user) stays CLEAR even with no list", RiskLevel.CLEAR, 0,
                        List.of(), List.of(notLoaded("OFAC-SDN")), List.of("OFAC-SDN"),
                        "NOTHING_TO_SCREEN", RiskLevel.CLEAR, List.of("LISTS_NOT_LOADED")),
                Arguments.of("names but no list in force: NOT_SCREENED and held at MEDIUM", RiskLevel.LOW, 3,
                        List.of(), List.of(notLoaded("OFAC-SDN"), notLoaded("UN")), List.of("OFAC-SDN", "UN"),
                        "NOT_SCREENED", RiskLevel.MEDIUM, List.of("LISTS_NOT_LOADED", "SCREENING_NOT_PERFORMED")),
                Arguments.of("the floor never lowers a higher level", RiskLevel.BLOCKED, 1,
                        List.of(), List.of(notLoaded("OFAC-SDN")), List.of("OFAC-SDN"),
                        "NOT_SCREENED", RiskLevel.BLOCKED, List.of("LISTS_NOT_LOADED", "SCREENING_NOT_PERFORMED")),
                Arguments.of("one source stale, one missing: screened against what is in force, both named", RiskLevel.CLEAR, 1,
                        List.of("OFAC-SDN", "UN"), List.of(sdn, notLoaded("US-CSL"), oldUn), List.of("US-CSL"),
                        "SCREENED", RiskLevel.CLEAR, List.of("LIST_STALE", "LISTS_NOT_LOADED")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outcome(String what, RiskLevel findings, int names, List<String> inForce, List<SourceState> states,
                 List<String> missing, String status, RiskLevel level, List<String> warnings) {
        ScreeningOutcome out = ScreeningOutcome.of(findings, names, inForce, states, missing, MAX_AGE);

        assertThat(out.screening().get("status")).isEqualTo(status);
        assertThat(out.level()).isEqualTo(level);
        assertThat(out.warnings()).extracting(Warning::code).containsExactlyElementsOf(warnings);
        assertThat(out.screening()).containsEntry("names", names).containsEntry("sources", inForce)
                .containsEntry("missingSources", missing);
        assertThat(out.versions()).extracting(v -> v.get("source"))
                .containsExactlyElementsOf(states.stream().filter(s -> s.version() != null).map(SourceState::source).toList());
    }

    @Test
    @DisplayName("a stale version is named with its age, where the age is counted from, and the limit")
    void staleMessageAndVersionEntry() {
        ListVersionEntity published = version("UN", Instant.parse("2026-11-20T00:00:00Z"));
        SourceState un = new SourceState("UN", published, Duration.ofDays(12).plusMinutes(90).plusSeconds(5), true);

        ScreeningOutcome out = ScreeningOutcome.of(RiskLevel.CLEAR, 1, List.of("UN"), List.of(un), List.of(), MAX_AGE);

        assertThat(out.warnings()).singleElement().satisfies(w -> assertThat(w.message()).isEqualTo(
                "UN version " + published.id + " is 12 days old (from its publication), older than assessor.lists.max-age (7 days)"));
        assertThat(out.screening().get("staleSources")).isEqualTo(List.of("UN"));
        Map<String, Object> v = out.versions().get(0);
        assertThat(v).containsEntry("age", "PT289H30M").containsEntry("ageDays", 12L).containsEntry("stale", true)
                .containsEntry("publishedAt", "2026-11-20T00:00:00Z").containsEntry("importedAt", IMPORTED.toString())
                .containsEntry("contentHash", "sha256:UN");
    }

    @Test
    @DisplayName("a missing source's warning says names went unscreened against it only when there were names")
    void missingMessage() {
        assertThat(ScreeningOutcome.of(RiskLevel.CLEAR, 2, List.of("UN"), List.of(), List.of("OFAC-SDN"), MAX_AGE)
                .warnings().get(0).message()).isEqualTo("no version in force of OFAC-SDN: names were not screened against it");
        assertThat(ScreeningOutcome.of(RiskLevel.CLEAR, 0, List.of("UN"), List.of(), List.of("OFAC-SDN", "US-CSL"), MAX_AGE)
                .warnings().get(0).message()).isEqualTo("no version in force of OFAC-SDN, US-CSL");
    }
}
