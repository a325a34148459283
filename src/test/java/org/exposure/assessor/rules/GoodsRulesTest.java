package org.exposure.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.testsupport.RuleAssertions.evaluate;
import static org.exposure.assessor.testsupport.RuleAssertions.fires;
import static org.exposure.assessor.testsupport.RuleAssertions.firesAt;
import static org.exposure.assessor.testsupport.RuleAssertions.hasCatalogueEntry;
import static org.exposure.assessor.testsupport.RuleAssertions.ids;
import static org.exposure.assessor.testsupport.RuleAssertions.only;
import static org.exposure.assessor.testsupport.RuleAssertions.ruleIds;
import static org.exposure.assessor.testsupport.RuleAssertions.silent;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.domain.Consignee;
import org.exposure.assessor.domain.ConsigneeKind;
import org.exposure.assessor.domain.Export;
import org.exposure.assessor.domain.Finding;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.Party;
import org.exposure.assessor.domain.Severity;
import org.exposure.assessor.domain.SupplierSubject;
import org.exposure.assessor.testsupport.Engines;
import org.exposure.assessor.testsupport.SupplierBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The GOODS rules of rules/goods/goods.drl against the rule catalogue (docs/rules.md, goods): for each rule
 * the cases that make it fire, at the severity the catalogue gives (escalations included), and the nearest case
 * that keeps it silent. Plain JUnit, on the one engine over rules/ that all rule tests share.
 */
class GoodsRulesTest {

    // ---------------------------------------------------------------- helpers

    /** A GOODS subject with the facts the rules read; origin CN unless given. */
    private static GoodsSubject goods(String hs, String destination) {
        return goods(hs, null, "CN", destination, null, null, null);
    }

    private static GoodsSubject goods(String hs, String dualUse, String origin, String destination, String region,
                                      Party endUser, Boolean noReexportClause) {
        return new GoodsSubject("g-1", "test goods", List.of(), "CN", null, hs, dualUse, "test", origin,
                destination, region, endUser, noReexportClause);
    }

    /** The same goods, dated. */
    private static GoodsSubject dated(GoodsSubject g, java.time.LocalDate date) {
        return new GoodsSubject(g.ref(), g.name(), g.aliases(), g.country(), g.region(), g.hsCode(), g.dualUseCode(),
                g.description(), g.originCountry(), g.destinationCountry(), g.destinationRegion(), g.endUser(),
                g.noReexportClause(), date);
    }

    private static Party endUser(String name, String country) {
        return new Party(name, country, null, false);
    }

    // ---------------------------------------------------------------- metadata

    @ParameterizedTest(name = "{0} carries the catalogue''s base severity {1} and legal basis")
    @DisplayName("GOODS-CHPL-T1 .. GOODS-MIB-END-USER carry the catalogue's base severity and legal basis")
    @CsvSource(delimiter = '|', textBlock = """
            GOODS-CHPL-T1            | HIGH    | CHPL (2024-02-23) tier 1; EU Reg. 833/2014 Annex XL
            GOODS-CHPL-T2            | HIGH    | CHPL (2024-02-23) tier 2
            GOODS-CHPL-T3            | MEDIUM  | CHPL (2024-02-23) tier 3A/3B
            GOODS-CHPL-T4            | MEDIUM  | CHPL (2024-02-23) tier 4A/4B
            GOODS-RESTRICTED-DEST    | HIGH    | RU — EU Reg. 833/2014 Art. 2, 2a, 3k, EAR 746.8; BY — EU Reg. 765/2006 Art. 1e, 1f, 1bb, EAR 746.8; Crimea/Sevastopol — EU Reg. 692/2014, EO 13685, EAR 746.6
            GOODS-TRANSSHIPMENT      | HIGH    | FIN-2022-Alert003; FIN-2023-Alert004
            GOODS-EO14114-ITEM       | SEVERE  | EO 14024 §11(a)(ii) as amended by EO 14114; OFAC Determination of 22 Dec 2023 (89 FR 78245); OFAC FAQs 1147–1152
            GOODS-NO-REEXPORT-CLAUSE | MEDIUM  | EU Reg. 833/2014 Art. 12g (from 20 Mar 2024)
            GOODS-RU-URANIUM         | MEDIUM  | Public Law 118-62
            GOODS-DUAL-USE           | HIGH    | Reg. (EU) 2021/821 Annex I; EU Reg. 833/2014 Art. 2; EAR 746.8
            GOODS-MIB-END-USER       | BLOCKED | EO 14024; 15 CFR 744
            """)
    void metadata(String id, Severity severity, String legalBasis) {
        hasCatalogueEntry(id, severity, legalBasis, "rules/goods/goods.drl");
    }

    @Test
    @DisplayName("GOODS-CHPL-T1 .. GOODS-MIB-END-USER: the ruleset holds exactly the 11 GOODS rules")
    void elevenGoodsRules() {
        assertThat(ruleIds("GOODS-"))
                .containsExactlyInAnyOrder("GOODS-CHPL-T1", "GOODS-CHPL-T2", "GOODS-CHPL-T3", "GOODS-CHPL-T4",
                        "GOODS-RESTRICTED-DEST", "GOODS-TRANSSHIPMENT", "GOODS-EO14114-ITEM",
                        "GOODS-NO-REEXPORT-CLAUSE", "GOODS-RU-URANIUM", "GOODS-DUAL-USE", "GOODS-MIB-END-USER");
    }

    // ---------------------------------------------------------------- CHPL tiers

    @Nested
    class ChplTier1 {
        @Test
        @DisplayName("GOODS-CHPL-T1 fires HIGH for 8542.31 to DE (neither restricted nor transshipment)")
        void highToGermany() {
            Finding f = fires(goods("854231", "DE"), "GOODS-CHPL-T1", Severity.HIGH);
            assertThat(f.explanation()).contains("HS 8542.31", "tier 1", "Germany (DE)")
                    .doesNotContain("transshipment", "export bans").doesNotStartWith("Export ");
            assertThat(f.legalBasis()).contains("tier 1");
            assertThat(f.evidence()).containsEntry("path", "subject").containsEntry("hsCode", "854231")
                    .containsEntry("chplTier", "1");
        }

        @Test
        @DisplayName("GOODS-CHPL-T1 fires SEVERE for 8542.31 to KZ (transshipment country)")
        void severeToKazakhstan() {
            Finding f = fires(goods("854231", "KZ"), "GOODS-CHPL-T1", Severity.SEVERE);
            assertThat(f.explanation()).contains("HS 8542.31", "tier 1", "Kazakhstan (KZ)", "transshipment country");
        }

