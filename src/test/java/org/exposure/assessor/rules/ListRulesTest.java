package org.exposure.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.testsupport.BankBuilder.bank;
import static org.exposure.assessor.testsupport.RuleAssertions.evaluate;
import static org.exposure.assessor.testsupport.RuleAssertions.fired;
import static org.exposure.assessor.testsupport.RuleAssertions.only;
import static org.exposure.assessor.testsupport.RuleAssertions.silent;
import static org.exposure.assessor.testsupport.SupplierBuilder.supplier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.domain.BankSubject;
import org.exposure.assessor.domain.Exposure;
import org.exposure.assessor.domain.Finding;
import org.exposure.assessor.domain.Owner;
import org.exposure.assessor.domain.Party;
import org.exposure.assessor.domain.Payment;
import org.exposure.assessor.domain.Severity;
import org.exposure.assessor.domain.SupplierSubject;
import org.exposure.assessor.testsupport.BankBuilder;
import org.exposure.assessor.testsupport.SupplierBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The LIST-* rules and the list-match path of FFI-MIB-COUNTERPARTY, fed with match facts as the screener makes them. */
class ListRulesTest {
    private static final SupplierSubject SUPPLIER = supplier().ref(null).name("Yilufa Electronics Ltd.").region(null)
            .incorporatedOn(null).website("https://y.example").lineOfBusiness().build();

    /** A low-exposure bank in Heilongjiang that declares no US access. */
    private static BankBuilder heihe() {
        return bank().ref(null).name("Heihe Rural Commercial Bank").in("CN", "Heilongjiang").exposure(Exposure.LOW)
                .usAccess(false);
    }

    private static ListMatch match(String path, String role, String source, String list, List<String> programs, boolean secondary) {
        return new ListMatch(path, role, "Yilufa Electronics Ltd.", source, list, "v-1", "47700", "YILUFA ELECTRONICS LIMITED",
                "YILUFA ELECTRONICS LIMITED", 0.97, programs, secondary, List.of(Map.of("feature", "name", "value", 0.97)));
    }

