package org.exposure.assessor.review;

import java.util.ArrayList;
import java.util.List;

import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.domain.Severity;

/** Which assessments go to the queue, and which decisions need a second reviewer. Pure functions, tested alone. */
public final class ReviewPolicy {
    /** Match severities whose dismissal, and assessment levels whose clearing, need a second reviewer. */
    private static final List<Severity> GRAVE = List.of(Severity.SEVERE, Severity.BLOCKED);

    private ReviewPolicy() {
    }

    /**
     * Why an assessment goes to the review queue, or null when it does not: LIST_MATCH when a list match counted
     * (was not dismissed), RISK_LEVEL when its level is at least {@code minLevel}. (A third reason,
     * {@link #RISK_RAISED}, is added by the re-assessment that follows a list change.)
     */
    public static String reasons(boolean countedMatch, RiskLevel level, RiskLevel minLevel) {
        List<String> reasons = new ArrayList<>(2);
        if (countedMatch) {
            reasons.add("LIST_MATCH");
        }
        if (level.compareTo(minLevel) >= 0) {
            reasons.add("RISK_LEVEL");
        }
        return reasons.isEmpty() ? null : String.join(",", reasons);
    }

    /** Why an assessment is in the queue when a list change raised its level: whatever the review threshold. */
    public static final String RISK_RAISED = "RISK_RAISED";

    /** The reasons of an assessment whose level a list change raised: {@link #RISK_RAISED} added to the others. */
    public static String withRise(String reasons) {
        return reasons == null ? RISK_RAISED : reasons + "," + RISK_RAISED;
    }

    /**
     * Why a decision needs a second reviewer's approval, or null when it does not: a FALSE_POSITIVE on a match whose
     * entry gives SEVERE or BLOCKED, or CLEARED on an assessment at SEVERE or BLOCKED.
     *
     * @param matchSeverity the severity of the match decided on; null for a decision on the assessment
     */
    public static String approvalRule(Decision decision, Severity matchSeverity, RiskLevel assessmentLevel) {
        if (decision == Decision.FALSE_POSITIVE && matchSeverity != null && GRAVE.contains(matchSeverity)) {
            return "dismissing a " + matchSeverity + " match needs a second reviewer";
        }
        if (decision == Decision.CLEARED && (assessmentLevel == RiskLevel.SEVERE || assessmentLevel == RiskLevel.BLOCKED)) {
            return "clearing a " + assessmentLevel + " assessment needs a second reviewer";
        }
        return null;
    }
}