        @Test
        @DisplayName("GOODS-CHPL-T1 fires SEVERE for 8542.39 to RU (restricted destination)")
        void severeToRussia() {
            Finding f = fires(goods("854239", "RU"), "GOODS-CHPL-T1", Severity.SEVERE);
            assertThat(f.explanation()).contains("HS 8542.39", "tier 1", "Russia (RU)", "export ban (EU Reg. 833/2014");
        }

        @Test
        @DisplayName("GOODS-CHPL-T1 fires SEVERE for 8542.32 to DE with the end user in RU")
        void severeEndUserInRussia() {
            Finding f = fires(goods("854232", null, "CN", "DE", null, endUser("Zavod", "RU"), null),
                    "GOODS-CHPL-T1", Severity.SEVERE);
            assertThat(f.explanation()).contains("HS 8542.32", "end user in Russia (RU)");
        }

        @Test
        @DisplayName("GOODS-CHPL-T1 stays silent for 8542.90 (parts of ICs, not on the CHPL), even to RU")
        void silentForNonChplCode() {
            silent(goods("854290", "RU"), "GOODS-CHPL-T1");
        }

        @Test
        @DisplayName("GOODS-CHPL-T1 stays silent for a tier-2 code (8517.62)")
        void silentForTier2() {
            silent(goods("851762", "KZ"), "GOODS-CHPL-T1");
        }
    }

    @Nested
    class ChplTier2 {
        @Test
        @DisplayName("GOODS-CHPL-T2 fires HIGH for 8532.21 to DE")
        void highToGermany() {
            Finding f = fires(goods("853221", "DE"), "GOODS-CHPL-T2", Severity.HIGH);
            assertThat(f.explanation()).contains("HS 8532.21", "tier 2", "Germany (DE)");
        }

        @Test
        @DisplayName("GOODS-CHPL-T2 fires SEVERE for 8517.62 to BY (restricted)")
        void severeToBelarus() {
            Finding f = fires(goods("851762", "BY"), "GOODS-CHPL-T2", Severity.SEVERE);
            assertThat(f.explanation()).contains("HS 8517.62", "tier 2", "Belarus (BY)");
        }

        @Test
        @DisplayName("GOODS-CHPL-T2 fires SEVERE for 8526.91 to HK (transshipment hub)")
        void severeToHongKong() {
            Finding f = fires(goods("852691", "HK"), "GOODS-CHPL-T2", Severity.SEVERE);
            assertThat(f.explanation()).contains("HS 8526.91", "tier 2", "(HK)", "transshipment country");
        }

        @Test
        @DisplayName("GOODS-CHPL-T2 stays silent for 8532.22 (aluminium capacitors, not on the CHPL)")
        void silentForNonChpl() {
            silent(goods("853222", "RU"), "GOODS-CHPL-T2");
        }

        @Test
        @DisplayName("GOODS-CHPL-T2 stays silent for a tier-1 code (8542.31)")
        void silentForTier1() {
            silent(goods("854231", "DE"), "GOODS-CHPL-T2");
        }
    }

    @Nested
    class ChplTier3 {
        @Test
        @DisplayName("GOODS-CHPL-T3 fires MEDIUM for 8482.10 (tier 3B) to DE and says mechanical components")
        void medium3B() {
            Finding f = fires(goods("848210", "DE"), "GOODS-CHPL-T3", Severity.MEDIUM);
            assertThat(f.explanation()).contains("HS 8482.10", "tier 3B", "mechanical components", "Germany (DE)");
            assertThat(f.evidence()).containsEntry("chplTier", "3B");
        }

        @Test
        @DisplayName("GOODS-CHPL-T3 fires MEDIUM for 8541.10 (tier 3A) to DE and says other electronic components")
        void medium3A() {
            Finding f = fires(goods("854110", "DE"), "GOODS-CHPL-T3", Severity.MEDIUM);
            assertThat(f.explanation()).contains("HS 8541.10", "tier 3A", "other electronic components")
                    .doesNotContain("mechanical");
        }

        @Test
        @DisplayName("GOODS-CHPL-T3 fires HIGH for 8482.10 to RU (restricted)")
        void highToRussia() {
            Finding f = fires(goods("848210", "RU"), "GOODS-CHPL-T3", Severity.HIGH);
            assertThat(f.explanation()).contains("tier 3B", "Russia (RU)");
        }

        @Test
        @DisplayName("GOODS-CHPL-T3 fires HIGH for 8541.10 to TR (transshipment)")
        void highToTurkey() {
            Finding f = fires(goods("854110", "TR"), "GOODS-CHPL-T3", Severity.HIGH);
            assertThat(f.explanation()).contains("tier 3A", "(TR)", "transshipment country");
        }

        @Test
        @DisplayName("GOODS-CHPL-T3 stays silent for 8482.91 (balls and rollers, not on the CHPL)")
        void silentForNonChpl() {
            silent(goods("848291", "TR"), "GOODS-CHPL-T3");
        }

        @Test
        @DisplayName("GOODS-CHPL-T3 stays silent for a tier-4A code (9030.20)")
        void silentForTier4() {
            silent(goods("903020", "DE"), "GOODS-CHPL-T3");
        }
    }

    @Nested
    class ChplTier4 {
        @Test
        @DisplayName("GOODS-CHPL-T4 fires MEDIUM for 9030.20 (tier 4A) to DE and says manufacturing and test equipment")
        void medium4A() {
            Finding f = fires(goods("903020", "DE"), "GOODS-CHPL-T4", Severity.MEDIUM);
            assertThat(f.explanation()).contains("HS 9030.20", "tier 4A", "manufacturing and test equipment");
        }

        @Test
        @DisplayName("GOODS-CHPL-T4 fires MEDIUM for 8459.61 (tier 4B) to DE and says CNC machine tools")
        void medium4B() {
            Finding f = fires(goods("845961", "DE"), "GOODS-CHPL-T4", Severity.MEDIUM);
            assertThat(f.explanation()).contains("HS 8459.61", "tier 4B", "CNC machine tools");
        }

        @Test
        @DisplayName("GOODS-CHPL-T4 fires HIGH for 8459.61 to CN (transshipment)")
        void highToChina() {
            Finding f = fires(goods("845961", null, "DE", "CN", null, null, null), "GOODS-CHPL-T4", Severity.HIGH);
            assertThat(f.explanation()).contains("tier 4B", "China (CN)", "transshipment country");
        }

