package org.exposure.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.testsupport.BankBuilder.bank;
import static org.exposure.assessor.testsupport.RuleAssertions.evaluate;
import static org.exposure.assessor.testsupport.RuleAssertions.findingsOf;
import static org.exposure.assessor.testsupport.RuleAssertions.fires;
import static org.exposure.assessor.testsupport.RuleAssertions.firesAt;
import static org.exposure.assessor.testsupport.RuleAssertions.hasCatalogueEntry;
import static org.exposure.assessor.testsupport.RuleAssertions.ids;
import static org.exposure.assessor.testsupport.RuleAssertions.only;
import static org.exposure.assessor.testsupport.RuleAssertions.ruleIds;
import static org.exposure.assessor.testsupport.RuleAssertions.silent;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.domain.Correspondent;
import org.exposure.assessor.domain.Exposure;
import org.exposure.assessor.domain.Finding;
import org.exposure.assessor.domain.Party;
import org.exposure.assessor.domain.Payment;
import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.domain.Severity;
import org.exposure.assessor.testsupport.BankBuilder;
import org.exposure.assessor.testsupport.Engines;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The FFI rules of rules/bank/bank.drl against the rule catalogue (docs/rules.md, banks): for each rule the
 * cases that make it fire, with the facts in the explanation and the evidence path, and the nearest cases that keep
 * it silent; the threshold of FFI-RUSSIA-SHARE as reference data; and two realistic banks with their
 * full set of fired rules. Plain JUnit, on the one engine over rules/ that all rule tests share.
 */
class BankRulesTest {

    // ---------------------------------------------------------------- helpers

    /** A low-exposure bank in Heilongjiang: the regional channel, once it handles Russia-related payments. */
    private static BankBuilder heilongjiang() {
        return bank().name("Heihe Test Rural Bank").in("CN", "Heilongjiang").exposure(Exposure.LOW);
    }

    private static Party party(String name, String country, Boolean sanctioned) {
        return new Party(name, country, null, sanctioned);
    }

    private static Payment payment(Party counterparty, String hs, String destination, String amount, String date) {
        return new Payment(counterparty, hs == null ? List.of() : List.of(hs), destination,
                amount == null ? null : new BigDecimal(amount), date == null ? null : LocalDate.parse(date));
    }

    /** A harmless payment: T-shirts (6109.10) to Germany with a German buyer. */
    private static Payment harmless() {
        return payment(party("Berlin Retail GmbH", "DE", false), "610910", "DE", "12000", "2024-04-02");
    }

    private static Correspondent correspondent(String name, String country, String bic, Boolean sanctioned) {
        return new Correspondent(name, country, bic, sanctioned);
    }

    // ---------------------------------------------------------------- metadata

    @ParameterizedTest(name = "{0} carries the catalogue''s base severity {1} and legal basis")
    @DisplayName("FFI-MIB-COUNTERPARTY .. FFI-USD-IMPACT carry the catalogue's severity and legal basis")
    @CsvSource(delimiter = '|', textBlock = """
            FFI-MIB-COUNTERPARTY         | SEVERE | EO 14024 §11(a)(i)–(ii) as amended by EO 14114; OFAC FAQ 1181
            FFI-CRITICAL-ITEMS           | SEVERE | EO 14024 §11(a)(ii) as amended by EO 14114; OFAC Determination of 22 Dec 2023; FAQ 1148
            FFI-SANCTIONED-CORRESPONDENT | SEVERE | EO 14114; EO 14024
            FFI-SPFS                     | HIGH   | OFAC updated guidance to FFIs (12 Jun 2024) and SPFS alert (21 Nov 2024): designation risk under EO 14024
            FFI-REGIONAL-CHANNEL         | HIGH   | FIN-2022-Alert003; the EU's 18th package (Jul 2025) listing two Heilongjiang rural banks for this channel
            FFI-RUSSIA-SHARE             | MEDIUM | EO 14114 (significance factors)
            FFI-USD-IMPACT               | INFO   | EO 14024 §11(b) as amended by EO 14114 (correspondent/payable-through account ban; blocking)
            """)
    void metadata(String id, Severity severity, String legalBasis) {
        hasCatalogueEntry(id, severity, legalBasis, "rules/bank/bank.drl");
    }

    @Test
    @DisplayName("FFI-MIB-COUNTERPARTY .. FFI-USD-IMPACT: the ruleset holds exactly the 7 FFI rules")
    void sevenFfiRules() {
        assertThat(ruleIds("FFI-"))
                .containsExactlyInAnyOrder("FFI-MIB-COUNTERPARTY", "FFI-CRITICAL-ITEMS",
                        "FFI-SANCTIONED-CORRESPONDENT", "FFI-SPFS", "FFI-REGIONAL-CHANNEL", "FFI-RUSSIA-SHARE",
                        "FFI-USD-IMPACT");
    }

