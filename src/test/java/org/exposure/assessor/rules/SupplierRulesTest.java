package org.exposure.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.testsupport.ExportBuilder.export;
import static org.exposure.assessor.testsupport.ExportBuilder.furniture;
import static org.exposure.assessor.testsupport.RuleAssertions.evaluate;
import static org.exposure.assessor.testsupport.RuleAssertions.findingsOf;
import static org.exposure.assessor.testsupport.RuleAssertions.fires;
import static org.exposure.assessor.testsupport.RuleAssertions.firesAt;
import static org.exposure.assessor.testsupport.RuleAssertions.hasCatalogueEntry;
import static org.exposure.assessor.testsupport.RuleAssertions.ids;
import static org.exposure.assessor.testsupport.RuleAssertions.map;
import static org.exposure.assessor.testsupport.RuleAssertions.only;
import static org.exposure.assessor.testsupport.RuleAssertions.ruleIds;
import static org.exposure.assessor.testsupport.RuleAssertions.silent;
import static org.exposure.assessor.testsupport.SupplierBuilder.supplier;

import java.time.LocalDate;
import java.util.List;

import org.exposure.assessor.domain.ConsigneeKind;
import org.exposure.assessor.domain.Export;
import org.exposure.assessor.domain.Finding;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.domain.Severity;
import org.exposure.assessor.testsupport.ExportBuilder;
import org.exposure.assessor.testsupport.SupplierBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SUP rules of rules/supplier/supplier.drl against the rule catalogue (docs/rules.md, suppliers): for
 * each rule the cases that make it fire, at the catalogue's severity, with the facts in the explanation and the
 * evidence, and the nearest cases that keep it silent. Plus a realistic case with its full set of
 * fired rules. Plain JUnit, on the one engine over rules/ that all rule tests share.
 *
 * <p>The baseline supplier ({@link SupplierBuilder}) has a normal profile: incorporated 2015, a website, a commercial address,
 * line of business chapters 84 and 85; the baseline export ({@link ExportBuilder}) is 8482.10 ball bearings (CHPL tier 3B)
 * to a German end user with an end-use statement and a no-re-export clause. Each test changes only what it tests.
 */
class SupplierRulesTest {

    private static final String[] SUP_IDS = {"SUP-NEW-ENTITY", "SUP-LINE-OF-BUSINESS", "SUP-THIN-PRESENCE",
            "SUP-INTERMEDIARY-CONSIGNEE", "SUP-NO-END-USE", "SUP-HUB-TO-RUSSIA", "SUP-BORDER-CROSSING",
            "SUP-FAR-EAST-DEFENSE"};

    // ---------------------------------------------------------------- metadata

    @ParameterizedTest(name = "{0} carries the catalogue''s severity {1} and legal basis")
    @DisplayName("SUP-NEW-ENTITY, SUP-LINE-OF-BUSINESS, SUP-THIN-PRESENCE, SUP-INTERMEDIARY-CONSIGNEE, SUP-NO-END-USE, "
            + "SUP-HUB-TO-RUSSIA, SUP-BORDER-CROSSING, SUP-FAR-EAST-DEFENSE carry the catalogue's base severity and legal basis")
    @CsvSource(delimiter = '|', textBlock = """
            SUP-NEW-ENTITY             | MEDIUM | FIN-2023-Alert004
            SUP-LINE-OF-BUSINESS       | MEDIUM | FIN-2023-Alert004
            SUP-THIN-PRESENCE          | LOW    | FIN-2022-Alert003; FIN-2023-Alert004
            SUP-INTERMEDIARY-CONSIGNEE | MEDIUM | FIN-2022-Alert003; FIN-2023-Alert004
            SUP-NO-END-USE             | MEDIUM | FIN-2022-Alert003; FIN-2023-Alert004
            SUP-HUB-TO-RUSSIA          | SEVERE | FIN-2022-Alert003; EO 14114
            SUP-BORDER-CROSSING        | HIGH   | FIN-2022-Alert003 (transshipment corridors)
            SUP-FAR-EAST-DEFENSE       | SEVERE | EO 14024 (defence and related materiel sector)
            """)
    void metadata(String id, Severity severity, String legalBasis) {
        hasCatalogueEntry(id, severity, legalBasis, "rules/supplier/supplier.drl");
    }

    @Test
    @DisplayName("SUP-NEW-ENTITY, SUP-LINE-OF-BUSINESS, SUP-THIN-PRESENCE, SUP-INTERMEDIARY-CONSIGNEE, SUP-NO-END-USE, "
            + "SUP-HUB-TO-RUSSIA, SUP-BORDER-CROSSING, SUP-FAR-EAST-DEFENSE: the ruleset holds exactly these 8 SUP rules")
    void eightSupplierRules() {
        assertThat(ruleIds("SUP-"))
                .containsExactlyInAnyOrder(SUP_IDS);
    }

    @Test
    @DisplayName("SUP-NO-END-USE and the other SUP rules stay silent for a GOODS subject (no supplier, no statement field)")
    void notForGoodsSubjects() {
        GoodsSubject chips = new GoodsSubject("g-1", "chips", List.of(), "HK", null, "854231", null, "MCUs", "CN",
                "RU", "Primorsky Krai", null, false);
        List<Finding> findings = evaluate(chips);
        assertThat(ids(findings)).contains("GOODS-CHPL-T1").noneMatch(id -> id.startsWith("SUP-"));
    }