        @Test
        @DisplayName("GOODS-CHPL-T4 fires HIGH for 8486.20 to UA, region Crimea")
        void highToCrimea() {
            Finding f = fires(goods("848620", null, "CN", "UA", "Crimea", null, null), "GOODS-CHPL-T4", Severity.HIGH);
            assertThat(f.explanation()).contains("tier 4A", "Crimea (UA)");
        }

        @Test
        @DisplayName("GOODS-CHPL-T4 stays silent for 8458.19 (lathes that are not CNC, not on the CHPL)")
        void silentForNonChpl() {
            silent(goods("845819", "RU"), "GOODS-CHPL-T4");
        }

        @Test
        @DisplayName("GOODS-CHPL-T4 stays silent for a tier-3B code (8482.10)")
        void silentForTier3() {
            silent(goods("848210", "DE"), "GOODS-CHPL-T4");
        }
    }

    // ---------------------------------------------------------------- destinations

    @Nested
    class RestrictedDestination {
        @Test
        @DisplayName("GOODS-RESTRICTED-DEST fires SEVERE for a CHPL code (8542.31) to RU")
        void severeForChpl() {
            Finding f = fires(goods("854231", "RU"), "GOODS-RESTRICTED-DEST", Severity.SEVERE);
            assertThat(f.explanation()).contains("HS 8542.31", "Common High Priority List", "destination Russia (RU)");
            assertThat(f.evidence()).containsEntry("restrictedDestination", "destination Russia (RU)");
        }

        @Test
        @DisplayName("GOODS-RESTRICTED-DEST fires HIGH for non-CHPL goods (6109.10 T-shirts) to BY")
        void highForNonChpl() {
            Finding f = fires(goods("610910", "BY"), "GOODS-RESTRICTED-DEST", Severity.HIGH);
            assertThat(f.explanation()).contains("HS 6109.10", "Belarus (BY)").doesNotContain("High Priority");
        }

        @Test
        @DisplayName("GOODS-RESTRICTED-DEST fires for UA with region \"Crimea\"")
        void crimea() {
            Finding f = fires(goods("610910", null, "CN", "UA", "Crimea", null, null),
                    "GOODS-RESTRICTED-DEST", Severity.HIGH);
            assertThat(f.explanation()).contains("destination region Crimea (UA)");
        }

        @Test
        @DisplayName("GOODS-RESTRICTED-DEST: an oblast named alone (\"Zaporozhye Oblast\") is a check at HIGH, even for CHPL goods, citing the EU basis only")
        void oblastAloneIsACheck() {
            Finding f = fires(goods("848210", null, "CN", "UA", "Zaporozhye Oblast", null, null),
                    "GOODS-RESTRICTED-DEST", Severity.HIGH);
            assertThat(f.explanation()).contains("Zaporizhzhia Oblast (UA)", "only partly under Russian occupation",
                    "verify that the address is in government-controlled territory");
            // No US basis reaches Zaporizhzhia or Kherson: EO 14065 and EAR 746.6 cover Crimea and the DNR/LNR only.
            assertThat(f.legalBasis()).contains("EU Reg. 2022/263", "2022/1903").doesNotContain("EO 14065", "EAR");
            assertThat(f.evidence()).containsEntry("occupiedOblast", "destination region Zaporizhzhia Oblast (UA)")
                    .doesNotContainKey("restrictedDestination");
        }

        @ParameterizedTest(name = "GOODS-RESTRICTED-DEST for region \"{0}\": {1} at {2}, citing {3}")
        @DisplayName("GOODS-RESTRICTED-DEST names the area whatever the spelling, a verdict for Crimea, the so-called republics and occupied cities, a check for an oblast alone")
        @CsvSource(delimiter = '|', textBlock = """
                Sevastopol                     | Crimea (UA)                                   | SEVERE | EU Reg. 692/2014; EO 13685; EAR 746.6(a)(1)
                DNR                            | Donetsk People's Republic (UA)                | SEVERE | EO 14065
                Luhansk People's Republic      | Luhansk People's Republic (UA)                | SEVERE | EAR 746.6(a)(2)
                Mariupol                       | Mariupol (occupied Donetsk Oblast) (UA)       | SEVERE | Reg. 2022/1903
                Melitopol, Zaporizhzhia Oblast | Melitopol (occupied Zaporizhzhia Oblast) (UA) | SEVERE | Reg. 2022/1903
                Luhansk Oblast                 | Luhansk Oblast (UA)                           | HIGH   | EU Reg. 2022/263
                Khersonska oblast'             | Kherson Oblast (UA)                           | HIGH   | EU Reg. 2022/263
                Kherson                        | Kherson Oblast (UA)                           | HIGH   | EU Reg. 2022/263
                Donetsk                        | Donetsk Oblast (UA)                           | HIGH   | EU Reg. 2022/263
                """)
        void regionSpellings(String region, String label, Severity severity, String basis) {
            Finding f = fires(goods("854231", null, "CN", "UA", region, null, null), "GOODS-RESTRICTED-DEST", severity);
            assertThat(f.explanation()).contains(label);
            assertThat(f.legalBasis()).contains(basis);
        }

        @Test
        @DisplayName("GOODS-RESTRICTED-DEST cites each destination's own law: Russia's for RU, Belarus's for BY")
        void basisPerDestination() {
            assertThat(fires(goods("854231", "RU"), "GOODS-RESTRICTED-DEST", Severity.SEVERE).legalBasis())
                    .isEqualTo("EU Reg. 833/2014 Art. 2, 2a, 3k; EAR 746.8");
            Finding belarus = fires(goods("854231", "BY"), "GOODS-RESTRICTED-DEST", Severity.SEVERE);
            assertThat(belarus.legalBasis()).isEqualTo("EU Reg. 765/2006 Art. 1e, 1f, 1bb; EAR 746.8");
            assertThat(belarus.explanation()).contains("Belarus (BY)", "EU Reg. 765/2006");
        }

        @Test
        @DisplayName("GOODS-RESTRICTED-DEST: chips to Belarus get the export ban with Belarus's basis and no GOODS-EO14114-ITEM (Belarus is not the Russian Federation)")
        void chipsToBelarus() {
            List<Finding> findings = evaluate(goods("854231", "BY"));
            assertThat(only(findings, "GOODS-RESTRICTED-DEST").legalBasis()).startsWith("EU Reg. 765/2006");
            assertThat(ids(findings)).doesNotContain("GOODS-EO14114-ITEM");
        }