    @Test
    @DisplayName("FFI-MIB-COUNTERPARTY .. FFI-USD-IMPACT: a bank with nothing alarming fires no rule at all")
    void harmlessBankIsClear() {
        List<Finding> findings = evaluate(bank().usAccess(true).share("0").pay(harmless())
                .correspondent(correspondent("Frankfurt Test Bank AG", "DE", "FTBKDEFF", false)));
        assertThat(findings).isEmpty();
    }

    // ---------------------------------------------------------------- FFI-MIB-COUNTERPARTY

    @Nested
    class MibCounterparty {
        @Test
        @DisplayName("FFI-MIB-COUNTERPARTY fires SEVERE for payments[1] whose counterparty is marked sanctioned, with bank, counterparty, amount and date")
        void firesForSanctionedCounterparty() {
            BankBuilder b = bank().name("Harbin Bank").pay(harmless())
                    .pay(payment(party("JSC Zavod Impuls", "RU", true), "610910", "KZ", "75000", "2024-09-20"));
            Finding f = firesAt(b, "FFI-MIB-COUNTERPARTY", Severity.SEVERE, "payments[1]");
            assertThat(f.explanation()).contains("Harbin Bank", "payments[1]", "USD 75,000.00", "2024-09-20",
                    "JSC Zavod Impuls in Russia (RU)", "marked by the submitter as a blocked person", "OFAC FAQ 1181", "EO 14024 §11(a)(i) as amended by EO 14114");
            assertThat(f.evidence().get("counterparty")).isEqualTo(
                    Map.of("name", "JSC Zavod Impuls", "country", "RU", "sanctioned", true));
        }

        @Test
        @DisplayName("FFI-MIB-COUNTERPARTY fires once per payment with a sanctioned counterparty, even a counterparty outside Russia")
        void firesPerPayment() {
            BankBuilder b = bank()
                    .pay(payment(party("Blocked Trading FZE", "AE", true), null, "AE", "10000", "2024-01-10"))
                    .pay(harmless())
                    .pay(payment(party("JSC Zavod Impuls", "RU", true), "610910", "RU", "5000", null));
            List<Finding> mib = findingsOf(evaluate(b), "FFI-MIB-COUNTERPARTY");
            assertThat(mib).extracting(f -> f.evidence().get("path")).containsExactlyInAnyOrder("payments[0]", "payments[2]");
            assertThat(mib).filteredOn(f -> f.evidence().get("path").equals("payments[0]")).singleElement()
                    .satisfies(f -> assertThat(f.explanation()).contains("Blocked Trading FZE", "(AE)"));
            assertThat(mib).filteredOn(f -> f.evidence().get("path").equals("payments[2]")).singleElement()
                    .satisfies(f -> assertThat(f.explanation()).contains("undated"));
        }

        @Test
        @DisplayName("FFI-MIB-COUNTERPARTY judges a payment under the law of its date: February 2024 HIGH (only the five MIB sectors counted then), September 2024 SEVERE (every EO 14024-blocked person)")
        void dateAware() {
            Party blocked = party("OOO Uralsky Stankozavod", "RU", true);
            Finding february = firesAt(bank().pay(payment(blocked, "610910", "RU", "20000", "2024-02-14")),
                    "FFI-MIB-COUNTERPARTY", Severity.HIGH, "payments[0]");
            assertThat(february.explanation()).contains("on 2024-02-14", "before OFAC widened the military-industrial base on 2024-06-12",
                    "technology, defense and related materiel, construction, aerospace or manufacturing sectors",
                    "sector is not known");
            assertThat(february.legalBasis()).contains("as defined before 12 Jun 2024");
            assertThat(february.evidence()).containsKey("lawApplied");
            Finding september = firesAt(bank().pay(payment(blocked, "610910", "RU", "20000", "2024-09-14")),
                    "FFI-MIB-COUNTERPARTY", Severity.SEVERE, "payments[0]");
            assertThat(september.explanation()).contains("since 2024-06-12 every person blocked under EO 14024");
            assertThat(september.legalBasis()).isEqualTo("EO 14024 §11(a)(i) as amended by EO 14114; OFAC FAQ 1181");
        }

        @Test
        @DisplayName("FFI-MIB-COUNTERPARTY before 12 Jun 2024 turns on the counterparty's stated sector: SEVERE for manufacturing (one of the five), HIGH for another sector")
        void sectorBeforeJune2024() {
            Finding manufacturing = firesAt(bank().pay(payment(new Party("OOO Uralsky Stankozavod", "RU", null, true,
                    org.exposure.assessor.domain.Sector.MANUFACTURING), "610910", "RU", "20000", "2024-02-14")),
                    "FFI-MIB-COUNTERPARTY", Severity.SEVERE, "payments[0]");
            assertThat(manufacturing.explanation()).contains("operates in the manufacturing sector, one of them");
            assertThat(manufacturing.legalBasis()).contains("as defined before 12 Jun 2024");
            @SuppressWarnings("unchecked")
            Map<String, Object> counterparty = (Map<String, Object>) manufacturing.evidence().get("counterparty");
            assertThat(counterparty).containsEntry("sector", "MANUFACTURING");
            Finding other = firesAt(bank().pay(payment(new Party("OOO Volga Retail", "RU", null, true,
                    org.exposure.assessor.domain.Sector.OTHER), "610910", "RU", "20000", "2024-02-14")),
                    "FFI-MIB-COUNTERPARTY", Severity.HIGH, "payments[0]");
            assertThat(other.explanation()).contains("operate in none of them", "did not reach this payment");
            // From 12 Jun 2024 the sector no longer matters.
            firesAt(bank().pay(payment(new Party("OOO Volga Retail", "RU", null, true, org.exposure.assessor.domain.Sector.OTHER),
                    "610910", "RU", "20000", "2024-06-12")), "FFI-MIB-COUNTERPARTY", Severity.SEVERE, "payments[0]");
        }