    // ---------------------------------------------------------------- SUP-NEW-ENTITY

    @Nested
    class NewEntity {
        @Test
        @DisplayName("SUP-NEW-ENTITY fires MEDIUM once, at subject, for a supplier incorporated 2023-05-10 exporting 8482.10")
        void firesForNewEntity() {
            Finding f = fires(supplier().incorporatedOn(LocalDate.of(2023, 5, 10)).exports(export()),
                    "SUP-NEW-ENTITY", Severity.MEDIUM);
            assertThat(f.explanation()).contains("Harbin Precision Parts Co", "incorporated on 2023-05-10",
                    "2022-02-24", "exports[0] HS 8482.10", "tier 3B");
            assertThat(f.evidence()).containsEntry("path", "subject")
                    .containsEntry("name", "Harbin Precision Parts Co")
                    .containsEntry("incorporatedOn", "2023-05-10")
                    .containsEntry("newEntitySince", "2022-02-24")
                    .containsEntry("chplExports", List.of("exports[0]"));
        }

        @Test
        @DisplayName("SUP-NEW-ENTITY fires on the boundary: incorporated on 2022-02-24 itself")
        void firesOnTheCutOffDate() {
            Finding f = fires(supplier().incorporatedOn(LocalDate.of(2022, 2, 24)).exports(export()),
                    "SUP-NEW-ENTITY", Severity.MEDIUM);
            assertThat(f.explanation()).contains("incorporated on 2022-02-24");
        }

        @Test
        @DisplayName("SUP-NEW-ENTITY stays silent the day before: incorporated on 2022-02-23")
        void silentTheDayBefore() {
            silent(supplier().incorporatedOn(LocalDate.of(2022, 2, 23)).exports(export()), "SUP-NEW-ENTITY");
        }

        @Test
        @DisplayName("SUP-NEW-ENTITY stays silent for a supplier incorporated in 2023 that exports no CHPL code")
        void silentWithoutChpl() {
            silent(supplier().incorporatedOn(LocalDate.of(2023, 5, 10)).exports(furniture(), furniture().hs("610910")),
                    "SUP-NEW-ENTITY");
        }

        @Test
        @DisplayName("SUP-NEW-ENTITY stays silent when the incorporation date is not given")
        void silentWithoutDate() {
            silent(supplier().incorporatedOn(null).exports(export()), "SUP-NEW-ENTITY");
        }

        @Test
        @DisplayName("SUP-NEW-ENTITY fires once for several exports and lists only the CHPL ones, in export order (exports[2], exports[11])")
        void onceWithChplPathsInOrder() {
            SupplierBuilder s = supplier().incorporatedOn(LocalDate.of(2024, 1, 15));
            for (int i = 0; i < 12; i++) {
                s.exports(i == 2 ? export().hs("854231") : i == 11 ? export() : furniture());
            }
            Finding f = fires(s, "SUP-NEW-ENTITY", Severity.MEDIUM);
            assertThat(f.evidence()).containsEntry("chplExports", List.of("exports[2]", "exports[11]"));
            assertThat(f.explanation()).contains("exports[2] HS 8542.31", "tier 1", "exports[11] HS 8482.10")
                    .doesNotContain("9403.60");
            assertThat(f.explanation().indexOf("exports[2]")).isLessThan(f.explanation().indexOf("exports[11]"));
        }
    }

    // ---------------------------------------------------------------- SUP-LINE-OF-BUSINESS

    @Nested
    class LineOfBusiness {
        @Test
        @DisplayName("SUP-LINE-OF-BUSINESS fires MEDIUM for 8542.31 (chapter 85) from a supplier declaring chapter 84 only")
        void firesOutsideChapters() {
            Finding f = fires(supplier().lineOfBusiness("84").exports(export().hs("854231")),
                    "SUP-LINE-OF-BUSINESS", Severity.MEDIUM);
            assertThat(f.explanation()).startsWith("Export exports[0]: ")
                    .contains("HS 8542.31", "chapter 85", "CHPL tier 1", "Harbin Precision Parts Co", "HS chapter 84");
            assertThat(f.evidence()).containsEntry("path", "exports[0]").containsEntry("hsCode", "854231")
                    .containsEntry("lineOfBusiness", List.of("84"));
        }

        @Test
        @DisplayName("SUP-LINE-OF-BUSINESS fires for non-CHPL goods too (6109.10 T-shirts from a 84/85 supplier), once per export out of line")
        void firesPerExportAnyGoods() {
            List<Finding> lob = findingsOf(evaluate(supplier().exports(export(), furniture().hs("610910"), furniture())),
                    "SUP-LINE-OF-BUSINESS");
            assertThat(lob).extracting(f -> f.evidence().get("path")).containsExactlyInAnyOrder("exports[1]", "exports[2]");
            assertThat(lob).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
            assertThat(lob).filteredOn(f -> f.evidence().get("path").equals("exports[1]")).singleElement()
                    .satisfies(f -> assertThat(f.explanation()).contains("HS 6109.10", "chapter 61", "HS chapters 84, 85")
                            .doesNotContain("CHPL"));
        }

        @Test
        @DisplayName("SUP-LINE-OF-BUSINESS stays silent when the export's chapter is declared (8482.10, chapter 84)")
        void silentInsideChapters() {
            silent(supplier().lineOfBusiness("84").exports(export()), "SUP-LINE-OF-BUSINESS");
        }