    @Test
    @DisplayName("LIST-SDN fires BLOCKED for a subject matching an OFAC SDN entry, with entry, name, score and list version")
    void sdnFires() {
        Finding f = fired("LIST-SDN", SUPPLIER, match("subject", "SUBJECT", "OFAC-SDN", null, List.of("RUSSIA-EO14024"), false)).get(0);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKED);
        assertThat(f.explanation()).contains("47700", "YILUFA ELECTRONICS LIMITED", "0.97", "RUSSIA-EO14024");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) f.evidence().get("match");
        assertThat(m).containsEntry("entryId", "47700").containsEntry("listVersion", "v-1").containsEntry("list", "OFAC-SDN");
    }

    @Test
    @DisplayName("LIST-SDN also fires for the SDN rows of the Consolidated Screening List, and stays silent for a party's match or another list")
    void sdnScope() {
        assertThat(fired("LIST-SDN", SUPPLIER, match("subject", "SUBJECT", "US-CSL",
                "Specially Designated Nationals (SDN) - Treasury Department", List.of("RUSSIA-EO14024"), false))).hasSize(1);
        assertThat(fired("LIST-SDN", SUPPLIER, match("owners[0]", "OWNER", "OFAC-SDN", null, List.of(), false))).isEmpty();
        assertThat(fired("LIST-SDN", SUPPLIER, match("subject", "SUBJECT", "UN", null, List.of(), false))).isEmpty();
        assertThat(fired("LIST-SDN", SUPPLIER)).isEmpty();
    }

    @Test
    @DisplayName("LIST-SECONDARY-RISK fires SEVERE when the matched entry carries the EO 14114 remark, and stays silent without it")
    void secondaryRisk() {
        Finding f = fired("LIST-SECONDARY-RISK", SUPPLIER, match("subject", "SUBJECT", "OFAC-SDN", null, List.of("RUSSIA-EO14024"), true)).get(0);
        assertThat(f.severity()).isEqualTo(Severity.SEVERE);
        assertThat(f.explanation()).contains("secondary sanctions risk", "EO 14114");
        assertThat(fired("LIST-SECONDARY-RISK", SUPPLIER, match("subject", "SUBJECT", "OFAC-SDN", null, List.of(), false))).isEmpty();
    }

    @Test
    @DisplayName("LIST-ENTITY-LIST fires SEVERE for a BIS Entity List match, and stays silent for other CSL lists")
    void entityList() {
        Finding f = fired("LIST-ENTITY-LIST", SUPPLIER, match("subject", "SUBJECT", "US-CSL",
                "Entity List (EL) - Bureau of Industry and Security", List.of(), false)).get(0);
        assertThat(f.severity()).isEqualTo(Severity.SEVERE);
        assertThat(fired("LIST-ENTITY-LIST", SUPPLIER, match("subject", "SUBJECT", "US-CSL",
                "Sectoral Sanctions Identifications List (SSI) - Treasury Department", List.of(), false))).isEmpty();
    }

    @Test
    @DisplayName("LIST-OTHER fires SEVERE for the UN list and HIGH for another list, and stays silent for SDN and Entity List matches")
    void other() {
        assertThat(fired("LIST-OTHER", SUPPLIER, match("subject", "SUBJECT", "UN", null, List.of(), false)))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.SEVERE);
        assertThat(fired("LIST-OTHER", SUPPLIER, match("subject", "SUBJECT", "OPENSANCTIONS", null, List.of(), false)))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.HIGH);
        assertThat(fired("LIST-OTHER", SUPPLIER, match("subject", "SUBJECT", "OFAC-SDN", null, List.of(), false))).isEmpty();
        assertThat(fired("LIST-OTHER", SUPPLIER, match("subject", "SUBJECT", "US-CSL",
                "Entity List (EL) - Bureau of Industry and Security", List.of(), false))).isEmpty();
    }

    /** A match of the ruleset's first banned entity, as TransactionBanIndex makes it. */
    private static ListMatch banned(String path, String role, String name) {
        TransactionBan ban = org.exposure.assessor.testsupport.Engines.project().reference().transactionBans().get(0);
        return new ListMatch(path, role, name, ListMatch.TRANSACTION_BAN, ban.legalAct(), "sha256:test", ban.row(),
                ban.name(), ban.name(), 0.99, List.of(ban.provision()), false, List.of());
    }

    @Test
    @DisplayName("LIST-EU-TRANSACTION-BAN fires SEVERE for the subject's ban match, with the act, provision, date and row; LIST-OTHER stays silent")
    void transactionBan() {
        BankSubject bank = heihe().build();
        Finding f = only(evaluate(bank, banned("subject", "SUBJECT", "Heihe Rural Commercial Bank")), "LIST-EU-TRANSACTION-BAN");
        assertThat(f.severity()).isEqualTo(Severity.SEVERE);
        assertThat(f.explanation()).startsWith("The subject \"Heihe Rural Commercial Bank\" matches Heihe Rural Commercial Bank")
                .contains("Council Regulation (EU) 2025/1494 (18th package) on 2025-07-18 (CN)", "Reg. 833/2014 Art. 5ad",
                        "EU persons may not engage");
        assertThat(f.evidence()).containsEntry("listedOn", "2025-07-18").containsKey("referenceRow");
        assertThat(fired("LIST-OTHER", bank, banned("subject", "SUBJECT", "Heihe Rural Commercial Bank"))).isEmpty();
        silent(bank, "LIST-EU-TRANSACTION-BAN", match("subject", "SUBJECT", "UN", null, List.of(), false));
        silent(bank, "LIST-EU-TRANSACTION-BAN");
    }

    @Test
    @DisplayName("FFI-SANCTIONED-CORRESPONDENT fires for a correspondent matching an SDN bank, and stays silent for a non-SDN match")
    void correspondentByMatch() {
        BankSubject bank = heihe().correspondent(new org.exposure.assessor.domain.Correspondent("VTB Bank", "RU", "VTBRRUMM", null))
                .build();
        ListMatch sdn = new ListMatch("correspondents[0]", "CORRESPONDENT", "VTB Bank", "OFAC-SDN", null, "v-1", "17013",
                "VTB BANK PUBLIC JOINT STOCK COMPANY", "VTB BANK PUBLIC JOINT STOCK COMPANY", 0.95, List.of("RUSSIA-EO14024"),
                true, List.of());
        assertThat(fired("FFI-SANCTIONED-CORRESPONDENT", bank, sdn))
                .singleElement().satisfies(x -> {
                    assertThat(x.explanation()).contains("17013", "correspondents[0]");
                    assertThat(x.evidence()).containsKey("listMatches");
                });
        ListMatch un = new ListMatch("correspondents[0]", "CORRESPONDENT", "VTB Bank", "UN", null, "v-2", "QDe.1", "X", "X",
                0.95, List.of(), false, List.of());
        silent(bank, "FFI-SANCTIONED-CORRESPONDENT", un);
    }

    /** A Hong Kong trader whose owners the test gives. */
    private static SupplierBuilder alpha() {
        return supplier().ref(null).name("Alpha Trading Ltd").country("HK").region(null).incorporatedOn(null)
                .website("https://a.example").lineOfBusiness();
    }

    @Test
    @DisplayName("OWN-50 counts an owner matched to an SDN entry as a blocked person; OWN-MINORITY for a 30% one")
    void ownerByMatch() {
        SupplierSubject owned = alpha().owners(new Owner("Yilufa Electronics Ltd.", "CN", new BigDecimal("60"), null, List.of()),
                new Owner("Someone Else", "HK", new BigDecimal("40"), null, List.of())).build();
        ListMatch owner = match("owners[0]", "OWNER", "OFAC-SDN", null, List.of("RUSSIA-EO14024"), true);
        Finding f = fired("OWN-50", owned, owner).get(0);
        assertThat(f.explanation()).contains("Yilufa Electronics Ltd. (60%, listed as OFAC-SDN entry 47700");
        assertThat(fired("OWN-50", owned)).isEmpty();
        SupplierSubject minority = alpha().owners(new Owner("Yilufa Electronics Ltd.", "CN", new BigDecimal("30"), null, List.of()))
                .build();
        assertThat(fired("OWN-MINORITY", minority, owner)).hasSize(1);
        assertThat(fired("OWN-MINORITY", minority, match("owners[0]", "OWNER", "UN", null, List.of(), false))).isEmpty();
    }

    @Test
    @DisplayName("GOODS-MIB-END-USER fires BLOCKED when the end user matches an SDN entry, and stays silent for a subject-only match")
    void endUserByMatch() {
        org.exposure.assessor.domain.GoodsSubject goods = new org.exposure.assessor.domain.GoodsSubject(null, null, List.of(),
                "CN", null, "854231", null, null, "CN", "KZ", null, new Party("Yilufa Electronics Ltd.", "HK", null, null), null);
        ListMatch endUser = match("endUser", "END_USER", "OFAC-SDN", null, List.of("RUSSIA-EO14024"), true);
        List<Finding> f = fired("GOODS-MIB-END-USER", goods, endUser);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.BLOCKED);
            assertThat(x.explanation()).contains("end user", "47700");
            assertThat(x.evidence()).containsKey("listMatches");
        });
        ListMatch elsewhere = match("subject", "SUBJECT", "OFAC-SDN", null, List.of(), false);
        silent(goods, "GOODS-MIB-END-USER", elsewhere);
    }

    @Test
    @DisplayName("GOODS-MIB-END-USER grades a listed end user as the LIST rules grade the list: Entity List and UN SEVERE, others HIGH, SDN BLOCKED")
    void endUserSeverityFollowsTheList() {
        org.exposure.assessor.domain.GoodsSubject goods = new org.exposure.assessor.domain.GoodsSubject(null, null, List.of(),
                "CN", null, "610910", null, null, "CN", "DE", null, new Party("Yilufa Electronics Ltd.", "HK", null, null), null);
        ListMatch entityList = match("endUser", "END_USER", "US-CSL", "Entity List (EL) - Bureau of Industry and Security", List.of(), false);
        ListMatch un = match("endUser", "END_USER", "UN", null, List.of(), false);
        ListMatch eu = match("endUser", "END_USER", "OPENSANCTIONS", null, List.of(), false);
        ListMatch sdn = match("endUser", "END_USER", "OFAC-SDN", null, List.of("RUSSIA-EO14024"), false);
        assertThat(endUserFinding(goods, entityList).severity()).isEqualTo(Severity.SEVERE);
        assertThat(endUserFinding(goods, un).severity()).isEqualTo(Severity.SEVERE);
        Finding other = endUserFinding(goods, eu);
        assertThat(other.severity()).isEqualTo(Severity.HIGH);
        assertThat(other.explanation()).contains("OPENSANCTIONS entry 47700", "a HIGH list");
        // Several lists: the gravest grades the finding and every match is evidence.
        Finding both = endUserFinding(goods, eu, sdn);
        assertThat(both.severity()).isEqualTo(Severity.BLOCKED);
        assertThat(both.explanation()).contains("OFAC-SDN entry 47700").doesNotContain("list under the LIST rules");
        assertThat((List<?>) both.evidence().get("listMatches")).hasSize(2);
        // A consignee-less line whose subject alone matches: not this rule.
        silent(goods, "GOODS-MIB-END-USER", match("subject", "SUBJECT", "UN", null, List.of(), false));
    }

    private static Finding endUserFinding(org.exposure.assessor.domain.GoodsSubject goods, ListMatch... matches) {
        return only(evaluate(goods, matches), "GOODS-MIB-END-USER");
    }

    @Test
    @DisplayName("FFI-MIB-COUNTERPARTY fires for a payment whose counterparty matches an EO 14024 SDN, without a sanctioned flag")
    void counterpartyByMatch() {
        BankSubject bank = heihe().pay(new Payment(new Party("VTB Bank PJSC", "RU", null, null), List.of("610910"), "RU",
                BigDecimal.TEN, LocalDate.of(2024, 5, 10))).build();
        ListMatch vtb = new ListMatch("payments[0].counterparty", "COUNTERPARTY", "VTB Bank PJSC", "OFAC-SDN", null, "v-1",
                "17013", "VTB BANK PUBLIC JOINT STOCK COMPANY", "VTB BANK PUBLIC JOINT STOCK COMPANY", 0.95,
                List.of("UKRAINE-EO13662", "RUSSIA-EO14024"), true, List.of());
        List<Finding> f = fired("FFI-MIB-COUNTERPARTY", bank, vtb);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.explanation()).contains("17013", "VTB BANK PUBLIC JOINT STOCK COMPANY");
            assertThat(x.evidence()).containsEntry("path", "payments[0]").containsKey("listMatches");
        });
        // A match under another programme only, or no match, keeps it silent.
        ListMatch other = new ListMatch("payments[0].counterparty", "COUNTERPARTY", "VTB Bank PJSC", "OFAC-SDN", null, "v-1",
                "1", "X", "X", 0.95, List.of("DPRK4"), false, List.of());
        silent(bank, "FFI-MIB-COUNTERPARTY", other);
        silent(bank, "FFI-MIB-COUNTERPARTY");
    }
}