        @Test
        @DisplayName("GOODS-RESTRICTED-DEST: an oblast alone does not escalate the CHPL rules as a restricted destination would")
        void oblastAloneDoesNotEscalate() {
            List<Finding> findings = evaluate(goods("854231", null, "CN", "UA", "Zaporizhzhia", null, null));
            assertThat(only(findings, "GOODS-CHPL-T1").severity()).isEqualTo(Severity.HIGH);
            assertThat(only(evaluate(goods("854231", null, "CN", "UA", "Crimea", null, null)), "GOODS-CHPL-T1").severity())
                    .isEqualTo(Severity.SEVERE);
        }

        @Test
        @DisplayName("GOODS-RESTRICTED-DEST fires SEVERE when the goods go to AM but the end user is in RU")
        void endUserInRussia() {
            Finding f = fires(goods("854231", null, "CN", "AM", null, endUser("Zavod Impuls", "RU"), null),
                    "GOODS-RESTRICTED-DEST", Severity.SEVERE);
            assertThat(f.explanation()).contains("end user in Russia (RU)");
        }

        @Test
        @DisplayName("GOODS-RESTRICTED-DEST fires when the end user is in an occupied region (UA, Crimea), goods to TR")
        void endUserInCrimea() {
            Party eu = new Party("Sevastopol Shipyard", "UA", "Crimea", false);
            Finding f = fires(goods("610910", null, "CN", "TR", null, eu, null), "GOODS-RESTRICTED-DEST", Severity.HIGH);
            assertThat(f.explanation()).contains("end user in Crimea (UA)");
        }

        @Test
        @DisplayName("GOODS-RESTRICTED-DEST stays silent for CHPL goods to KZ with the end user in KZ")
        void silentForKazakhstan() {
            silent(goods("854231", null, "CN", "KZ", null, endUser("Almaty Tech", "KZ"), null), "GOODS-RESTRICTED-DEST");
        }

        @Test
        @DisplayName("GOODS-RESTRICTED-DEST stays silent for UA with an unoccupied region (Kyiv) or no region")
        void silentForFreeUkraine() {
            silent(goods("854231", null, "CN", "UA", "Kyiv Oblast", null, null), "GOODS-RESTRICTED-DEST");
            silent(goods("854231", null, "CN", "UA", null, null, null), "GOODS-RESTRICTED-DEST");
        }

        @Test
        @DisplayName("GOODS-RESTRICTED-DEST stays silent for a region name of Ukraine given under another country (RS, Crimea)")
        void silentForRegionOfAnotherCountry() {
            silent(goods("610910", null, "CN", "RS", "Crimea", null, null), "GOODS-RESTRICTED-DEST");
        }
    }

    @Nested
    class Transshipment {
        @Test
        @DisplayName("GOODS-TRANSSHIPMENT fires HIGH for 8542.31 to KZ with no end user declared")
        void noEndUser() {
            Finding f = fires(goods("854231", "KZ"), "GOODS-TRANSSHIPMENT", Severity.HIGH);
            assertThat(f.explanation()).contains("HS 8542.31", "Kazakhstan (KZ)", "no end user is declared");
            assertThat(f.evidence()).containsEntry("transshipmentCountry", "KZ");
        }

        @Test
        @DisplayName("GOODS-TRANSSHIPMENT fires HIGH for 8482.10 to AE with the end user in RU")
        void endUserElsewhere() {
            Finding f = fires(goods("848210", null, "CN", "AE", null, endUser("Kupol", "RU"), null),
                    "GOODS-TRANSSHIPMENT", Severity.HIGH);
            assertThat(f.explanation()).contains("HS 8482.10", "(AE)", "the end user Kupol is in RU");
        }

        @Test
        @DisplayName("GOODS-TRANSSHIPMENT fires HIGH when the end user is named but its country is not given")
        void endUserCountryUnknown() {
            Finding f = fires(goods("854231", null, "CN", "HK", null, endUser("Some Trading Ltd", null), null),
                    "GOODS-TRANSSHIPMENT", Severity.HIGH);
            assertThat(f.explanation()).contains("Some Trading Ltd", "an undeclared country");
        }

        @Test
        @DisplayName("GOODS-TRANSSHIPMENT fires when the end user has a blank name (unknown)")
        void blankEndUser() {
            Finding f = fires(goods("854231", null, "CN", "KZ", null, endUser(" ", "KZ"), null),
                    "GOODS-TRANSSHIPMENT", Severity.HIGH);
            assertThat(f.explanation()).contains("no end user is declared");
        }

        @Test
        @DisplayName("GOODS-TRANSSHIPMENT stays silent when the end user is in the destination country (KZ)")
        void silentEndUserInDestination() {
            silent(goods("854231", null, "CN", "KZ", null, endUser("Almaty Tech", "KZ"), null), "GOODS-TRANSSHIPMENT");
        }

        @Test
        @DisplayName("GOODS-TRANSSHIPMENT stays silent for non-CHPL goods (8542.90) to KZ without end user")
        void silentNonChpl() {
            silent(goods("854290", "KZ"), "GOODS-TRANSSHIPMENT");
        }

        @Test
        @DisplayName("GOODS-TRANSSHIPMENT stays silent for CHPL goods to a country not on the list (DE), or to RU itself")
        void silentNotTransshipment() {
            silent(goods("854231", "DE"), "GOODS-TRANSSHIPMENT");
            silent(goods("854231", "RU"), "GOODS-TRANSSHIPMENT");
        }
    }

    // ---------------------------------------------------------------- EO 14114, clause, uranium, dual use, end user

    @Nested
    class Eo14114Item {
        // The shipped item list holds the determination's eight categories without codes (none could be read in a
        // published source). These tests run the rule over a test list that places a few codes in categories; the
        // codes exercise the rule and are not a claim about the determination.
        private static final String TEST_ITEMS = """
                category,hs
                bearings,8482
                navigation instruments,901420
                lubricants and lubricant additives,381121
                machine tools,
                """;

        private List<Finding> evaluateWithItems(GoodsSubject g) {
            return Engines.withFile("reference/eo14114-items.csv", TEST_ITEMS).evaluate(g);
        }

        private Finding firesWithItems(GoodsSubject g) {
            Finding f = only(evaluateWithItems(g), "GOODS-EO14114-ITEM");
            assertThat(f.severity()).isEqualTo(Severity.SEVERE);
            return f;
        }