        @ParameterizedTest(name = "FFI-MIB-COUNTERPARTY for a payment dated {0}: {1}")
        @DisplayName("FFI-MIB-COUNTERPARTY at the boundaries of the law: EO 14114 in force from 22 Dec 2023, the wider definition from 12 Jun 2024; undated payments take the assessment date")
        @CsvSource(nullValues = "none", value = {
                "2023-12-21, HIGH, before EO 14114 took effect on 2023-12-22",
                "2023-12-22, HIGH, before OFAC widened",
                "2024-06-11, HIGH, before OFAC widened",
                "2024-06-12, SEVERE, since 2024-06-12",
                "none,       SEVERE, undated, so judged under the law of the assessment date"})
        void boundaries(String date, Severity severity, String text) {
            Finding f = firesAt(bank().pay(payment(party("JSC Zavod Impuls", "RU", true), null, "RU", "1000", date)),
                    "FFI-MIB-COUNTERPARTY", severity, "payments[0]");
            assertThat(f.explanation()).contains(text);
        }

        @Test
        @DisplayName("FFI-MIB-COUNTERPARTY stays silent when the Russian counterparty is sanctioned: false or not stated")
        void silentWhenNotSanctioned() {
            silent(bank().pay(payment(party("JSC Zavod Impuls", "RU", false), "610910", "RU", "75000", "2024-05-20")),
                    "FFI-MIB-COUNTERPARTY");
            silent(bank().pay(payment(party("JSC Zavod Impuls", "RU", null), "610910", "RU", "75000", "2024-05-20")),
                    "FFI-MIB-COUNTERPARTY");
            silent(bank().pay(payment(null, "610910", "RU", "75000", "2024-05-20")), "FFI-MIB-COUNTERPARTY");
        }

        @Test
        @DisplayName("FFI-MIB-COUNTERPARTY stays silent for a sanctioned correspondent (that is FFI-SANCTIONED-CORRESPONDENT)")
        void silentForSanctionedCorrespondent() {
            List<Finding> findings = evaluate(bank().correspondent(correspondent("Bank Blocked", "RU", null, true)));
            assertThat(ids(findings)).doesNotContain("FFI-MIB-COUNTERPARTY").contains("FFI-SANCTIONED-CORRESPONDENT");
        }
    }

    // ---------------------------------------------------------------- FFI-CRITICAL-ITEMS

    @Nested
    class CriticalItems {
        // The shipped item list holds the determination's eight categories without codes (none could be read in a
        // published source). These tests run the rule over a test list that places a few codes in categories; the
        // codes exercise the rule and are not a claim about the determination.
        private static final String TEST_ITEMS = """
                category,hs
                bearings,8482
                navigation instruments,901420
                machine tools,
                """;

        private List<Finding> evaluateWithItems(BankBuilder b) {
            return Engines.withFile("reference/eo14114-items.csv", TEST_ITEMS).evaluate(b.build());
        }

        private Finding firesWithItems(BankBuilder b) {
            Finding f = only(evaluateWithItems(b), "FFI-CRITICAL-ITEMS");
            assertThat(f.severity()).isEqualTo(Severity.SEVERE);
            return f;
        }

        @Test
        @DisplayName("FFI-CRITICAL-ITEMS fires SEVERE for a payment for bearings (8482.10) bound for RU, naming code, category, amount, date")
        void firesForItemsToRussia() {
            BankBuilder b = bank().name("Harbin Bank").pay(harmless())
                    .pay(payment(party("OOO Dalpodshipnik", "RU", false), "848210", "RU", "480000", "2024-09-12"));
            Finding f = firesWithItems(b);
            assertThat(f.explanation()).contains("Harbin Bank", "payments[1]", "USD 480,000.00", "2024-09-12",
                    "HS 8482.10 (bearings, under HS 8482)", "bound for Russia (RU)", "OOO Dalpodshipnik in Russia (RU)",
                    "EO 14024 §11(a)(ii)", "Russian Federation");
            assertThat(f.evidence()).containsEntry("path", "payments[1]").containsEntry("destinationCountry", "RU")
                    .containsEntry("criticalItems", List.of(Map.of("hsCode", "848210", "item", "8482", "category", "bearings")));
        }