        @Test
        @DisplayName("SUP-LINE-OF-BUSINESS stays silent when no line of business is declared (empty or absent)")
        void silentWhenUndeclared() {
            silent(supplier().lineOfBusiness().exports(export().hs("854231"), furniture()), "SUP-LINE-OF-BUSINESS");
            silent(supplier().lineOfBusiness((String[]) null).exports(export().hs("854231")), "SUP-LINE-OF-BUSINESS");
        }
    }

    // ---------------------------------------------------------------- SUP-THIN-PRESENCE

    @Nested
    class ThinPresence {
        @Test
        @DisplayName("SUP-THIN-PRESENCE fires LOW for a supplier without a website and without CHPL exports")
        void lowWithoutChpl() {
            Finding f = fires(supplier().website(null).exports(furniture()), "SUP-THIN-PRESENCE", Severity.LOW);
            assertThat(f.explanation()).contains("Harbin Precision Parts Co", "has no website",
                    "exports no Common High Priority List goods");
            assertThat(f.evidence()).containsEntry("path", "subject").containsEntry("website", null)
                    .containsEntry("chplExports", List.of());
        }

        @Test
        @DisplayName("SUP-THIN-PRESENCE fires MEDIUM for a supplier without a website that exports CHPL goods, naming them")
        void mediumWithChpl() {
            Finding f = fires(supplier().website(null).exports(furniture(), export()), "SUP-THIN-PRESENCE", Severity.MEDIUM);
            assertThat(f.explanation()).contains("has no website", "exports[1] HS 8482.10", "tier 3B");
            assertThat(f.evidence()).containsEntry("path", "subject").containsEntry("chplExports", List.of("exports[1]"));
        }

        @Test
        @DisplayName("SUP-THIN-PRESENCE fires MEDIUM for a residential address (website present) with CHPL exports")
        void residentialAddress() {
            Finding f = fires(supplier().residential(true).exports(export()), "SUP-THIN-PRESENCE", Severity.MEDIUM);
            assertThat(f.explanation()).contains("has a residential address").doesNotContain("no website");
            assertThat(f.evidence()).containsEntry("residentialAddress", true)
                    .containsEntry("website", "https://harbin-precision.example.cn");
        }

        @Test
        @DisplayName("SUP-THIN-PRESENCE fires once (LOW, no exports at all) when both: blank website and residential address")
        void bothOnce() {
            Finding f = fires(supplier().website("  ").residential(true), "SUP-THIN-PRESENCE", Severity.LOW);
            assertThat(f.explanation()).contains("has no website and a residential address");
        }

        @Test
        @DisplayName("SUP-THIN-PRESENCE stays silent with a website and a commercial address, or an address not stated")
        void silentWithPresence() {
            silent(supplier().exports(export()), "SUP-THIN-PRESENCE");
            silent(supplier().residential(null).exports(export()), "SUP-THIN-PRESENCE");
        }
    }

    // ---------------------------------------------------------------- SUP-INTERMEDIARY-CONSIGNEE

    @Nested
    class IntermediaryConsignee {
        @ParameterizedTest(name = "{0}")
        @DisplayName("SUP-INTERMEDIARY-CONSIGNEE fires MEDIUM for 8482.10 consigned to a freight forwarder, trading or logistics company")
        @CsvSource(delimiter = '|', textBlock = """
                FREIGHT_FORWARDER | freight forwarder
                TRADING_COMPANY   | trading company
                LOGISTICS_COMPANY | logistics company
                """)
        void firesForIntermediaries(ConsigneeKind kind, String words) {
            Finding f = firesAt(supplier().exports(furniture(), export().to("KZ").consignee("Astana Transit LLP", "KZ", null, kind)),
                    "SUP-INTERMEDIARY-CONSIGNEE", Severity.MEDIUM, "exports[1]");
            assertThat(f.explanation()).startsWith("Export exports[1]: ")
                    .contains("HS 8482.10", "CHPL tier 3B", "Astana Transit LLP (" + words + ", Kazakhstan (KZ))", "not the end user");
            assertThat(map(f.evidence().get("consignee"))).containsEntry("name", "Astana Transit LLP")
                    .containsEntry("kind", kind.name());
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = ConsigneeKind.class, names = {"END_USER", "MANUFACTURER", "DISTRIBUTOR", "OTHER"})
        @DisplayName("SUP-INTERMEDIARY-CONSIGNEE stays silent for an end user, manufacturer, distributor or other consignee")
        void silentForOtherKinds(ConsigneeKind kind) {
            silent(supplier().exports(export().to("KZ").consignee("Almaty Bearing Works", "KZ", null, kind)),
                    "SUP-INTERMEDIARY-CONSIGNEE");
        }

        @Test
        @DisplayName("SUP-INTERMEDIARY-CONSIGNEE stays silent without a consignee kind, or without a consignee")
        void silentWithoutKind() {
            silent(supplier().exports(export().consignee("Unknown GmbH", "DE", null, null)), "SUP-INTERMEDIARY-CONSIGNEE");
            silent(supplier().exports(export().noConsignee()), "SUP-INTERMEDIARY-CONSIGNEE");
        }

        @Test
        @DisplayName("SUP-INTERMEDIARY-CONSIGNEE stays silent for non-CHPL goods (9403.60) consigned to a freight forwarder")
        void silentForNonChpl() {
            silent(supplier().exports(furniture().to("KZ").consignee("Astana Transit LLP", "KZ", null, ConsigneeKind.FREIGHT_FORWARDER)),
                    "SUP-INTERMEDIARY-CONSIGNEE");
        }
    }

