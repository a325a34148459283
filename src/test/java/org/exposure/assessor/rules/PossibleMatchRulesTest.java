package org.exposure.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.testsupport.BankBuilder.bank;
import static org.exposure.assessor.testsupport.RuleAssertions.evaluate;
import static org.exposure.assessor.testsupport.RuleAssertions.ids;
import static org.exposure.assessor.testsupport.RuleAssertions.only;
import static org.exposure.assessor.testsupport.SupplierBuilder.supplier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.exposure.assessor.domain.BankSubject;
import org.exposure.assessor.domain.Exposure;
import org.exposure.assessor.domain.Finding;
import org.exposure.assessor.domain.Owner;
import org.exposure.assessor.domain.Party;
import org.exposure.assessor.domain.Payment;
import org.exposure.assessor.domain.Severity;
import org.exposure.assessor.domain.SupplierSubject;
import org.exposure.assessor.testsupport.Engines;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A party matched only approximately (under list.match.confirmed-score, 0.95) is possibly listed: OWN-50-POSSIBLE,
 * OWN-MINORITY-POSSIBLE and LIST-POSSIBLE-PARTY report it below the severity a confirmed match gives, and the rules
 * that treat a listed party as blocked (OWN-50, OWN-MINORITY, FFI-MIB-COUNTERPARTY) wait for a confirmation.
 */
class PossibleMatchRulesTest {

    private static SupplierSubject owned(String share) {
        return supplier().ref(null).name("Acme Components GmbH").country("DE").website("https://acme.example")
                .owners(new Owner("Other", "RU", new BigDecimal(share), null, List.of()),
                        new Owner("Founders", "DE", new BigDecimal("100").subtract(new BigDecimal(share)), false, List.of()))
                .build();
    }

    private static ListMatch ownerMatch(double score) {
        return ownerMatch("owners[0]", score);
    }

    private static ListMatch ownerMatch(String path, double score) {
        return new ListMatch(path, "OWNER", "Other", "OFAC-SDN", null, "v-1", "46795", "THE MOTHER ARK LTD",
                "THE MOTHER ARK LTD", score, List.of("RUSSIA-EO14024"), false, List.of());
    }

    @Test
    @DisplayName("OWN-50-POSSIBLE and LIST-POSSIBLE-PARTY fire for a 50 % owner matched at 0.89; OWN-50 stays silent")
    void fuzzyOwnerMakesOwn50Possible() {
        List<Finding> f = evaluate(owned("50"), ownerMatch(0.887));
        assertThat(ids(f)).contains("OWN-50-POSSIBLE", "LIST-POSSIBLE-PARTY").doesNotContain("OWN-50", "OWN-MINORITY");
        Finding own = only(f, "OWN-50-POSSIBLE");
        assertThat(own.severity()).isEqualTo(Severity.SEVERE);
        assertThat(own.explanation()).contains("Other (50%, possibly OFAC-SDN entry 46795 (THE MOTHER ARK LTD), score 0.89",
                "confirmed from 0.95", "certainly blocked it is 0%");
        assertThat(own.evidence()).containsEntry("possibleBlockedPercent", new BigDecimal("50"));
        Finding party = only(f, "LIST-POSSIBLE-PARTY");
        assertThat(party.severity()).isEqualTo(Severity.HIGH);
        assertThat(party.explanation()).contains("The owner (owners[0])", "0.89", "0.95", "blocked person");
        assertThat(party.evidence()).containsEntry("confirmedScore", new BigDecimal("0.95"));
    }

    @Test
    @DisplayName("OWN-50 fires and OWN-50-POSSIBLE, LIST-POSSIBLE-PARTY stay silent for a match at the confirmation score")
    void confirmedScoreBlocks() {
        List<Finding> f = evaluate(owned("50"), ownerMatch(0.95));
        assertThat(ids(f)).contains("OWN-50").doesNotContain("OWN-50-POSSIBLE", "LIST-POSSIBLE-PARTY");
    }

    @Test
    @DisplayName("OWN-50 fires for a match under the score that a reviewer confirmed; OWN-50-POSSIBLE stays silent")
    void reviewerConfirmationBlocks() {
        ListMatch m = ownerMatch(0.887);
        List<Finding> f = Engines.project().evaluate(owned("50"), List.of(m), Set.of(m), LocalDate.of(2026, 12, 1));
        assertThat(ids(f)).contains("OWN-50").doesNotContain("OWN-50-POSSIBLE", "LIST-POSSIBLE-PARTY");
    }