        @Test
        @DisplayName("FFI-CRITICAL-ITEMS fires for goods shipped to KZ when the counterparty is in RU")
        void firesForCounterpartyInRussia() {
            Finding f = firesWithItems(bank().pay(payment(party("OOO Navigatsiya", "RU", false), "901420", "KZ", "30000", "2024-02-01")));
            assertThat(f.explanation()).contains("HS 9014.20 (navigation instruments)", "the counterparty OOO Navigatsiya in Russia (RU)",
                    "goods bound for Kazakhstan (KZ)");
        }

        @Test
        @DisplayName("FFI-CRITICAL-ITEMS stays silent when the only Russian link is missing: a counterparty in BY, goods to Belarus (Belarus is not the Russian Federation)")
        void silentForBelarus() {
            assertThat(ids(evaluateWithItems(bank().pay(payment(party("Minsk Podshipnik", "BY", false), "848210", "KZ", "30000", "2024-02-01")))))
                    .doesNotContain("FFI-CRITICAL-ITEMS");
            assertThat(ids(evaluateWithItems(bank().pay(payment(party("Minsk Podshipnik", "BY", false), "848210", "BY", "30000", "2024-02-01")))))
                    .doesNotContain("FFI-CRITICAL-ITEMS");
        }

        @Test
        @DisplayName("FFI-CRITICAL-ITEMS names every listed code of the payment, and not the others (CHPL chips are not on the test list)")
        void namesEveryListedCode() {
            Payment mixed = new Payment(party("OOO Dalelektronika", "RU", false), List.of("854231", "610910", "848210", "901420"),
                    "RU", new BigDecimal("1000"), LocalDate.parse("2024-03-01"));
            Finding f = firesWithItems(bank().pay(mixed));
            assertThat(f.explanation()).contains("HS 8482.10 (bearings", "HS 9014.20 (navigation instruments)")
                    .doesNotContain("6109.10", "8542.31");
        }

        @Test
        @DisplayName("FFI-CRITICAL-ITEMS fires once per payment: only the payment to RU, not the one to DE")
        void firesPerPayment() {
            BankBuilder b = bank()
                    .pay(payment(party("Munich Lager", "DE", false), "848210", "DE", "9000", "2024-03-01"))
                    .pay(payment(party("OOO Dalpodshipnik", "RU", false), "848210", "RU", "9000", "2024-03-02"));
            assertThat(findingsOf(evaluateWithItems(b), "FFI-CRITICAL-ITEMS")).singleElement()
                    .satisfies(f -> assertThat(f.evidence()).containsEntry("path", "payments[1]"));
        }

        @Test
        @DisplayName("FFI-CRITICAL-ITEMS judges a payment by its date: silent before the determination (22 Dec 2023)")
        void silentBeforeTheDetermination() {
            assertThat(ids(evaluateWithItems(bank().pay(payment(party("OOO Dalpodshipnik", "RU", false), "848210", "RU", "9000", "2023-11-30")))))
                    .doesNotContain("FFI-CRITICAL-ITEMS");
        }

        @Test
        @DisplayName("FFI-CRITICAL-ITEMS stays silent for goods not on the list to RU, and with the shipped list (no codes) even for CHPL chips")
        void silentForUnlistedGoods() {
            assertThat(ids(evaluateWithItems(bank().pay(payment(party("OOO Odezhda", "RU", false), "610910", "RU", "9000", "2024-03-01")))))
                    .doesNotContain("FFI-CRITICAL-ITEMS");
            silent(bank().pay(payment(party("OOO Odezhda", "RU", false), null, "RU", "9000", "2024-03-01")), "FFI-CRITICAL-ITEMS");
            silent(bank().pay(payment(party("OOO Dalelektronika", "RU", false), "854231", "RU", "9000", "2024-03-01")), "FFI-CRITICAL-ITEMS");
        }
    }

    // ---------------------------------------------------------------- FFI-SANCTIONED-CORRESPONDENT

    @Nested
    class SanctionedCorrespondent {
        @Test
        @DisplayName("FFI-SANCTIONED-CORRESPONDENT fires SEVERE for correspondents[1] marked sanctioned, naming it, its country and BIC")
        void firesForSanctionedCorrespondent() {
            BankBuilder b = bank().name("Harbin Bank")
                    .correspondent(correspondent("Kowloon Clearing Bank", "HK", "KCLBHKHH", false))
                    .correspondent(correspondent("Bank Vostok Test", "RU", "BVTKRU2V", true));
            Finding f = fires(b, "FFI-SANCTIONED-CORRESPONDENT", Severity.SEVERE);
            assertThat(f.explanation()).contains("Harbin Bank", "correspondents[1]", "Bank Vostok Test",
                    "Russia (RU)", "BIC BVTKRU2V", "blocked bank");
            assertThat(f.evidence()).containsEntry("path", "correspondents[1]").containsEntry("bic", "BVTKRU2V")
                    .containsEntry("sanctioned", true);
        }

        @Test
        @DisplayName("FFI-SANCTIONED-CORRESPONDENT fires once per sanctioned correspondent")
        void firesPerCorrespondent() {
            BankBuilder b = bank()
                    .correspondent(correspondent("Bank A", "RU", null, true))
                    .correspondent(correspondent("Bank B", "BY", null, true));
            assertThat(findingsOf(evaluate(b), "FFI-SANCTIONED-CORRESPONDENT")).extracting(f -> f.evidence().get("path"))
                    .containsExactlyInAnyOrder("correspondents[0]", "correspondents[1]");
        }