    // ---------------------------------------------------------------- SUP-NO-END-USE

    @Nested
    class NoEndUse {
        @Test
        @DisplayName("SUP-NO-END-USE fires MEDIUM when endUseStatement is false: no statement was obtained")
        void firesWhenFalse() {
            Finding f = fires(supplier().exports(export().endUseStatement(false)), "SUP-NO-END-USE", Severity.MEDIUM);
            assertThat(f.explanation()).startsWith("Export exports[0]: ")
                    .contains("HS 8482.10", "CHPL tier 3B", "Stuttgart Lagertechnik GmbH", "no statement was obtained");
            assertThat(f.evidence()).containsEntry("path", "exports[0]").containsEntry("endUseStatement", false);
        }

        @Test
        @DisplayName("SUP-NO-END-USE fires MEDIUM when endUseStatement is absent: no statement is recorded")
        void firesWhenAbsent() {
            Finding f = fires(supplier().exports(export().endUseStatement(null)), "SUP-NO-END-USE", Severity.MEDIUM);
            assertThat(f.explanation()).contains("no statement is recorded").doesNotContain("was obtained");
            assertThat(f.evidence()).containsEntry("path", "exports[0]").doesNotContainKey("endUseStatement");
        }

        @Test
        @DisplayName("SUP-NO-END-USE fires per export: only the export without a statement")
        void perExport() {
            List<Finding> found = findingsOf(evaluate(supplier().exports(export(), export().endUseStatement(false))), "SUP-NO-END-USE");
            assertThat(found).extracting(f -> f.evidence().get("path")).containsExactly("exports[1]");
        }

        @Test
        @DisplayName("SUP-NO-END-USE stays silent when the statement was obtained (true)")
        void silentWithStatement() {
            silent(supplier().exports(export().endUseStatement(true)), "SUP-NO-END-USE");
        }

        @Test
        @DisplayName("SUP-NO-END-USE stays silent for non-CHPL goods without a statement")
        void silentForNonChpl() {
            silent(supplier().exports(furniture().endUseStatement(false), furniture().endUseStatement(null)), "SUP-NO-END-USE");
        }
    }

    // ---------------------------------------------------------------- SUP-HUB-TO-RUSSIA

    @Nested
    class HubToRussia {
        private SupplierBuilder hongKong() {
            return supplier().name("Kowloon Components Ltd").country("HK").region(null);
        }

        @Test
        @DisplayName("SUP-HUB-TO-RUSSIA fires SEVERE for a Hong Kong supplier shipping 8542.31 to Russia")
        void firesToRussia() {
            Finding f = fires(hongKong().exports(export().hs("854231").to("RU")
                    .consignee("Zavod Impuls JSC", "RU", "Moscow", ConsigneeKind.END_USER)), "SUP-HUB-TO-RUSSIA", Severity.SEVERE);
            assertThat(f.explanation()).startsWith("Export exports[0]: ")
                    .contains("Kowloon Components Ltd", "Hong Kong (HK)", "transshipment country", "HS 8542.31",
                            "CHPL tier 1", "destination Russia (RU)");
            assertThat(f.evidence()).containsEntry("path", "exports[0]").containsEntry("supplierCountry", "HK")
                    .containsEntry("restrictedDestination", "destination Russia (RU)");
        }

        @Test
        @DisplayName("SUP-HUB-TO-RUSSIA fires when the destination is Kazakhstan but the end user (consignee) is in Russia")
        void firesForRussianEndUser() {
            Finding f = fires(hongKong().exports(export().to("KZ").consignee("Kazan Bearing Plant", "RU", null, ConsigneeKind.END_USER)),
                    "SUP-HUB-TO-RUSSIA", Severity.SEVERE);
            assertThat(f.explanation()).contains("end user in Russia (RU)", "HS 8482.10");
        }

        @Test
        @DisplayName("SUP-HUB-TO-RUSSIA fires for a UAE supplier shipping CHPL goods to occupied Crimea")
        void firesForOccupiedRegion() {
            Finding f = fires(supplier().name("Jebel Ali Trading FZE").country("AE").region("Dubai")
                    .exports(export().to("UA", "Crimea").consignee("Sevastopol Marine", "UA", "Crimea", ConsigneeKind.END_USER)),
                    "SUP-HUB-TO-RUSSIA", Severity.SEVERE);
            assertThat(f.explanation()).contains("United Arab Emirates (AE)", "Crimea (UA)");
        }

        @Test
        @DisplayName("SUP-HUB-TO-RUSSIA stays silent for a Hong Kong supplier shipping CHPL goods to Kazakhstan (not restricted)")
        void silentForTransshipmentDestination() {
            silent(hongKong().exports(export().to("KZ").consignee("Almaty Bearing Works", "KZ", null, ConsigneeKind.END_USER)),
                    "SUP-HUB-TO-RUSSIA");
        }

        @Test
        @DisplayName("SUP-HUB-TO-RUSSIA stays silent for a German supplier (not a transshipment country) shipping CHPL goods to Russia")
        void silentOutsideTransshipmentCountry() {
            silent(supplier().country("DE").region(null).exports(export().hs("854231").to("RU")
                    .consignee("Zavod Impuls JSC", "RU", null, ConsigneeKind.END_USER)), "SUP-HUB-TO-RUSSIA");
        }

