package org.exposure.assessor.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.domain.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which assessments go to the queue and which decisions need a second reviewer. */
class ReviewPolicyTest {

    @ParameterizedTest(name = "match counted {0}, level {1}, min {2} -> {3}")
    @CsvSource(nullValues = "none", value = {
            "true,  CLEAR,   HIGH,   LIST_MATCH",
            "true,  BLOCKED, HIGH,   'LIST_MATCH,RISK_LEVEL'",
            "false, HIGH,    HIGH,   RISK_LEVEL",
            "false, SEVERE,  HIGH,   RISK_LEVEL",
            "false, MEDIUM,  HIGH,   none",
            "false, MEDIUM,  MEDIUM, RISK_LEVEL",
            "false, CLEAR,   HIGH,   none",
            // A dismissed match (not counted) puts nothing in the queue by itself.
            "false, LOW,     HIGH,   none",
    })
    void review_reasons(boolean counted, RiskLevel level, RiskLevel min, String expected) {
        assertThat(ReviewPolicy.reasons(counted, level, min)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on a {1} match of a {2} assessment -> four eyes {3}")
    @CsvSource(nullValues = "none", value = {
            "FALSE_POSITIVE, BLOCKED, BLOCKED, true",
            "FALSE_POSITIVE, SEVERE,  SEVERE,  true",
            "FALSE_POSITIVE, HIGH,    BLOCKED, false",
            "TRUE_MATCH,     BLOCKED, BLOCKED, false",
            "NEEDS_INFO,     SEVERE,  SEVERE,  false",
            "CLEARED,        none,    BLOCKED, true",
            "CLEARED,        none,    SEVERE,  true",
            "CLEARED,        none,    HIGH,    false",
            "BLOCKED,        none,    BLOCKED, false",
            "ESCALATED,      none,    SEVERE,  false",
    })
    void four_eyes(Decision decision, Severity match, RiskLevel level, boolean needed) {
        assertThat(ReviewPolicy.approvalRule(decision, match, level) != null).isEqualTo(needed);
    }
}