        @Test
        @DisplayName("GOODS-EO14114-ITEM fires SEVERE for bearings (8482.10, under heading 8482 of the list) to RU, naming the category")
        void severeToRussia() {
            Finding f = firesWithItems(goods("848210", "RU"));
            assertThat(f.explanation()).contains("HS 8482.10", "HS 8482 (bearings)", "Russian Federation",
                    "destination Russia (RU)", "EO 14024 §11");
            assertThat(f.evidence()).containsEntry("criticalItem", "8482").containsEntry("criticalItemCategory", "bearings");
        }

        @Test
        @DisplayName("GOODS-EO14114-ITEM fires for lubricant additives (3811.21), a code the CHPL does not hold, to a consignee in RU")
        void lubricantAdditivesNotOnChpl() {
            Party ru = new Party("OOO Neftemasla", "RU", null, false);
            Finding f = firesWithItems(goods("381121", null, "CN", "KZ", null, ru, null));
            assertThat(f.explanation()).contains("lubricants and lubricant additives", "end user OOO Neftemasla in Russia (RU)");
            assertThat(ids(evaluateWithItems(goods("381121", null, "CN", "KZ", null, ru, null))))
                    .noneMatch(id -> id.startsWith("GOODS-CHPL"));
        }

        @Test
        @DisplayName("GOODS-EO14114-ITEM stays silent for listed items to Belarus or to occupied Ukraine: the test is a transfer to Russia")
        void silentForBelarusAndOccupiedUkraine() {
            assertThat(ids(evaluateWithItems(goods("848210", "BY")))).contains("GOODS-RESTRICTED-DEST")
                    .doesNotContain("GOODS-EO14114-ITEM");
            assertThat(ids(evaluateWithItems(goods("901420", null, "CN", "UA", "Crimea", null, null))))
                    .contains("GOODS-RESTRICTED-DEST").doesNotContain("GOODS-EO14114-ITEM");
            assertThat(ids(evaluateWithItems(goods("848210", null, "CN", "KZ", null, endUser("Minsk Works", "BY"), null))))
                    .doesNotContain("GOODS-EO14114-ITEM");
        }

        @Test
        @DisplayName("GOODS-EO14114-ITEM stays silent for CHPL chips (8542.31) to RU: the CHPL is not OFAC's item list")
        void silentForChplNotOnItemList() {
            assertThat(ids(evaluateWithItems(goods("854231", "RU")))).contains("GOODS-CHPL-T1").doesNotContain("GOODS-EO14114-ITEM");
            silent(goods("854231", "RU"), "GOODS-EO14114-ITEM");
        }

        @Test
        @DisplayName("GOODS-EO14114-ITEM judges a shipment by its own date: silent before the determination (22 Dec 2023), SEVERE from it")
        void dateAware() {
            assertThat(ids(evaluateWithItems(dated(goods("848210", "RU"), java.time.LocalDate.of(2023, 12, 21)))))
                    .doesNotContain("GOODS-EO14114-ITEM");
            Finding f = firesWithItems(dated(goods("848210", "RU"), java.time.LocalDate.of(2023, 12, 22)));
            assertThat(f.explanation()).contains("dated 2023-12-22", "Determination of 2023-12-22");
        }

        @Test
        @DisplayName("GOODS-EO14114-ITEM: the shipped list names the eight categories of OFAC FAQ 1148 and holds no code it could not source")
        void shippedListHasTheEightCategories() {
            assertThat(Engines.project().reference().unfilledItemCategories()).containsExactly(
                    "machine tools", "semiconductor manufacturing equipment", "electronic test equipment",
                    "propellants and their precursors", "lubricants and lubricant additives", "bearings",
                    "advanced optical systems", "navigation instruments");
        }
    }

    @Nested
    class NoReexportClause {
        private static final java.time.LocalDate JUNE_2024 = java.time.LocalDate.of(2024, 6, 3);

        /** Goods exported from {@code exporter} to {@code destination}, dated {@code date}. */
        private GoodsSubject export(String exporter, String hs, String destination, Boolean clause, java.time.LocalDate date) {
            return new GoodsSubject("g-1", "test goods", List.of(), exporter, null, hs, null, "test", exporter,
                    destination, null, null, clause, date);
        }

        @Test
        @DisplayName("GOODS-NO-REEXPORT-CLAUSE fires MEDIUM for a German exporter of 8542.31 to Kazakhstan without the clause")
        void germanToKazakhstan() {
            Finding f = fires(export("DE", "854231", "KZ", false, JUNE_2024), "GOODS-NO-REEXPORT-CLAUSE", Severity.MEDIUM);
            assertThat(f.explanation()).contains("HS 8542.31", "Annex XL", "exported from DE", "Kazakhstan (KZ)",
                    "Annex VIII", "no \"no re-export to Russia\" clause", "dated 2024-06-03");
            assertThat(f.evidence()).containsEntry("noReexportClause", false).containsEntry("exporterCountry", "DE");
        }

        @Test
        @DisplayName("GOODS-NO-REEXPORT-CLAUSE stays silent for a Chinese exporter without the clause: Art. 12g binds EU exporters only")
        void silentForChineseExporter() {
            silent(export("CN", "854231", "KZ", false, JUNE_2024), "GOODS-NO-REEXPORT-CLAUSE");
        }

        @ParameterizedTest(name = "GOODS-NO-REEXPORT-CLAUSE stays silent for a German export to {0}")
        @DisplayName("GOODS-NO-REEXPORT-CLAUSE stays silent towards the Annex VIII partners and within the EU")
        @CsvSource({"JP", "US", "GB", "KR", "AU", "CA", "NZ", "NO", "CH", "FR", "PL"})
        void silentForPartnersAndEu(String destination) {
            silent(export("DE", "854231", destination, false, JUNE_2024), "GOODS-NO-REEXPORT-CLAUSE");
        }

        @Test
        @DisplayName("GOODS-NO-REEXPORT-CLAUSE applies from 20 Mar 2024: silent for a shipment of 19 Mar 2024, MEDIUM for one of 20 Mar 2024")
        void fromTwentiethOfMarch2024() {
            silent(export("DE", "854231", "KZ", false, java.time.LocalDate.of(2024, 3, 19)), "GOODS-NO-REEXPORT-CLAUSE");
            fires(export("DE", "854231", "KZ", false, java.time.LocalDate.of(2024, 3, 20)), "GOODS-NO-REEXPORT-CLAUSE", Severity.MEDIUM);
        }