        @Test
        @DisplayName("SUP-HUB-TO-RUSSIA stays silent for a Hong Kong supplier shipping non-CHPL goods (9403.60) to Russia")
        void silentForNonChpl() {
            silent(hongKong().exports(furniture().to("RU").consignee("Moscow Mebel", "RU", null, ConsigneeKind.END_USER)),
                    "SUP-HUB-TO-RUSSIA");
        }
    }

    // ---------------------------------------------------------------- SUP-BORDER-CROSSING

    @Nested
    class BorderCrossing {
        @ParameterizedTest(name = "borderCrossing \"{0}\"")
        @DisplayName("SUP-BORDER-CROSSING fires HIGH for Suifenhe–Pogranichny named by either side, combined, in Chinese or Russian, any case or accents; the name is both the road and the rail crossing")
        @ValueSource(strings = {"Suifenhe", "Pogranichny", "Suifenhe–Pogranichny", "Suifenhe-Pogranichny",
                "Suifenhe - Pogranichny", "绥芬河", "Пограничный", "SUIFENHE", "suifenhe", "Pográníchný",
                "Pogranichnyy", "Suifenhe port"})
        void suifenheByAnyName(String given) {
            Finding f = fires(supplier().exports(export().to("RU").via(given)
                    .consignee("Ussuri Trade LLC", "RU", "Primorsky Krai", ConsigneeKind.END_USER)), "SUP-BORDER-CROSSING", Severity.HIGH);
            assertThat(f.explanation()).startsWith("Export exports[0]: ")
                    .contains("HS 8482.10", "CHPL tier 3B", SUIFENHE, "China–Russia land border crossing");
            assertThat(f.evidence()).containsEntry("path", "exports[0]").containsEntry("borderCrossing", given)
                    .containsEntry("borderCrossingMatched", SUIFENHE);
        }

        private static final String SUIFENHE = "Suifenhe–Pogranichny road crossing or rail crossing (Heilongjiang)";

        @Test
        @DisplayName("SUP-BORDER-CROSSING says how the crossing was given when not by its reference name (\"绥芬河\")")
        void givenAs() {
            Finding f = only(evaluate(supplier().exports(export().via("绥芬河"))), "SUP-BORDER-CROSSING");
            assertThat(f.explanation()).contains(SUIFENHE + " (given as \"绥芬河\")");
        }

        @ParameterizedTest(name = "borderCrossing \"{0}\" -> {1}")
        @DisplayName("SUP-BORDER-CROSSING names both sides and the kind, with the Russian checkpoint where it has its own name (Kani-Kurgan, Grodekovo, Kamyshovaya)")
        @CsvSource(delimiter = '|', textBlock = """
                Kani-Kurgan                      | Heihe–Blagoveshchensk (Kani-Kurgan) road bridge (Heilongjiang)
                Кани-Курган                      | Heihe–Blagoveshchensk (Kani-Kurgan) road bridge (Heilongjiang)
                卡尼库尔干                        | Heihe–Blagoveshchensk (Kani-Kurgan) road bridge (Heilongjiang)
                Heihe bridge                     | Heihe–Blagoveshchensk (Kani-Kurgan) road bridge (Heilongjiang)
                Grodekovo                        | Suifenhe–Pogranichny (Grodekovo) rail crossing (Heilongjiang)
                Nizhneleninskoye–Tongjiang rail bridge | Tongjiang–Nizhneleninskoye rail bridge (Heilongjiang)
                Makhalino                        | Hunchun–Makhalino (Kamyshovaya) rail crossing (Jilin)
                Kraskino                         | Hunchun–Kraskino road crossing (Jilin)
                Starotsurukhaytuy–Heishantou     | Heishantou–Starotsurukhaytuy road crossing (Inner Mongolia)
                Olochi                           | Shiwei–Olochi road bridge (Inner Mongolia)
                Mohe                             | Mohe–Dzhalinda river port (Heilongjiang)
                Markovo                          | Hulin–Markovo road crossing (Heilongjiang)
                """)
        void bothSidesAndKind(String given, String label) {
            Finding f = fires(supplier().exports(export().hs("854231").to("RU").via(given)), "SUP-BORDER-CROSSING", Severity.HIGH);
            assertThat(f.explanation()).contains("is routed through " + label, "HS 8542.31");
            assertThat(f.evidence()).containsEntry("borderCrossingMatched", label);
        }

        @Test
        @DisplayName("SUP-BORDER-CROSSING still fires for a crossing the list records as closed (Hulin–Markovo), and says so")
        void closedCrossingSaysItsStatus() {
            Finding f = fires(supplier().exports(export().hs("854231").to("RU").via("Markovo")), "SUP-BORDER-CROSSING", Severity.HIGH);
            assertThat(f.explanation()).contains("Hulin–Markovo road crossing (Heilongjiang)",
                    "(reference status: closed for rebuilding since 2020)");
        }

