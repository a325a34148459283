package org.exposure.assessor.assessment;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.domain.Warning;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.exposure.assessor.screening.ListCoverage.SourceState;

/**
 * What an assessment says about its own screening, worked out from what the screening covered: the list versions
 * used with their ages, the warnings (a stale version, a source not loaded, names not screened), the screening's
 * status, and the risk level once an unscreened subject is held at {@link #UNSCREENED_FLOOR}. Nothing here reads a
 * clock, the database or the configuration, so each case can be checked alone.
 *
 * @param level    the risk level of the findings, raised to the floor when names went unscreened
 * @param warnings the coverage warnings, in the order: LIST_STALE per source, LISTS_NOT_LOADED, SCREENING_NOT_PERFORMED
 * @param versions one map per version used (stored as the assessment's listVersions)
 * @param screening status, names, sources, missingSources, staleSources (stored as the assessment's screening)
 */
record ScreeningOutcome(RiskLevel level, List<Warning> warnings, List<Map<String, Object>> versions,
                        Map<String, Object> screening) {

    /** The lowest risk level of a subject whose names could not be screened (assessor.lists.required=false). */
    static final RiskLevel UNSCREENED_FLOOR = RiskLevel.MEDIUM;

    /**
     * @param findingsLevel  the highest severity among the fired rules
     * @param names          how many names the subject has to screen
     * @param sourcesInForce the sources of the snapshot screened against, in its order (empty: nothing in force)
     * @param states         each expected source and each other source in force, with its version and age
     * @param missing        the expected sources without a version in force
     * @param maxAge         assessor.lists.max-age, named in the LIST_STALE message
     */
    static ScreeningOutcome of(RiskLevel findingsLevel, int names, List<String> sourcesInForce, List<SourceState> states,
                               List<String> missing, Duration maxAge) {
        List<Warning> warnings = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        List<Map<String, Object>> versions = new ArrayList<>();
        for (SourceState st : states) {
            if (st.version() == null) {
                continue;
            }
            ListVersionEntity v = st.version();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", v.source);
            m.put("versionId", v.id.toString());
            m.put("contentHash", v.contentHash);
            m.put("publishedAt", v.publishedAt == null ? null : v.publishedAt.toString());
            m.put("importedAt", v.importedAt.toString());
            m.put("age", st.age().truncatedTo(ChronoUnit.MINUTES).toString());
            m.put("ageDays", st.age().toDays());
            m.put("stale", st.stale());
            versions.add(m);
            if (st.stale()) {
                stale.add(v.source);
                warnings.add(new Warning("LIST_STALE", null, v.source + " version " + v.id + " is "
                        + st.age().toDays() + " days old (from its " + (v.publishedAt != null ? "publication" : "import")
                        + "), older than assessor.lists.max-age (" + maxAge.toDays() + " days)"));
            }
        }
        if (!missing.isEmpty()) {
            warnings.add(new Warning("LISTS_NOT_LOADED", null, "no version in force of " + String.join(", ", missing)
                    + (names > 0 ? ": names were not screened against " + (missing.size() == 1 ? "it" : "them") : "")));
        }
        RiskLevel level = findingsLevel;
        Map<String, Object> screening = new LinkedHashMap<>();
        if (names == 0) {
            screening.put("status", "NOTHING_TO_SCREEN");
        } else if (sourcesInForce.isEmpty()) {
            screening.put("status", "NOT_SCREENED");
            // Names nobody screened must not read as a clean result.
            if (level.compareTo(UNSCREENED_FLOOR) < 0) {
                level = UNSCREENED_FLOOR;
            }
            warnings.add(new Warning("SCREENING_NOT_PERFORMED", null, names + " name(s) were not screened: no sanctions"
                    + " list is in force (assessor.lists.required=false); the risk level is at least "
                    + UNSCREENED_FLOOR + " until they are"));
        } else {
            screening.put("status", "SCREENED");
        }
        screening.put("names", names);
        screening.put("sources", List.copyOf(sourcesInForce));
        screening.put("missingSources", missing);
        screening.put("staleSources", stale);
        return new ScreeningOutcome(level, warnings, versions, screening);
    }
}