        @Test
        @DisplayName("GOODS-NO-REEXPORT-CLAUSE covers arms and ammunition (HS chapter 93) as well as CHPL items, not other goods")
        void armsAndOtherGoods() {
            Finding f = fires(export("IT", "930630", "RS", false, JUNE_2024), "GOODS-NO-REEXPORT-CLAUSE", Severity.MEDIUM);
            assertThat(f.explanation()).contains("arms or ammunition (HS chapter 93)", "Serbia");
            silent(export("DE", "610910", "KZ", false, JUNE_2024), "GOODS-NO-REEXPORT-CLAUSE");
        }

        @Test
        @DisplayName("GOODS-NO-REEXPORT-CLAUSE stays silent when the clause is stated (true) or not stated (null)")
        void silentWithClauseOrUnknown() {
            silent(export("DE", "854231", "KZ", true, JUNE_2024), "GOODS-NO-REEXPORT-CLAUSE");
            silent(export("DE", "854231", "KZ", null, JUNE_2024), "GOODS-NO-REEXPORT-CLAUSE");
        }
    }

    @Nested
    class RussianUranium {
        @Test
        @DisplayName("GOODS-RU-URANIUM fires MEDIUM for 2844.20 of Russian origin")
        void mediumRussianOrigin() {
            Finding f = fires(goods("284420", null, "RU", "US", null, null, null), "GOODS-RU-URANIUM", Severity.MEDIUM);
            assertThat(f.explanation()).contains("HS 2844.20", "Russian origin", "Public Law 118-62");
            assertThat(f.evidence()).containsEntry("originCountry", "RU");
        }

        @Test
        @DisplayName("GOODS-RU-URANIUM fires for a Russian supplier's export of 2844.20 (origin = supplier country)")
        void supplierInRussia() {
            Export e = new Export("284420", null, "US", null, new Consignee("US Utility", "US", null,
                    ConsigneeKind.END_USER, false), null, null, true, true);
            SupplierSubject s = new SupplierSubject("s-ru", "Tenex", List.of(), "RU", null, null, null, null,
                    List.of(), List.of(), List.of(e));
            Finding f = firesAt(s, "GOODS-RU-URANIUM", Severity.MEDIUM, "exports[0]");
        }

        @Test
        @DisplayName("GOODS-RU-URANIUM stays silent for 2844.20 not of Russian origin (KZ, or origin not given)")
        void silentOtherOrigin() {
            silent(goods("284420", null, "KZ", "US", null, null, null), "GOODS-RU-URANIUM");
            silent(goods("284420", null, null, "US", null, null, null), "GOODS-RU-URANIUM");
        }

        @Test
        @DisplayName("GOODS-RU-URANIUM stays silent for other radioactive material (2844.10 natural uranium) of Russian origin")
        void silentOtherCode() {
            silent(goods("284410", null, "RU", "US", null, null, null), "GOODS-RU-URANIUM");
        }
    }

    @Nested
    class DualUse {
        @Test
        @DisplayName("GOODS-DUAL-USE fires HIGH for 3A001 to DE")
        void highToGermany() {
            Finding f = fires(goods("854231", "3A001", "CN", "DE", null, null, null), "GOODS-DUAL-USE", Severity.HIGH);
            assertThat(f.explanation()).contains("HS 8542.31", "dual-use control entry 3A001", "Germany (DE)");
        }

        @Test
        @DisplayName("GOODS-DUAL-USE fires HIGH for the sub-item 5A002.a.1 on non-CHPL goods to DE")
        void subItem() {
            Finding f = fires(goods("847330", "5A002.a.1", "CN", "DE", null, null, null), "GOODS-DUAL-USE", Severity.HIGH);
            assertThat(f.explanation()).contains("5A002.a.1");
        }

        @Test
        @DisplayName("GOODS-DUAL-USE fires SEVERE for 3A001 to RU (restricted)")
        void severeToRussia() {
            Finding f = fires(goods("854231", "3A001", "CN", "RU", null, null, null), "GOODS-DUAL-USE", Severity.SEVERE);
            assertThat(f.explanation()).contains("3A001", "Russia (RU)", "restricted");
        }

        @Test
        @DisplayName("GOODS-DUAL-USE cites Belarus's own dual-use ban (EU Reg. 765/2006 Art. 1e) for BY, Russia's (Art. 2) for RU")
        void basisPerCountry() {
            assertThat(fires(goods("854231", "3A001", "CN", "BY", null, null, null), "GOODS-DUAL-USE", Severity.SEVERE).legalBasis())
                    .isEqualTo("Reg. (EU) 2021/821 Annex I; EU Reg. 765/2006 Art. 1e; EAR 746.8");
            assertThat(fires(goods("854231", "3A001", "CN", "RU", null, null, null), "GOODS-DUAL-USE", Severity.SEVERE).legalBasis())
                    .isEqualTo("Reg. (EU) 2021/821 Annex I; EU Reg. 833/2014 Art. 2; EAR 746.8");
        }

        @Test
        @DisplayName("GOODS-DUAL-USE fires SEVERE for 3A001 to KZ (transshipment) with no end user")
        void severeTransshipmentUnknownEndUser() {
            Finding f = fires(goods("854231", "3A001", "CN", "KZ", null, null, null), "GOODS-DUAL-USE", Severity.SEVERE);
            assertThat(f.explanation()).contains("3A001", "Kazakhstan (KZ)", "transshipment country", "no end user");
        }

        @Test
        @DisplayName("GOODS-DUAL-USE fires only HIGH for 3A001 to KZ with a known end user in KZ")
        void highTransshipmentKnownEndUser() {
            Finding f = fires(goods("854231", "3A001", "CN", "KZ", null, endUser("Almaty Tech", "KZ"), null),
                    "GOODS-DUAL-USE", Severity.HIGH);
            assertThat(f.explanation()).contains("3A001", "Kazakhstan (KZ)").doesNotContain("no end user");
        }

        @Test
        @DisplayName("GOODS-DUAL-USE stays silent without a dualUseCode")
        void silentWithoutCode() {
            silent(goods("854231", null, "CN", "RU", null, null, null), "GOODS-DUAL-USE");
        }
    }