    @Test
    @DisplayName("OWN-MINORITY-POSSIBLE fires MEDIUM for a 30 % owner matched at 0.89; OWN-MINORITY fires once confirmed")
    void fuzzyMinority() {
        List<Finding> f = evaluate(owned("30"), ownerMatch(0.887));
        assertThat(ids(f)).contains("OWN-MINORITY-POSSIBLE").doesNotContain("OWN-MINORITY", "OWN-50-POSSIBLE");
        assertThat(only(f, "OWN-MINORITY-POSSIBLE").severity()).isEqualTo(Severity.MEDIUM);
        assertThat(ids(evaluate(owned("30"), ownerMatch(0.97)))).contains("OWN-MINORITY")
                .doesNotContain("OWN-MINORITY-POSSIBLE");
    }

    @Test
    @DisplayName("OWN-50-POSSIBLE and OWN-MINORITY-POSSIBLE stay silent for a 10 % owner matched approximately")
    void smallStakeStaysSilent() {
        assertThat(ids(evaluate(owned("10"), ownerMatch(0.887))))
                .doesNotContain("OWN-50-POSSIBLE", "OWN-MINORITY-POSSIBLE").contains("LIST-POSSIBLE-PARTY");
    }

    @Test
    @DisplayName("Exact boundary: 49.99 % certain and an approximate 0.01 % owner make OWN-50-POSSIBLE beside OWN-MINORITY")
    void certainMinorityAndPossibleBlock() {
        SupplierSubject s = supplier().ref(null).name("Acme Components GmbH").country("DE").website("https://acme.example")
                .owners(new Owner("Ivanov Holding", "RU", new BigDecimal("49.99"), true, List.of()),
                        new Owner("Other", "RU", new BigDecimal("0.01"), null, List.of()),
                        new Owner("Founders", "DE", new BigDecimal("50"), false, List.of()))
                .build();
        List<Finding> f = evaluate(s, ownerMatch("owners[1]", 0.9));
        assertThat(ids(f)).contains("OWN-MINORITY", "OWN-50-POSSIBLE").doesNotContain("OWN-50");
    }

    @Test
    @DisplayName("LIST-POSSIBLE-PARTY fires for a counterparty matched approximately to an EO 14024 SDN; FFI-MIB-COUNTERPARTY waits")
    void fuzzyCounterparty() {
        BankSubject bank = bank().ref(null).name("Heihe Rural Commercial Bank").in("CN", "Heilongjiang")
                .exposure(Exposure.LOW).usAccess(false)
                .pay(new Payment(new Party("VTB Bank PSJC", "RU", null, null), List.of("610910"), "RU", BigDecimal.TEN,
                        LocalDate.of(2024, 7, 10))).build();
        ListMatch near = new ListMatch("payments[0].counterparty", "COUNTERPARTY", "VTB Bank PSJC", "OFAC-SDN", null,
                "v-1", "17013", "VTB BANK PUBLIC JOINT STOCK COMPANY", "VTB BANK PJSC", 0.9,
                List.of("RUSSIA-EO14024"), true, List.of());
        List<Finding> f = evaluate(bank, near);
        assertThat(ids(f)).contains("LIST-POSSIBLE-PARTY").doesNotContain("FFI-MIB-COUNTERPARTY");
        assertThat(only(f, "LIST-POSSIBLE-PARTY").explanation()).contains("The payment counterparty (payments[0].counterparty)");
        ListMatch sure = new ListMatch("payments[0].counterparty", "COUNTERPARTY", "VTB Bank PSJC", "OFAC-SDN", null,
                "v-1", "17013", "VTB BANK PUBLIC JOINT STOCK COMPANY", "VTB BANK PJSC", 0.96,
                List.of("RUSSIA-EO14024"), true, List.of());
        assertThat(ids(evaluate(bank, sure))).contains("FFI-MIB-COUNTERPARTY").doesNotContain("LIST-POSSIBLE-PARTY");
    }

    @Test
    @DisplayName("LIST-POSSIBLE-PARTY stays silent for the subject's own approximate match: LIST-SDN grades it")
    void subjectUnchanged() {
        SupplierSubject s = supplier().ref(null).name("Yilufa Electronics").country("CN").website("https://y.example").build();
        ListMatch m = new ListMatch("subject", "SUBJECT", "Yilufa Electronics", "OFAC-SDN", null, "v-1", "47700",
                "YILUFA ELECTRONICS LIMITED", "YILUFA ELECTRONICS LIMITED", 0.9, List.of("RUSSIA-EO14024"), false, List.of());
        assertThat(ids(evaluate(s, m))).contains("LIST-SDN").doesNotContain("LIST-POSSIBLE-PARTY");
    }
}
