package org.exposure.assessor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exposure.assessor.domain.RiskLevel;
import org.junit.jupiter.api.Test;

/** Which verdicts changed: the level, or the list findings, and nothing else. */
class VerdictChangesTest {

    private static VerdictChanges.ListFinding finding(String rule, String source, String entry, String name) {
        return new VerdictChanges.ListFinding(rule, "subject", "Al-Aqsa e.V.", source, entry, name, 0.94);
    }

    private static VerdictChanges.Verdict verdict(RiskLevel level, VerdictChanges.ListFinding... findings) {
        Map<String, VerdictChanges.ListFinding> byKey = new LinkedHashMap<>();
        for (VerdictChanges.ListFinding f : findings) {
            byKey.put(f.key(), f);
        }
        return new VerdictChanges.Verdict(UUID.randomUUID(), "R-1", "SUPPLIER", "Al-Aqsa e.V.", level,
                "2026-12-02T10:00:00Z", List.of(), byKey);
    }

    @Test
    void aLevelUpOrDownIsARiseOrAFall() {
        assertThat(VerdictChanges.type(verdict(RiskLevel.LOW), verdict(RiskLevel.BLOCKED))).isEqualTo("RISK_RAISED");
        assertThat(VerdictChanges.type(verdict(RiskLevel.HIGH), verdict(RiskLevel.CLEAR))).isEqualTo("RISK_LOWERED");
    }

    @Test
    void theSameLevelAndFindingsIsNoChange() {
        assertThat(VerdictChanges.type(verdict(RiskLevel.LOW), verdict(RiskLevel.LOW))).isNull();
        assertThat(VerdictChanges.type(
                verdict(RiskLevel.BLOCKED, finding("LIST-SDN", "OFAC-SDN", "7638", "AL-AQSA E.V.")),
                verdict(RiskLevel.BLOCKED, finding("LIST-SDN", "OFAC-SDN", "7638", "AL-AQSA E.V.")))).isNull();
    }

    @Test
    void theSdnEntryReportedFromTheConsolidatedListInsteadIsNoChange() {
        // The CSL repeats the SDN's entries under the same id: which of the two equal matches a rule reports is not
        // a change of verdict.
        assertThat(VerdictChanges.type(
                verdict(RiskLevel.BLOCKED, finding("LIST-SDN", "US-CSL", "7638", "AL-AQSA E.V.")),
                verdict(RiskLevel.BLOCKED, finding("LIST-SDN", "OFAC-SDN", "7638", "AL-AQSA E.V.")))).isNull();
    }

    @Test
    void aListFindingAddedOrRemovedAtTheSameLevelIsAFindingsChange() {
        VerdictChanges.ListFinding sdn = finding("LIST-SDN", "OFAC-SDN", "7639", "AL-AQSA FOUNDATION");
        VerdictChanges.ListFinding remark = finding("LIST-SECONDARY-RISK", "OFAC-SDN", "7639", "AL-AQSA FOUNDATION");
        assertThat(VerdictChanges.type(verdict(RiskLevel.BLOCKED, sdn), verdict(RiskLevel.BLOCKED, sdn, remark)))
                .isEqualTo("LIST_FINDINGS_CHANGED");
        assertThat(VerdictChanges.type(verdict(RiskLevel.BLOCKED, sdn, remark), verdict(RiskLevel.BLOCKED, remark)))
                .isEqualTo("LIST_FINDINGS_CHANGED");
        // Another entry of the same name is another finding.
        assertThat(VerdictChanges.type(verdict(RiskLevel.BLOCKED, sdn),
                verdict(RiskLevel.BLOCKED, finding("LIST-SDN", "OFAC-SDN", "7640", "AL-AQSA FOUNDATION"))))
                .isEqualTo("LIST_FINDINGS_CHANGED");
    }
}