    @Nested
    class MibEndUser {
        @Test
        @DisplayName("GOODS-MIB-END-USER fires BLOCKED when the end user is marked sanctioned")
        void blocked() {
            Party eu = new Party("JSC Kronstadt", "RU", null, true);
            Finding f = fires(goods("854231", null, "CN", "KZ", null, eu, null), "GOODS-MIB-END-USER", Severity.BLOCKED);
            assertThat(f.explanation()).contains("JSC Kronstadt", "blocked");
            @SuppressWarnings("unchecked")
            Map<String, Object> evidenceEndUser = (Map<String, Object>) f.evidence().get("endUser");
            assertThat(evidenceEndUser).containsEntry("name", "JSC Kronstadt").containsEntry("sanctioned", true);
        }

        @Test
        @DisplayName("GOODS-MIB-END-USER fires BLOCKED even for harmless goods to a harmless destination")
        void blockedWhateverTheGoods() {
            Party eu = new Party("JSC Kronstadt", "DE", null, true);
            fires(goods("610910", null, "CN", "DE", null, eu, null), "GOODS-MIB-END-USER", Severity.BLOCKED);
        }

        @Test
        @DisplayName("GOODS-MIB-END-USER fires BLOCKED for a sanctioned freight forwarder, which is not the end user but a party")
        void blockedIntermediaryConsignee() {
            Consignee forwarder = new Consignee("Sino-Ross Logistics", "KZ", null, ConsigneeKind.FREIGHT_FORWARDER, true);
            Finding f = firesAt(supplier(export("848210", "KZ", forwarder)), "GOODS-MIB-END-USER", Severity.BLOCKED, "exports[0]");
            assertThat(f.explanation()).contains("the consignee Sino-Ross Logistics (freight forwarder)", "8482.10");
        }

        @Test
        @DisplayName("GOODS-MIB-END-USER stays silent for an intermediary consignee that is not marked sanctioned")
        void silentIntermediaryNotSanctioned() {
            Consignee forwarder = new Consignee("Sino-Ross Logistics", "KZ", null, ConsigneeKind.FREIGHT_FORWARDER, null);
            silent(supplier(export("848210", "KZ", forwarder)), "GOODS-MIB-END-USER");
        }

        @Test
        @DisplayName("GOODS-MIB-END-USER stays silent when sanctioned is false or not given")
        void silentNotSanctioned() {
            silent(goods("854231", null, "CN", "RU", null, new Party("Zavod", "RU", null, false), null),
                    "GOODS-MIB-END-USER");
            silent(goods("854231", null, "CN", "RU", null, new Party("Zavod", "RU", null, null), null),
                    "GOODS-MIB-END-USER");
            silent(goods("854231", "RU"), "GOODS-MIB-END-USER");
        }
    }

    // ---------------------------------------------------------------- combined and supplier exports