        @Test
        @DisplayName("FFI-SANCTIONED-CORRESPONDENT stays silent for a Russian correspondent whose sanctioned is false or not stated")
        void silentWhenNotSanctioned() {
            silent(bank().correspondent(correspondent("Bank Vostok Test", "RU", "BVTKRU2V", false)),
                    "FFI-SANCTIONED-CORRESPONDENT");
            silent(bank().correspondent(correspondent("Bank Vostok Test", "RU", "BVTKRU2V", null)),
                    "FFI-SANCTIONED-CORRESPONDENT");
        }
    }

    // ---------------------------------------------------------------- FFI-SPFS

    @Nested
    class Spfs {
        @Test
        @DisplayName("FFI-SPFS fires HIGH for a bank connected to SPFS, naming the bank and the OFAC warning")
        void firesWhenConnected() {
            Finding f = fires(bank().name("Harbin Bank").spfs(true), "FFI-SPFS", Severity.HIGH);
            assertThat(f.explanation()).contains("Harbin Bank", "China (CN)", "SPFS", "12 Jun 2024");
            assertThat(f.evidence()).containsEntry("path", "subject").containsEntry("connectedToSpfs", true);
        }

        @Test
        @DisplayName("FFI-SPFS stays silent when connectedToSpfs is false or not stated")
        void silentWhenNotConnected() {
            silent(bank().spfs(false), "FFI-SPFS");
            silent(bank().spfs(null), "FFI-SPFS");
        }
    }

    // ---------------------------------------------------------------- FFI-REGIONAL-CHANNEL

    @Nested
    class RegionalChannel {
        private final Payment toRussia =
                payment(party("OOO Dalelektronika", "RU", false), "610910", "RU", "20000", "2024-07-01");

        @Test
        @DisplayName("FFI-REGIONAL-CHANNEL fires HIGH for a low-exposure Heilongjiang bank with a Russia-related payment, naming region and payment")
        void firesForHeilongjiang() {
            Finding f = fires(heilongjiang().pay(harmless()).pay(toRussia), "FFI-REGIONAL-CHANNEL", Severity.HIGH);
            assertThat(f.explanation()).contains("Heihe Test Rural Bank", "low international exposure",
                    "Heilongjiang (China (CN)), a Russia-bordering Chinese region", "payments[1]")
                    .doesNotContain("payments[0]");
            assertThat(f.evidence()).containsEntry("path", "subject").containsEntry("russiaBorderingRegion", "Heilongjiang")
                    .containsEntry("internationalExposure", "LOW").containsEntry("russiaRelatedPayments", List.of("payments[1]"));
        }

        @Test
        @DisplayName("FFI-REGIONAL-CHANNEL matches the region by its Chinese name (吉林, Jilin) and counts a payment with a Russian counterparty")
        void firesForJilinByChineseName() {
            BankBuilder b = bank().name("Hunchun Rural Bank").in("CN", "吉林").exposure(Exposure.LOW)
                    .pay(payment(party("OOO Primorye Trade", "RU", false), "610910", "KZ", "1000", "2024-07-01"));
            Finding f = fires(b, "FFI-REGIONAL-CHANNEL", Severity.HIGH);
            assertThat(f.explanation()).contains("Jilin (China (CN))", "payments[0]");
        }

        @Test
        @DisplayName("FFI-REGIONAL-CHANNEL stays silent for payments that touch Belarus only (a Belarusian counterparty, goods to Belarus): they are not Russia-related")
        void silentForBelarusOnly() {
            silent(bank().name("Hunchun Rural Bank").in("CN", "Jilin").exposure(Exposure.LOW)
                    .pay(payment(party("Minsk Trade", "BY", false), "610910", "KZ", "1000", "2024-07-01"))
                    .pay(payment(party("Grodno Import", "BY", false), "610910", "BY", "1000", "2024-07-02")),
                    "FFI-REGIONAL-CHANNEL");
        }

