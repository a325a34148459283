package org.exposure.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.testsupport.ExportBuilder.export;
import static org.exposure.assessor.testsupport.RuleAssertions.evaluate;
import static org.exposure.assessor.testsupport.RuleAssertions.fires;
import static org.exposure.assessor.testsupport.RuleAssertions.silent;
import static org.exposure.assessor.testsupport.SupplierBuilder.supplier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.exposure.assessor.domain.Finding;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.Party;
import org.exposure.assessor.domain.Payment;
import org.exposure.assessor.domain.Severity;
import org.exposure.assessor.testsupport.Engines;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HS 2017 codes that HS 2022 renumbered or split (rules/reference/hs2017-to-hs2022.csv): what
 * {@link ReferenceData#hs2022Codes} gives the rules, the CHPL rules GOODS-CHPL-T2 and GOODS-CHPL-T3 firing for such a
 * code through its HS 2022 code, with an explanation that names both, while an unrenumbered code is unchanged, and
 * a bank's payment finding such a code on the CHPL. Plain JUnit, on the engine over rules/.
 */
class Hs2017CodesTest {
    private static final ReferenceData REF = Engines.project().reference();

    private static GoodsSubject goods(String hs, String destination) {
        return new GoodsSubject("g-1", "test goods", List.of(), "CN", null, hs, null, "test", "CN", destination, null,
                null, null);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("hs2022Codes: the HS 2022 successors of a removed HS 2017 code, else the code itself")
    @CsvSource(delimiter = '|', textBlock = """
            854890 | 854800                        | renumbered into 8548.00 (CHPL tier 2)
            880330 | 880730                        | aircraft parts, heading 88.03 became 88.07
            030510 | 030910                        | a 1:1 renumbering
            851712 | 851713 851714                 | mobile phones split in two
            854810 | 854911 854912 854913 854914 854919 | waste of cells and batteries went to 85.49, its only successor
            854231 | 854231                        | in both editions: itself, although the UN links it to 85.49 too
            847150 | 847150                        | in both editions, likewise
            854800 | 854800                        | an HS 2022 code
            854150 | 854150                        | removed, but the UN links it only to 85.49: not in the table
            999999 | 999999                        | unknown to both editions
            """)
    void hs2022Codes(String code, String expected, String why) {
        assertThat(REF.hs2022Codes(code)).as(why).containsExactly(expected.split(" "));
    }

    @Test
    @DisplayName("hs2022Codes: null gives no code; no HS 2017 code in the table is linked to an n:n code of 85.49")
    void edges() {
        assertThat(REF.hs2022Codes(null)).isEmpty();
        // 854810's links to 85.49 are its own n:1 links; nothing else of the table leads to e-waste.
        List.of("854890", "846241", "846291", "850740", "851950", "900651")
                .forEach(c -> assertThat(REF.hs2022Codes(c)).as(c).noneMatch(s -> s.startsWith("8549")));
    }

    @Test
    @DisplayName("GOODS-CHPL-T2 fires for HS 2017 8548.90 through 8548.00, and the explanation names both")
    void renumberedCodeFiresChplTier2() {
        Finding f = fires(goods("854890", "DE"), "GOODS-CHPL-T2", Severity.HIGH);
        assertThat(f.explanation()).contains("HS 2017 8548.90, 8548.00 in HS 2022 (electrical parts of machinery n.e.s.)",
                "tier 2", "Germany (DE)");
        assertThat(f.evidence()).containsEntry("hsCode", "854890").containsEntry("hs2022Codes", List.of("854800"))
                .containsEntry("chplTier", "2");
    }

    @Test
    @DisplayName("GOODS-CHPL-T2 for the unrenumbered 8548.00 is unchanged: no HS 2017 in the text, no hs2022Codes")
    void unrenumberedCodeIsUnchanged() {
        Finding f = fires(goods("854800", "DE"), "GOODS-CHPL-T2", Severity.HIGH);
        assertThat(f.explanation()).contains("HS 8548.00 (electrical parts").doesNotContain("2017");
        assertThat(f.evidence()).containsEntry("hsCode", "854800").doesNotContainKey("hs2022Codes");
    }

    @Test
    @DisplayName("GOODS-CHPL-T3 fires for HS 2017 8803.30 (8807.30, tier 3B) in a supplier's export, escalated to RU")
    void renumberedExportFiresChplTier3() {
        Finding f = fires(supplier().exports(export().hs("880330").to("RU")), "GOODS-CHPL-T3", Severity.HIGH);
        assertThat(f.explanation()).startsWith("Export exports[0]: ")
                .contains("HS 2017 8803.30, 8807.30 in HS 2022", "tier 3B");
    }

    @Test
    @DisplayName("GOODS-CHPL-T3 stays silent for HS 2017 8541.50, which the table does not correlate, and for 8517.12")
    void uncorrelatedAndNonChplCodesStaySilent() {
        silent(goods("854150", "DE"), "GOODS-CHPL-T3");
        // Mobile phones went to 8517.13 and 8517.14, neither on the CHPL.
        assertThat(evaluate(goods("851712", "DE"))).extracting(Finding::ruleId)
                .noneMatch(id -> id.startsWith("GOODS-CHPL-"));
    }

    @Test
    @DisplayName("a payment's HS 2017 8548.90 is found on the CHPL as 8548.00 and named with both codes; 8548.00 alone is unchanged")
    void renumberedPaymentCode() {
        Payment p = new Payment(new Party("OOO Test", "RU", null, false), List.of("854890"), "RU",
                new BigDecimal("1000"), LocalDate.parse("2024-09-12"));
        PaymentFact fact = new PaymentFact(p, 0, LocalDate.parse("2024-09-12"), REF);
        assertThat(fact.getChplEntries()).extracting(ChplEntry::hsCode).containsExactly("854800");
        assertThat(fact.hsCodeText(fact.getChplEntries().get(0))).isEqualTo("HS 2017 8548.90, 8548.00 in HS 2022");
        PaymentFact plain = new PaymentFact(new Payment(null, List.of("854800"), "RU", null, null), 0,
                LocalDate.parse("2024-09-12"), REF);
        assertThat(plain.hsCodeText(plain.getChplEntries().get(0))).isEqualTo("HS 8548.00");
    }
}
