package org.exposure.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.testsupport.RuleAssertions.evaluate;
import static org.exposure.assessor.testsupport.RuleAssertions.findingsOf;
import static org.exposure.assessor.testsupport.RuleAssertions.hasCatalogueEntry;
import static org.exposure.assessor.testsupport.SupplierBuilder.supplier;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.domain.Finding;
import org.exposure.assessor.domain.Owner;
import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.domain.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** OWN-50 and OWN-MINORITY over ownership chains, by the OFAC rule: aggregate, direct and indirect, not multiplied. */
class OwnershipRulesTest {
    private static Owner blocked(String name, String share) {
        return new Owner(name, "RU", new BigDecimal(share), true, List.of());
    }

    private static Owner owner(String name, String share, Owner... owners) {
        return new Owner(name, "CY", new BigDecimal(share), null, List.of(owners));
    }

    private static List<Finding> assess(String name, Owner... owners) {
        return evaluate(supplier().ref(null).name(name).region(null).incorporatedOn(null).website("https://b.example")
                .lineOfBusiness().owners(owners));
    }

    @Test
    @DisplayName("OWN-50 fires BLOCKED for the OFAC FAQ 401 example: X owns 50% of A and 10% of B, A owns 40% of B")
    void faq401() {
        Owner x = blocked("X", "10");
        Owner a = owner("A", "40", blocked("X", "50"));
        List<Finding> findings = assess("B", x, a);
        List<Finding> own = findingsOf(findings, "OWN-50");
        assertThat(own).hasSize(1);
        Finding f = own.get(0);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKED);
        assertThat(f.explanation()).contains("10% + 40% = 50%", "X (10%, sanctioned)", "A (40%, itself blocked as 50% owned by X (50%, sanctioned))");
        assertThat(f.evidence()).containsEntry("path", "owners").containsEntry("blockedPercent", new BigDecimal("50"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> blockedOwners = (List<Map<String, Object>>) f.evidence().get("blockedOwners");
        assertThat(blockedOwners).extracting(m -> m.get("name")).containsExactly("X", "A");
        assertThat(blockedOwners).extracting(m -> m.get("path")).containsExactly("owners[0]", "owners[1]");
        assertThat(blockedOwners.get(1).get("blockedBecause")).isEqualTo("owned 50% by blocked persons");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> through = (List<Map<String, Object>>) blockedOwners.get(1).get("through");
        assertThat(through).extracting(m -> m.get("path")).containsExactly("owners[1].owners[0]");
        assertThat(findingsOf(findings, "OWN-MINORITY")).isEmpty();
        assertThat(RiskLevel.highestOf(findings)).isEqualTo(RiskLevel.BLOCKED);
    }

    @Test
    @DisplayName("OWN-50 fires through a four-level chain of 50% stakes, counting the whole 60% stake, not 60% x 50% x 50%")
    void fourLevelChain() {
        // S <- 60% A <- 50% B <- 50% C <- 100% D (blocked): each link is blocked in turn.
        Owner chain = owner("A", "60", owner("B", "50", owner("C", "50", blocked("D", "100"))));
        Finding f = findingsOf(assess("S", chain), "OWN-50").get(0);
        assertThat(f.evidence()).containsEntry("blockedPercent", new BigDecimal("60"));
        assertThat(f.explanation()).contains("60% = 60%", "A (60%, itself blocked as 50% owned by B (50%, itself blocked as 50% owned by C");
    }

    @Test
    @DisplayName("OWN-50 fires for two blocked owners at 25% each (aggregation), and OWN-MINORITY stays silent")
    void twoQuarterOwners() {
        List<Finding> findings = assess("S", blocked("P", "25"), blocked("Q", "25"), owner("R", "50"));
        assertThat(findingsOf(findings, "OWN-50")).singleElement().satisfies(f -> assertThat(f.explanation()).contains("25% + 25% = 50%"));
        assertThat(findingsOf(findings, "OWN-MINORITY")).isEmpty();
    }

    @Test
    @DisplayName("OWN-MINORITY fires HIGH for a blocked owner at 49.9%; OWN-50 stays silent")
    void justUnderHalf() {
        List<Finding> findings = assess("S", blocked("P", "49.9"), owner("R", "50.1"));
        assertThat(findingsOf(findings, "OWN-50")).isEmpty();
        Finding f = findingsOf(findings, "OWN-MINORITY").get(0);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.explanation()).contains("49.9% = 49.9%", "P (49.9%, sanctioned)");
    }

    @Test
    @DisplayName("OWN-50 and OWN-MINORITY cite OFAC's FAQs as numbered: 398 for the caution on stakes under 50%, 398-401 for the 50% rule")
    void legalBases() {
        hasCatalogueEntry("OWN-MINORITY", Severity.HIGH, "OFAC FAQ 398 (caution on stakes under 50%)", "rules/ownership/ownership.drl");
        hasCatalogueEntry("OWN-50", Severity.BLOCKED, "OFAC FAQs 398-401", "rules/ownership/ownership.drl");
    }

    @Test
    @DisplayName("OWN-MINORITY fires at exactly 25%, and stays silent at 24.99%")
    void minorityBoundary() {
        assertThat(findingsOf(assess("S", blocked("P", "25")), "OWN-MINORITY")).hasSize(1);
        assertThat(findingsOf(assess("S", blocked("P", "24.99")), "OWN-MINORITY")).isEmpty();
    }

    @Test
    @DisplayName("OWN-50 and OWN-MINORITY stay silent when a blocked person's stake is held through an entity it does not block")
    void notMultipliedAndNotThroughUnblocked() {
        // X (blocked) owns 40% of A; A owns 60% of S. A is not blocked, so none of its 60% counts.
        List<Finding> findings = assess("S", owner("A", "60", blocked("X", "40")), owner("Z", "40"));
        assertThat(findingsOf(findings, "OWN-50")).isEmpty();
        assertThat(findingsOf(findings, "OWN-MINORITY")).isEmpty();
    }

    @Test
    @DisplayName("OWN-50 and OWN-MINORITY stay silent with no sanctioned owner anywhere, or no owners at all")
    void noBlockedOwners() {
        assertThat(assess("S", owner("A", "60", owner("B", "100")), owner("C", "40"))).isEmpty();
        assertThat(assess("S")).isEmpty();
    }

    @Test
    @DisplayName("OWN-50 reads its threshold from the parameters: the evidence names it")
    void thresholdInEvidence() {
        Finding f = findingsOf(assess("S", blocked("P", "75")), "OWN-50").get(0);
        assertThat(f.evidence()).containsEntry("threshold", new BigDecimal("50"));
    }
}