        @Test
        @DisplayName("FFI-REGIONAL-CHANNEL fires HIGH for a Liaoning bank and calls Liaoning a north-east Chinese region, never Russia-bordering")
        void liaoningIsNorthEastNotRussiaBordering() {
            BankBuilder b = bank().name("Dandong Test Bank").in("CN", "Liaoning").exposure(Exposure.LOW).pay(toRussia);
            Finding f = fires(b, "FFI-REGIONAL-CHANNEL", Severity.HIGH);
            assertThat(f.explanation()).contains("Liaoning (China (CN)), a north-east Chinese region", "payments[0]")
                    .doesNotContain("Russia-bordering");
            assertThat(f.evidence()).containsEntry("channelRegion", "Liaoning").doesNotContainKey("russiaBorderingRegion");
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("FFI-REGIONAL-CHANNEL calls Heilongjiang, Jilin, Inner Mongolia and Xinjiang Russia-bordering (the reference file's borders_russia)")
        @ValueSource(strings = {"Heilongjiang", "Jilin", "Inner Mongolia", "Xinjiang"})
        void russiaBorderingRegions(String region) {
            Finding f = fires(heilongjiang().in("CN", region).pay(toRussia), "FFI-REGIONAL-CHANNEL", Severity.HIGH);
            assertThat(f.explanation()).contains(region + " (China (CN)), a Russia-bordering Chinese region")
                    .doesNotContain("north-east Chinese region");
            assertThat(f.evidence()).containsEntry("channelRegion", region).containsEntry("russiaBorderingRegion", region);
        }

        @Test
        @DisplayName("FFI-REGIONAL-CHANNEL fires HIGH for a low-exposure bank in KZ (Central Asian country of the parameter) that only declares a Russia share")
        void firesForKazakhstanByShare() {
            BankBuilder b = bank().name("Almaty Regional Bank").in("KZ", null).exposure(Exposure.LOW).share("0.05");
            Finding f = fires(b, "FFI-REGIONAL-CHANNEL", Severity.HIGH);
            assertThat(f.explanation()).contains("Almaty Regional Bank", "Kazakhstan (KZ), a Central Asian transshipment country",
                    "declared Russia share 5%");
        }

        @Test
        @DisplayName("FFI-REGIONAL-CHANNEL stays silent for the same Heilongjiang bank with HIGH or MEDIUM exposure")
        void silentForHighExposure() {
            silent(heilongjiang().exposure(Exposure.HIGH).pay(toRussia), "FFI-REGIONAL-CHANNEL");
            silent(heilongjiang().exposure(Exposure.MEDIUM).pay(toRussia), "FFI-REGIONAL-CHANNEL");
            silent(heilongjiang().exposure(null).pay(toRussia), "FFI-REGIONAL-CHANNEL");
        }

        @Test
        @DisplayName("FFI-REGIONAL-CHANNEL stays silent for a low-exposure bank in a region not bordering Russia (Guangdong) or without a region")
        void silentForRegionNotBordering() {
            silent(heilongjiang().in("CN", "Guangdong").pay(toRussia), "FFI-REGIONAL-CHANNEL");
            silent(heilongjiang().in("CN", null).pay(toRussia), "FFI-REGIONAL-CHANNEL");
        }

        @Test
        @DisplayName("FFI-REGIONAL-CHANNEL stays silent for a low-exposure bank in a transshipment country outside Central Asia (AE)")
        void silentForNonCentralAsianHub() {
            silent(heilongjiang().in("AE", "Dubai").pay(toRussia), "FFI-REGIONAL-CHANNEL");
        }

        @Test
        @DisplayName("FFI-REGIONAL-CHANNEL stays silent for a low-exposure Heilongjiang bank without Russia business (payment to DE, share 0)")
        void silentWithoutRussiaBusiness() {
            silent(heilongjiang().pay(harmless()).share("0"), "FFI-REGIONAL-CHANNEL");
            silent(heilongjiang(), "FFI-REGIONAL-CHANNEL");
        }
    }

    // ---------------------------------------------------------------- FFI-RUSSIA-SHARE

    @Nested
    class RussiaShare {
        @Test
        @DisplayName("FFI-RUSSIA-SHARE fires MEDIUM for a declared share of 18% against the default threshold of 10%")
        void firesAboveThreshold() {
            Finding f = fires(bank().name("Harbin Bank").share("0.18"), "FFI-RUSSIA-SHARE", Severity.MEDIUM);
            assertThat(f.explanation()).contains("Harbin Bank", "18%", "above the threshold of 10%",
                    "ffi.russia-share.threshold");
            assertThat(f.evidence()).containsEntry("path", "subject")
                    .containsEntry("russiaPaymentShare", new BigDecimal("0.18"))
                    .containsEntry("russiaShareThreshold", new BigDecimal("0.10"));
        }

        @Test
        @DisplayName("FFI-RUSSIA-SHARE fires just above the threshold (10.01%)")
        void firesJustAbove() {
            Finding f = fires(bank().share("0.1001"), "FFI-RUSSIA-SHARE", Severity.MEDIUM);
            assertThat(f.explanation()).contains("10.01%");
        }

        @Test
        @DisplayName("FFI-RUSSIA-SHARE stays silent for a share exactly at the threshold (0.10, also written 0.1)")
        void silentAtThreshold() {
            silent(bank().share("0.10"), "FFI-RUSSIA-SHARE");
            silent(bank().share("0.1"), "FFI-RUSSIA-SHARE");
        }

        @Test
        @DisplayName("FFI-RUSSIA-SHARE stays silent below the threshold and when no share is declared")
        void silentBelowOrUndeclared() {
            silent(bank().share("0.05"), "FFI-RUSSIA-SHARE");
            silent(bank().share(null).pay(payment(party("OOO X", "RU", false), "610910", "RU", "1", "2024-01-01")),
                    "FFI-RUSSIA-SHARE");
        }