    @Test
    @DisplayName("GOODS-CHPL-T1 and GOODS-RESTRICTED-DEST together for 8542.31 to RU, and nothing else (the shipped item list holds no code)")
    void fullPictureForChipsToRussia() {
        List<Finding> findings = evaluate(goods("854231", "RU"));
        assertThat(ids(findings)).containsExactlyInAnyOrder("GOODS-CHPL-T1", "GOODS-RESTRICTED-DEST");
        assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.SEVERE));
    }

    @Test
    @DisplayName("GOODS-CHPL-T1 .. GOODS-MIB-END-USER: harmless goods (6109.10 from CN to DE, clause given) fire nothing")
    void harmlessGoodsAreClear() {
        assertThat(evaluate(goods("610910", null, "CN", "DE", null, endUser("Berlin Retail", "DE"), true))).isEmpty();
    }

    private static Export export(String hs, String dest, Consignee consignee) {
        return new Export(hs, null, dest, null, consignee, null, new BigDecimal("12500.00"), false, null);
    }

    private static SupplierSubject supplier(Export... exports) {
        return SupplierBuilder.supplier().name("Harbin Parts Co").incorporatedOn(java.time.LocalDate.of(2022, 6, 1))
                .website(null).lineOfBusiness("85").exports(exports).build();
    }

    @Test
    @DisplayName("GOODS-CHPL-T1 and GOODS-CHPL-T3 fire per export of a supplier with evidence path exports[0] / exports[1]")
    void supplierExportsFirePerExport() {
        SupplierSubject s = supplier(
                export("854231", "RU", new Consignee("Zavod Impuls", "RU", "Khabarovsk Krai", ConsigneeKind.END_USER, false)),
                export("848210", "KZ", new Consignee("Almaty Bearings", "KZ", null, ConsigneeKind.DISTRIBUTOR, false)));
        List<Finding> findings = evaluate(s);

        Finding t1 = only(findings, "GOODS-CHPL-T1");
        assertThat(t1.severity()).isEqualTo(Severity.SEVERE);
        assertThat(t1.evidence()).containsEntry("path", "exports[0]").containsEntry("hsCode", "854231");
        assertThat(t1.explanation()).startsWith("Export exports[0]: ").contains("HS 8542.31", "Russia (RU)");

        Finding t3 = only(findings, "GOODS-CHPL-T3");
        assertThat(t3.severity()).isEqualTo(Severity.HIGH);
        assertThat(t3.evidence()).containsEntry("path", "exports[1]").containsEntry("hsCode", "848210");
        assertThat(t3.explanation()).startsWith("Export exports[1]: ").contains("HS 8482.10", "tier 3B", "Kazakhstan (KZ)");

        // The first export's restriction findings point at exports[0], never at exports[1].
        assertThat(only(findings, "GOODS-RESTRICTED-DEST").evidence()).containsEntry("path", "exports[0]");
        // The distributor in KZ is the end user, in the destination country: no transshipment flag.
        assertThat(ids(findings)).doesNotContain("GOODS-TRANSSHIPMENT");
        // Evidence of a shipment carries the shipment's own facts.
        @SuppressWarnings("unchecked")
        Map<String, Object> consignee = (Map<String, Object>) t1.evidence().get("consignee");
        assertThat(consignee).containsEntry("name", "Zavod Impuls").containsEntry("kind", "END_USER");
        assertThat(t1.evidence()).containsEntry("valueUsd", new BigDecimal("12500.00"))
                .containsEntry("endUseStatement", false).containsEntry("originCountry", "CN");
    }

    @Test
    @DisplayName("GOODS-CHPL-T1 fires once per export when two exports carry the same code")
    void sameCodeTwice() {
        SupplierSubject s = supplier(export("854231", "DE", null), export("854231", "KZ", null));
        List<Finding> t1 = evaluate(s).stream().filter(f -> f.ruleId().equals("GOODS-CHPL-T1")).toList();
        assertThat(t1).extracting(f -> f.evidence().get("path")).containsExactlyInAnyOrder("exports[0]", "exports[1]");
        assertThat(t1).filteredOn(f -> f.evidence().get("path").equals("exports[0]"))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.HIGH);
        assertThat(t1).filteredOn(f -> f.evidence().get("path").equals("exports[1]"))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.SEVERE);
    }

    @Test
    @DisplayName("GOODS-TRANSSHIPMENT: a FREIGHT_FORWARDER consignee in the destination country counts as an unknown end user")
    void freightForwarderIsUnknownEndUser() {
        SupplierSubject s = supplier(
                export("848210", "KZ", new Consignee("Astana Forwarding", "KZ", null, ConsigneeKind.FREIGHT_FORWARDER, false)));
        Finding f = only(evaluate(s), "GOODS-TRANSSHIPMENT");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.explanation()).startsWith("Export exports[0]: ").contains("no end user is declared");
        assertThat(f.evidence()).containsEntry("path", "exports[0]").doesNotContainKey("endUser");
    }

    @Test
    @DisplayName("GOODS-TRANSSHIPMENT: TRADING_COMPANY and LOGISTICS_COMPANY consignees count as unknown end users too; a MANUFACTURER does not")
    void otherIntermediaries() {
        for (ConsigneeKind kind : List.of(ConsigneeKind.TRADING_COMPANY, ConsigneeKind.LOGISTICS_COMPANY)) {
            SupplierSubject s = supplier(export("854231", "AE", new Consignee("Dubai Co", "AE", null, kind, false)));
            assertThat(ids(evaluate(s))).as(kind.name()).contains("GOODS-TRANSSHIPMENT");
        }
        SupplierSubject s = supplier(export("854231", "AE",
                new Consignee("Dubai Assembly", "AE", null, ConsigneeKind.MANUFACTURER, false)));
        assertThat(ids(evaluate(s))).doesNotContain("GOODS-TRANSSHIPMENT");
    }

    @Test
    @DisplayName("GOODS-DUAL-USE escalates to SEVERE for an export to KZ consigned to a FREIGHT_FORWARDER (unknown end user)")
    void dualUseForwarder() {
        Export e = new Export("854231", "3A001", "KZ", null,
                new Consignee("Astana Forwarding", "KZ", null, ConsigneeKind.FREIGHT_FORWARDER, false),
                null, null, null, null);
        Finding f = only(evaluate(supplier(e)), "GOODS-DUAL-USE");
        assertThat(f.severity()).isEqualTo(Severity.SEVERE);
        assertThat(f.evidence()).containsEntry("path", "exports[0]").containsEntry("dualUseCode", "3A001");
    }

    @Test
    @DisplayName("GOODS-RESTRICTED-DEST for an export to UA, region Crimea, and for a consignee (end user) in RU")
    void supplierRestrictedRegions() {
        Export crimea = new Export("610910", null, "UA", "Crimea", null, null, null, null, null);
        Export viaArmenia = export("854231", "AM", new Consignee("Zavod", "RU", null, ConsigneeKind.END_USER, false));
        List<Finding> findings = evaluate(supplier(crimea, viaArmenia));
        List<Finding> restricted = findings.stream().filter(f -> f.ruleId().equals("GOODS-RESTRICTED-DEST")).toList();
        assertThat(restricted).hasSize(2);
        assertThat(restricted).filteredOn(f -> "exports[0]".equals(f.evidence().get("path"))).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.explanation()).contains("Crimea (UA)");
                });
        assertThat(restricted).filteredOn(f -> "exports[1]".equals(f.evidence().get("path"))).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.SEVERE);
                    assertThat(f.explanation()).contains("end user in Russia (RU)");
                });
    }

    @Test
    @DisplayName("GOODS-MIB-END-USER fires for a supplier's export whose END_USER consignee is marked sanctioned")
    void supplierSanctionedConsignee() {
        SupplierSubject s = supplier(export("610910", "DE", null),
                export("610910", "DE", new Consignee("Blocked GmbH", "DE", null, ConsigneeKind.END_USER, true)));
        Finding f = firesAt(s, "GOODS-MIB-END-USER", Severity.BLOCKED, "exports[1]");
        assertThat(f.explanation()).startsWith("Export exports[1]: ").contains("Blocked GmbH");
    }

    @Test
    @DisplayName("GOODS-NO-REEXPORT-CLAUSE for a German supplier's exports to Kazakhstan: fires on false, silent on null and true; silent for the same exports of a Chinese supplier")
    void supplierClause() {
        Export without = new Export("854231", null, "KZ", null, null, null, null, null, false);
        Export unknown = new Export("854231", null, "KZ", null, null, null, null, null, null);
        Export with = new Export("854231", null, "KZ", null, null, null, null, null, true);
        assertThat(ids(evaluate(supplier(without, unknown, with)))).doesNotContain("GOODS-NO-REEXPORT-CLAUSE");
        SupplierSubject german = SupplierBuilder.supplier().name("Dresden Bauteile GmbH").country("DE")
                .exports(without, unknown, with).build();
        List<Finding> clause = evaluate(german).stream()
                .filter(f -> f.ruleId().equals("GOODS-NO-REEXPORT-CLAUSE")).toList();
        assertThat(clause).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.evidence()).containsEntry("path", "exports[0]");
        });
    }

    @Test
    @DisplayName("GOODS-CHPL-T1 .. GOODS-MIB-END-USER: a supplier without exports fires no goods rule")
    void supplierWithoutExports() {
        SupplierSubject s = new SupplierSubject("s-0", "Empty Co", List.of(), "CN", null, null, null, null,
                List.of(), List.of(), null);
        assertThat(ids(evaluate(s))).noneMatch(id -> id.startsWith("GOODS-"));
    }

    @Test
    @DisplayName("GOODS-CHPL-T1: the engine is safe to evaluate concurrently (same findings from many threads)")
    void concurrentEvaluation() throws Exception {
        GoodsSubject g = goods("854231", "KZ");
        List<String> expected = ids(evaluate(g)).stream().sorted().toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<List<String>>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                futures.add(pool.submit(() -> ids(evaluate(g)).stream().sorted().toList()));
            }
            for (var fut : futures) {
                assertThat(fut.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(expected).contains("GOODS-CHPL-T1");
    }
}