        @ParameterizedTest(name = "borderCrossing \"{0}\" -> {1}")
        @DisplayName("SUP-BORDER-CROSSING fires for a name several crossings share and then names every kind instead of guessing one")
        @CsvSource(delimiter = '|', textBlock = """
                Heihe                 | Heihe–Blagoveshchensk river port or road bridge (Heilongjiang)
                Blagoveshchensk       | Heihe–Blagoveshchensk river port or road bridge (Heilongjiang)
                Tongjiang             | Tongjiang–Nizhneleninskoye river port or rail bridge (Heilongjiang)
                Manzhouli             | Manzhouli–Zabaykalsk road crossing or rail crossing (Inner Mongolia)
                Zabaykalsk            | Manzhouli–Zabaykalsk road crossing or rail crossing (Inner Mongolia)
                Hunchun               | Hunchun–Kraskino/Makhalino road crossing or rail crossing (Jilin)
                """)
        void sharedNames(String given, String label) {
            Finding f = fires(supplier().exports(export().hs("854231").to("RU").via(given)), "SUP-BORDER-CROSSING", Severity.HIGH);
            assertThat(f.explanation()).contains("is routed through " + label);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @DisplayName("SUP-BORDER-CROSSING fires for Kani-Kurgan, Manzhouli, Zabaykalsk, Hunchun, Tongjiang and the other crossings of Heilongjiang, Inner Mongolia and Jilin")
        @CsvSource(delimiter = '|', textBlock = """
                Kani-Kurgan             | Heihe–Blagoveshchensk (Kani-Kurgan) road bridge (Heilongjiang)
                Кани-Курган             | Heihe–Blagoveshchensk (Kani-Kurgan) road bridge (Heilongjiang)
                Tongjiang               | Tongjiang–Nizhneleninskoye river port or rail bridge (Heilongjiang)
                Bolshoy Ussuriysky      | Fuyuan–Khabarovsk river port (Heilongjiang)
                Dongning-Poltavka       | Dongning–Poltavka road crossing (Heilongjiang)
                Xunke                   | Xunke–Poyarkovo river port (Heilongjiang)
                Raohe                   | Raohe–Pokrovka river port (Heilongjiang)
                Manzhouli               | Manzhouli–Zabaykalsk road crossing or rail crossing (Inner Mongolia)
                Zabaïkalsk              | Manzhouli–Zabaykalsk road crossing or rail crossing (Inner Mongolia)
                Zabaykalsk              | Manzhouli–Zabaykalsk road crossing or rail crossing (Inner Mongolia)
                Hunchun                 | Hunchun–Kraskino/Makhalino road crossing or rail crossing (Jilin)
                Hunchun–Kraskino        | Hunchun–Kraskino road crossing (Jilin)
                """)
        void otherCrossings(String given, String label) {
            Finding f = fires(supplier().exports(export().hs("854231").to("RU").via(given)), "SUP-BORDER-CROSSING", Severity.HIGH);
            assertThat(f.explanation()).contains(label, "HS 8542.31");
            assertThat(f.evidence()).containsEntry("borderCrossingMatched", label);
        }

        @Test
        @DisplayName("SUP-BORDER-CROSSING stays silent for non-CHPL goods (9403.60) through Suifenhe")
        void silentForNonChpl() {
            silent(supplier().exports(furniture().to("RU").via("Suifenhe")), "SUP-BORDER-CROSSING");
        }

        @ParameterizedTest(name = "borderCrossing \"{0}\"")
        @DisplayName("SUP-BORDER-CROSSING stays silent for a crossing not on the China–Russia list (Erenhot is China–Mongolia, Khorgos China–Kazakhstan) or none")
        @ValueSource(strings = {"Erenhot", "Erlian", "二连浩特", "Khorgos", "Horgos", "霍尔果斯", "Port of Shanghai", "Suifen", ""})
        void silentElsewhere(String given) {
            silent(supplier().exports(export().to("KZ").via(given)), "SUP-BORDER-CROSSING");
        }

        @Test
        @DisplayName("SUP-BORDER-CROSSING stays silent when no crossing is given")
        void silentWithoutCrossing() {
            silent(supplier().exports(export().to("RU").via(null)), "SUP-BORDER-CROSSING");
        }
    }

    // ---------------------------------------------------------------- SUP-FAR-EAST-DEFENSE

    @Nested
    class FarEastDefense {
        @ParameterizedTest(name = "consignee region \"{0}\" -> {1}")
        @DisplayName("SUP-FAR-EAST-DEFENSE fires SEVERE for CHPL goods to a consignee in Khabarovsk Krai, Primorsky Krai, Buryatia, Irkutsk Oblast, Kamchatka Krai or Amur Oblast, by region or plant city")
        @CsvSource(delimiter = '|', textBlock = """
                Khabarovsk Krai      | Khabarovsk Krai
                Komsomolsk-on-Amur   | Khabarovsk Krai
                KHABAROVSK kray      | Khabarovsk Krai
                Vladivostok          | Primorsky Krai
                Приморский край      | Primorsky Krai
                Arsenyev             | Primorsky Krai
                Bolshoy Kamen        | Primorsky Krai
                Ulan-Ude             | Republic of Buryatia
                Republic of Buryatia | Republic of Buryatia
                Улан-Удэ             | Republic of Buryatia
                Irkutsk              | Irkutsk Oblast
                Vilyuchinsk          | Kamchatka Krai
                Amurskaya Oblast     | Amur Oblast
                Amur Oblast          | Amur Oblast
                """)
        void firesForConsigneeRegion(String given, String region) {
            Finding f = fires(supplier().exports(export().hs("854231").to("RU")
                    .consignee("Zavod Vostok JSC", "RU", given, ConsigneeKind.END_USER)), "SUP-FAR-EAST-DEFENSE", Severity.SEVERE);
            assertThat(f.explanation()).startsWith("Export exports[0]: ")
                    .contains("HS 8542.31", "CHPL tier 1", "consigned to Zavod Vostok JSC (end user, Russia (RU)) in " + region,
                            "Russian Far East or Eastern Siberian region with defence-industry plants: ");
            assertThat(f.evidence()).containsEntry("path", "exports[0]").containsEntry("farEastDefenseRegion", region);
        }