        @Test
        @DisplayName("FFI-RUSSIA-SHARE: raising ffi.russia-share.threshold to 0.20 in a copy of rules/ silences a 15% share; lowering it to 0.05 makes 8% fire")
        void thresholdIsReferenceData() throws IOException {
            BankBuilder fifteen = bank().share("0.15");
            BankBuilder eight = bank().share("0.08");
            assertThat(ids(evaluate(fifteen))).contains("FFI-RUSSIA-SHARE");
            assertThat(ids(evaluate(eight))).doesNotContain("FFI-RUSSIA-SHARE");

            Path target = Files.createDirectories(Path.of("target", "ruleset-tests"));
            Path work = Files.createTempDirectory(target, "bank-threshold-");
            try {
                RuleEngine raised = engineWithThreshold(work.resolve("raised"), "0.20");
                assertThat(ids(raised.evaluate(fifteen.build()))).doesNotContain("FFI-RUSSIA-SHARE");

                RuleEngine lowered = engineWithThreshold(work.resolve("lowered"), "0.05");
                Finding f = only(lowered.evaluate(eight.build()), "FFI-RUSSIA-SHARE");
                assertThat(f.explanation()).contains("8%", "above the threshold of 5%");
                assertThat(f.evidence()).containsEntry("russiaShareThreshold", new BigDecimal("0.05"));
                assertThat(lowered.version()).isNotEqualTo(Engines.project().version());
            } finally {
                RuleFiles.delete(work);
            }
        }

        private RuleEngine engineWithThreshold(Path rules, String threshold) throws IOException {
            RuleFiles.copy(Path.of("rules"), rules);
            Path parameters = rules.resolve("reference/parameters.csv");
            String csv = Files.readString(parameters);
            String changed = csv.replaceFirst("(?m)^ffi\\.russia-share\\.threshold,[^,]*,", "ffi.russia-share.threshold," + threshold + ",");
            assertThat(changed).as("the parameter line was found and replaced").isNotEqualTo(csv);
            Files.writeString(parameters, changed);
            return RuleEngine.load(RulesetFiles.fromDirectory(rules));
        }
    }

    // ---------------------------------------------------------------- FFI-USD-IMPACT

    @Nested
    class UsdImpact {
        private final Payment chipsToRussia =
                payment(party("OOO Dalelektronika", "RU", true), "854231", "RU", "480000", "2024-09-12");

        @Test
        @DisplayName("FFI-USD-IMPACT fires INFO when FFI-MIB-COUNTERPARTY fired and the bank has US correspondent access, naming the rule and the consequence")
        void firesAfterSevereRule() {
            Finding f = fires(bank().name("Harbin Bank").usAccess(true).pay(chipsToRussia), "FFI-USD-IMPACT", Severity.INFO);
            assertThat(f.explanation()).contains("FFI-MIB-COUNTERPARTY (payments[0])", "SEVERE", "Harbin Bank",
                    "US correspondent and payable-through accounts", "blocked", "EO 14024 §11(b) as amended by EO 14114");
            assertThat(f.evidence()).containsEntry("path", "subject").containsEntry("usCorrespondentAccess", true)
                    .containsEntry("severeFindings", List.of(Map.of("ruleId", "FFI-MIB-COUNTERPARTY", "path", "payments[0]")));
        }

        @Test
        @DisplayName("FFI-USD-IMPACT fires once for a bank with several SEVERE FFI findings and names them all")
        void firesOnceForSeveral() {
            BankBuilder b = bank().usAccess(true).pay(chipsToRussia).pay(chipsToRussia)
                    .pay(payment(party("JSC Zavod Impuls", "RU", true), "610910", "RU", "1000", "2024-09-13"))
                    .correspondent(correspondent("Bank Blocked", "RU", null, true));
            List<Finding> findings = evaluate(b);
            Finding f = only(findings, "FFI-USD-IMPACT");
            assertThat(f.explanation()).contains("FFI-MIB-COUNTERPARTY (payments[0], payments[1], payments[2])",
                    "FFI-SANCTIONED-CORRESPONDENT (correspondents[0])");
            // It reports last, after every SEVERE finding it names.
            assertThat(findings.get(findings.size() - 1).ruleId()).isEqualTo("FFI-USD-IMPACT");
        }

        @Test
        @DisplayName("FFI-USD-IMPACT stays silent for the same SEVERE payment when the bank has no US correspondent access (false or not stated)")
        void silentWithoutUsAccess() {
            List<Finding> findings = evaluate(bank().usAccess(false).pay(chipsToRussia));
            assertThat(ids(findings)).contains("FFI-MIB-COUNTERPARTY").doesNotContain("FFI-USD-IMPACT");
            silent(bank().usAccess(null).pay(chipsToRussia), "FFI-USD-IMPACT");
        }

        @Test
        @DisplayName("FFI-USD-IMPACT stays silent with US access when only HIGH and MEDIUM FFI rules fired (FFI-SPFS, FFI-REGIONAL-CHANNEL, FFI-RUSSIA-SHARE)")
        void silentWithOnlyHighRules() {
            BankBuilder b = heilongjiang().usAccess(true).spfs(true).share("0.30")
                    .pay(payment(party("OOO Odezhda", "RU", false), "610910", "RU", "1000", "2024-09-13"));
            List<Finding> findings = evaluate(b);
            assertThat(ids(findings)).containsExactlyInAnyOrder("FFI-SPFS", "FFI-REGIONAL-CHANNEL", "FFI-RUSSIA-SHARE");
        }

        @Test
        @DisplayName("FFI-USD-IMPACT stays silent with US access when nothing fired")
        void silentWhenNothingFired() {
            assertThat(evaluate(bank().usAccess(true).pay(harmless()))).isEmpty();
        }
    }

    // ---------------------------------------------------------------- realistic cases

    @Test
    @DisplayName("FFI-MIB-COUNTERPARTY, FFI-REGIONAL-CHANNEL, FFI-RUSSIA-SHARE, FFI-USD-IMPACT (and nothing else, SEVERE): a Heilongjiang regional bank paying a blocked Russian buyer for tier-1 chips")
    void heilongjiangBankPayingForChips() {
        // A small regional bank in Heilongjiang (fictional name) with low international exposure that still holds
        // US correspondent access. Chosen: it is NOT connected to SPFS (connectedToSpfs false, so FFI-SPFS stays
        // silent) and it declares 18% of its cross-border volume as Russia-related (above the 10% default).
        // payments[0]: USD 480,000 on 2024-09-12 between its customer and a Russian buyer in Vladivostok, marked as
        // blocked under EO 14024, for processors (HS 8542.31, CHPL tier 1) shipped to Russia. The goods crossed at Suifenhe–Pogranichny; the
        // route is not a payment field, so it appears only in this comment (on the supplier's export it would be
        // SUP-BORDER-CROSSING). payments[1] is an ordinary domestic payment that fires nothing.
        BankBuilder b = bank().name("Longjiang Frontier Rural Bank").in("CN", "Heilongjiang").exposure(Exposure.LOW)
                .usAccess(true).spfs(false).share("0.18")
                .correspondent(correspondent("Kowloon Clearing Bank", "HK", "KCLBHKHH", false))
                .pay(payment(party("OOO Dalnevostochnaya Elektronika", "RU", true), "854231", "RU",
                        "480000", "2024-09-12"))
                .pay(payment(party("Harbin Light Industry Co", "CN", false), "610910", "CN", "15000", "2024-09-20"));
        List<Finding> findings = evaluate(b);

        assertThat(ids(findings)).containsExactlyInAnyOrder(
                "FFI-MIB-COUNTERPARTY", "FFI-REGIONAL-CHANNEL", "FFI-RUSSIA-SHARE", "FFI-USD-IMPACT");
        assertThat(RiskLevel.highestOf(findings)).isEqualTo(RiskLevel.SEVERE);

        Finding mib = only(findings, "FFI-MIB-COUNTERPARTY");
        assertThat(mib.severity()).isEqualTo(Severity.SEVERE);
        assertThat(mib.evidence()).containsEntry("path", "payments[0]");
        assertThat(mib.explanation()).contains("Longjiang Frontier Rural Bank", "OOO Dalnevostochnaya Elektronika",
                "USD 480,000.00", "2024-09-12");
        assertThat(only(findings, "FFI-REGIONAL-CHANNEL").explanation()).contains("Heilongjiang", "payments[0]", "18%");
        assertThat(only(findings, "FFI-RUSSIA-SHARE").explanation()).contains("18%", "10%");
        Finding usd = only(findings, "FFI-USD-IMPACT");
        assertThat(usd.severity()).isEqualTo(Severity.INFO);
        assertThat(usd.explanation()).contains("FFI-MIB-COUNTERPARTY (payments[0])", "US correspondent and payable-through accounts");
    }

    @Test
    @DisplayName("FFI-MIB-COUNTERPARTY .. FFI-USD-IMPACT: none fires for a Liaoning bank with HIGH international exposure and no Russia business (CLEAR)")
    void liaoningBankWithoutRussiaBusiness() {
        // A Liaoning (Russia-bordering region in the catalogue) bank with high international exposure and US access,
        // no SPFS, no Russia share; it even pays for CHPL chips, but for a German buyer with goods staying in Germany.
        BankBuilder b = bank().name("Dalian Harbour Test Bank").in("CN", "Liaoning").exposure(Exposure.HIGH)
                .usAccess(true).spfs(false).share("0")
                .correspondent(correspondent("US Correspondent Bank NA", "US", "USCBUS33", false))
                .pay(payment(party("Munich Chips GmbH", "DE", false), "854231", "DE", "250000", "2024-06-14"))
                .pay(payment(party("Osaka Textiles KK", "JP", false), "610910", "JP", "40000", "2024-06-20"));
        List<Finding> findings = evaluate(b);

        assertThat(ids(findings)).isEmpty();
        assertThat(RiskLevel.highestOf(findings)).isEqualTo(RiskLevel.CLEAR);
    }

    // ---------------------------------------------------------------- files


}