        @Test
        @DisplayName("SUP-FAR-EAST-DEFENSE names the plant that puts Buryatia on the list (Ulan-Ude Aviation Plant) for a consignee in Ulan-Ude")
        void namesThePlant() {
            Finding f = fires(supplier().exports(export().hs("854231").to("RU")
                    .consignee("U-UAZ Supply LLC", "RU", "Ulan-Ude", ConsigneeKind.END_USER)), "SUP-FAR-EAST-DEFENSE", Severity.SEVERE);
            assertThat(f.explanation()).contains("in Republic of Buryatia (given as \"Ulan-Ude\")", "Ulan-Ude Aviation Plant");
        }

        @Test
        @DisplayName("SUP-FAR-EAST-DEFENSE says how the region was given when it is a city (Komsomolsk-on-Amur)")
        void givenAsCity() {
            Finding f = only(evaluate(supplier().exports(export().to("RU")
                    .consignee("KnAAZ", "RU", "Komsomolsk-on-Amur", ConsigneeKind.MANUFACTURER))), "SUP-FAR-EAST-DEFENSE");
            assertThat(f.explanation()).contains("in Khabarovsk Krai (given as \"Komsomolsk-on-Amur\")");
        }

        @Test
        @DisplayName("SUP-FAR-EAST-DEFENSE fires for goods bound for Russia, destination region Primorsky Krai, via a Kazakh forwarder")
        void firesForDestinationRegion() {
            Finding f = fires(supplier().exports(export().to("RU", "Primorsky Krai")
                    .consignee("Astana Transit LLP", "KZ", null, ConsigneeKind.FREIGHT_FORWARDER)), "SUP-FAR-EAST-DEFENSE", Severity.SEVERE);
            assertThat(f.explanation()).contains("bound for Russia, destination region Primorsky Krai",
                    "consignee Astana Transit LLP (freight forwarder, Kazakhstan (KZ))");
        }

        @Test
        @DisplayName("SUP-FAR-EAST-DEFENSE fires per export: only the export to Khabarovsk Krai of two")
        void perExport() {
            List<Finding> found = findingsOf(evaluate(supplier().exports(
                    export().to("RU").consignee("Moscow Instruments", "RU", "Moscow", ConsigneeKind.END_USER),
                    export().to("RU").consignee("Zavod Vostok JSC", "RU", "Khabarovsk Krai", ConsigneeKind.END_USER))),
                    "SUP-FAR-EAST-DEFENSE");
            assertThat(found).extracting(f -> f.evidence().get("path")).containsExactly("exports[1]");
        }

        @Test
        @DisplayName("SUP-FAR-EAST-DEFENSE stays silent for non-CHPL goods (9403.60) to Khabarovsk Krai")
        void silentForNonChpl() {
            silent(supplier().exports(furniture().to("RU").consignee("Zavod Vostok JSC", "RU", "Khabarovsk Krai", ConsigneeKind.END_USER)),
                    "SUP-FAR-EAST-DEFENSE");
        }

        @ParameterizedTest(name = "consignee region \"{0}\"")
        @DisplayName("SUP-FAR-EAST-DEFENSE stays silent for CHPL goods to Russian regions outside the Far East list")
        @ValueSource(strings = {"Moscow", "Sverdlovsk Oblast", "Sakhalin Oblast", "Zabaykalsky Krai", "Tsiolkovsky"})
        void silentElsewhereInRussia(String region) {
            silent(supplier().exports(export().hs("854231").to("RU").consignee("Zavod", "RU", region, ConsigneeKind.END_USER)),
                    "SUP-FAR-EAST-DEFENSE");
        }
    }

    // ---------------------------------------------------------------- realistic cases

    /**
     * A realistic case: "a Hong Kong trading company incorporated in 2023 shipping bearings to Kazakhstan via a freight
     * forwarder". The facts chosen: Victoria Harbour Trading Ltd, HK, incorporated 2023-04-18, a website,
     * a commercial address, line of business chapter 84 (so bearings fit it), no owners; one export of 8482.10 ball
     * bearings (CHPL tier 3B), USD 48,000, to Kazakhstan, consigned to the freight forwarder Almaty Cargo Forwarding
     * LLP in Almaty, no border crossing, endUseStatement false (none obtained), noReexportClause false.
     */
    private static SupplierBuilder hongKongTrader() {
        return supplier().name("Victoria Harbour Trading Ltd").country("HK").region("Kowloon")
                .incorporatedOn(LocalDate.of(2023, 4, 18)).website("https://victoriaharbour-trading.example.hk")
                .residential(false).lineOfBusiness("84")
                .exports(export().hs("848210").to("KZ", "Almaty")
                        .consignee("Almaty Cargo Forwarding LLP", "KZ", "Almaty", ConsigneeKind.FREIGHT_FORWARDER)
                        .via(null).endUseStatement(false).clause(false));
    }

    @Test
    @DisplayName("Realistic: HK trading company (2023) shipping 8482.10 bearings to Kazakhstan via a freight forwarder fires "
            + "SUP-NEW-ENTITY, SUP-INTERMEDIARY-CONSIGNEE, SUP-NO-END-USE, GOODS-CHPL-T3, GOODS-TRANSSHIPMENT "
            + "and nothing else (no GOODS-NO-REEXPORT-CLAUSE: Art. 12g binds EU exporters, not a Hong Kong one): HIGH")
    void realisticHongKongTrader() {
        List<Finding> findings = evaluate(hongKongTrader());
        assertThat(ids(findings)).containsExactlyInAnyOrder("GOODS-CHPL-T3", "GOODS-TRANSSHIPMENT",
                "SUP-NEW-ENTITY", "SUP-INTERMEDIARY-CONSIGNEE", "SUP-NO-END-USE");
        assertThat(RiskLevel.highestOf(findings)).isEqualTo(RiskLevel.HIGH);

        // Kazakhstan is a transshipment country: tier 3B escalates to HIGH; the forwarder is not an end user.
        assertThat(only(findings, "GOODS-CHPL-T3").severity()).isEqualTo(Severity.HIGH);
        assertThat(only(findings, "GOODS-TRANSSHIPMENT").severity()).isEqualTo(Severity.HIGH);
        assertThat(only(findings, "GOODS-TRANSSHIPMENT").explanation()).contains("no end user is declared");

        Finding newEntity = only(findings, "SUP-NEW-ENTITY");
        assertThat(newEntity.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(newEntity.explanation()).contains("Victoria Harbour Trading Ltd", "2023-04-18", "HS 8482.10");
        assertThat(newEntity.evidence()).containsEntry("path", "subject").containsEntry("chplExports", List.of("exports[0]"));

        Finding consignee = only(findings, "SUP-INTERMEDIARY-CONSIGNEE");
        assertThat(consignee.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(consignee.explanation()).contains("Almaty Cargo Forwarding LLP (freight forwarder, Kazakhstan (KZ))");
        assertThat(consignee.evidence()).containsEntry("path", "exports[0]");

        Finding endUse = only(findings, "SUP-NO-END-USE");
        assertThat(endUse.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(endUse.explanation()).contains("no statement was obtained");
        assertThat(endUse.evidence()).containsEntry("path", "exports[0]");
    }

    @Test
    @DisplayName("Realistic, what changes the verdict: the same HK company shipping to the Kazakh end user with statement and "
            + "clause fires only SUP-NEW-ENTITY and GOODS-CHPL-T3 (still HIGH for the transshipment destination)")
    void realisticHongKongTraderCleanedUp() {
        SupplierBuilder s = supplier().name("Victoria Harbour Trading Ltd").country("HK").region("Kowloon")
                .incorporatedOn(LocalDate.of(2023, 4, 18)).website("https://victoriaharbour-trading.example.hk")
                .residential(false).lineOfBusiness("84")
                .exports(export().hs("848210").to("KZ", "Almaty")
                        .consignee("Almaty Bearing Works JSC", "KZ", "Almaty", ConsigneeKind.END_USER)
                        .endUseStatement(true).clause(true));
        List<Finding> findings = evaluate(s);
        assertThat(ids(findings)).containsExactlyInAnyOrder("GOODS-CHPL-T3", "SUP-NEW-ENTITY");
        assertThat(RiskLevel.highestOf(findings)).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    @DisplayName("SUP-NEW-ENTITY .. SUP-FAR-EAST-DEFENSE and the GOODS rules: a supplier with a normal profile and no CHPL exports fires nothing (CLEAR)")
    void normalSupplierIsClear() {
        List<Finding> findings = evaluate(supplier().name("Qingdao Home Furnishings Co").country("CN").region("Shandong")
                .lineOfBusiness("94").exports(furniture().to("DE").endUseStatement(null).clause(null),
                        furniture().to("FR").consignee("Maison Lyon SARL", "FR", null, ConsigneeKind.DISTRIBUTOR)));
        assertThat(findings).isEmpty();
        assertThat(RiskLevel.highestOf(findings)).isEqualTo(RiskLevel.CLEAR);
    }

    @Test
    @DisplayName("SUP-HUB-TO-RUSSIA, SUP-BORDER-CROSSING, SUP-FAR-EAST-DEFENSE, SUP-NO-END-USE together: HK supplier, chips to "
            + "Khabarovsk Krai via Fuyuan, no statement; each finding points at its own export")
    void severeCorridor() {
        List<Finding> findings = evaluate(supplier().name("Kowloon Components Ltd").country("HK").region(null)
                .exports(export(),
                        export().hs("854231").to("RU").via("Fuyuan").endUseStatement(null)
                                .consignee("Zavod Vostok JSC", "RU", "Khabarovsk Krai", ConsigneeKind.END_USER)));
        for (String id : List.of("SUP-HUB-TO-RUSSIA", "SUP-BORDER-CROSSING", "SUP-FAR-EAST-DEFENSE", "SUP-NO-END-USE")) {
            assertThat(only(findings, id).evidence()).as(id).containsEntry("path", "exports[1]");
        }
        assertThat(ids(findings)).doesNotContain("SUP-NEW-ENTITY", "SUP-THIN-PRESENCE", "SUP-LINE-OF-BUSINESS",
                "SUP-INTERMEDIARY-CONSIGNEE");
        assertThat(RiskLevel.highestOf(findings)).isEqualTo(RiskLevel.SEVERE);
    }
}
