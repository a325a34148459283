package org.exposure.assessor.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.testsupport.BankBuilder.bank;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.domain.BankSubject;
import org.exposure.assessor.domain.Correspondent;
import org.exposure.assessor.domain.Exposure;
import org.exposure.assessor.domain.Finding;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.Party;
import org.exposure.assessor.domain.Payment;
import org.exposure.assessor.domain.Severity;
import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.match.NameNormalizer;
import org.exposure.assessor.rules.ListMatch;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.testsupport.Engines;
import org.exposure.assessor.testsupport.Matching;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * LIST-EU-TRANSACTION-BAN from a name to a finding: the parties of a subject screened as the Screener screens them
 * against the ruleset's reference/eu-transaction-bans.csv, with the application's default threshold and cap, and
 * the matches run through the project's rules.
 */
class TransactionBanScreeningTest {
    private static RuleEngine engine;
    private static TransactionBanIndex bans;

    @BeforeAll
    static void load() {
        engine = Engines.project();
        bans = new TransactionBanIndex(engine.reference().transactionBans(), engine.version(), new NameNormalizer(),
                Matching.THRESHOLD, Matching.CANDIDATE_CAP);
    }

    /** Every named party of the subject screened against the banned entities, as the Screener does. */
    private static List<ListMatch> screen(Subject subject) {
        List<ListMatch> out = new ArrayList<>();
        for (NamedParty p : NamedParty.of(subject)) {
            out.addAll(bans.screen(p.path(), p.role(), p.name(), p.type(), p.countries()));
        }
        return Screener.dedupe(out);
    }

    private static List<Finding> fired(String ruleId, Subject subject) {
        return engine.evaluate(subject, screen(subject)).stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    private static BankSubject bankNamed(String name) {
        return bank().ref(null).name(name).in("CN", "Heilongjiang").exposure(Exposure.LOW).usAccess(false).build();
    }

    @Test
    void theFileHoldsTheTwoBanksOfThe18thPackage() {
        assertThat(bans.size()).isEqualTo(engine.reference().transactionBans().size()).isGreaterThanOrEqualTo(2);
        assertThat(engine.reference().transactionBans()).extracting(b -> b.name())
                .contains("Heihe Rural Commercial Bank", "Suifenhe Rural Commercial Bank");
    }

    @ParameterizedTest(name = "LIST-EU-TRANSACTION-BAN fires SEVERE for a bank named \"{0}\", naming Heihe Rural Commercial Bank")
    @ValueSource(strings = {"Heihe Rural Commercial Bank", "HEIHE RURAL COMERCIAL BANK CO., LTD.", "黑河农村商业银行",
            "黑河农村商业银行股份有限公司", "Rural Commercial Bank of Heihe"})
    void firesForHeihe(String name) {
        List<Finding> f = fired("LIST-EU-TRANSACTION-BAN", bankNamed(name));
        assertThat(f).as("%s", f).isNotEmpty();
        Finding heihe = f.stream().filter(x -> x.explanation().contains("matches Heihe Rural Commercial Bank")).findFirst()
                .orElseThrow(() -> new AssertionError("no finding names Heihe Rural Commercial Bank: " + f));
        assertThat(heihe.severity()).isEqualTo(Severity.SEVERE);
        assertThat(heihe.explanation()).contains("The subject \"" + name + "\"", "Council Regulation (EU) 2025/1494",
                "Reg. 833/2014 Art. 5ad", "2025-07-18", "EU persons may not engage, directly or indirectly, in any transaction");
        assertThat(heihe.evidence()).containsEntry("path", "subject").containsEntry("legalAct",
                "Council Regulation (EU) 2025/1494 (18th package)").containsEntry("provision", "Reg. 833/2014 Art. 5ad");
        assertThat((String) heihe.evidence().get("referenceRow")).startsWith("rules/reference/eu-transaction-bans.csv:");
        @SuppressWarnings("unchecked")
        Map<String, Object> match = (Map<String, Object>) heihe.evidence().get("match");
        assertThat(match).containsEntry("list", ListMatch.TRANSACTION_BAN).containsEntry("listVersion", engine.version())
                .containsEntry("primaryName", "Heihe Rural Commercial Bank").containsKey("features");
    }

    @Test
    @DisplayName("LIST-EU-TRANSACTION-BAN fires for Suifenhe Rural Commercial Bank under its English and Chinese names")
    void firesForSuifenhe() {
        for (String name : List.of("Suifenhe Rural Commercial Bank", "Heilongjiang Suifenhe Rural Commercial Bank", "绥芬河农村商业银行")) {
            assertThat(fired("LIST-EU-TRANSACTION-BAN", bankNamed(name))).as(name)
                    .anySatisfy(f -> assertThat(f.explanation()).contains("matches Suifenhe Rural Commercial Bank"));
        }
    }

    @ParameterizedTest(name = "LIST-EU-TRANSACTION-BAN stays silent for \"{0}\"")
    @ValueSource(strings = {"Heihe Commercial Bank of Industry", "Harbin Bank", "哈尔滨银行", "Harbin Rural Commercial Bank",
            "Heilongjiang Rural Credit Cooperative Union", "Agricultural Bank of China", "Commerce Bank"})
    void silentForOtherBanks(String name) {
        BankSubject bank = bankNamed(name);
        assertThat(screen(bank)).as("matches of %s", name).isEmpty();
        assertThat(fired("LIST-EU-TRANSACTION-BAN", bank)).isEmpty();
    }

    @Test
    @DisplayName("LIST-EU-TRANSACTION-BAN fires through a correspondent and a payment counterparty, naming each party's path")
    void firesThroughABanksParties() {
        BankSubject bank = bank().ref(null).name("Harbin Bank").in("CN", "Heilongjiang").exposure(Exposure.LOW).usAccess(false)
                .correspondent(new Correspondent("Suifenhe Rural Commercial Bank", "CN", null, null))
                .pay(new Payment(new Party("Heihe Rural Commercial Bank", "CN", null, null), List.of(), "CN",
                        new BigDecimal("1000"), null))
                .build();
        List<Finding> f = fired("LIST-EU-TRANSACTION-BAN", bank);
        assertThat(f).extracting(x -> x.evidence().get("path"))
                .containsExactlyInAnyOrder("correspondents[0]", "payments[0].counterparty");
        assertThat(f).anySatisfy(x -> assertThat(x.explanation()).startsWith("The correspondent bank (correspondents[0]) \"Suifenhe Rural Commercial Bank\""));
        assertThat(f).anySatisfy(x -> assertThat(x.explanation()).startsWith("The payment counterparty (payments[0].counterparty) \"Heihe Rural Commercial Bank\""));
    }

    @Test
    @DisplayName("A ban match is SEVERE, never LIST-OTHER, and leaves GOODS-MIB-END-USER to real list entries")
    void notAListEntry() {
        List<ListMatch> matches = screen(bankNamed("Heihe Rural Commercial Bank"));
        assertThat(matches).isNotEmpty().allSatisfy(m -> {
            assertThat(m.isTransactionBan()).isTrue();
            assertThat(m.getSeverity()).isEqualTo(Severity.SEVERE);
            assertThat(m.isSdn()).isFalse();
        });
        assertThat(engine.evaluate(bankNamed("Heihe Rural Commercial Bank"), matches))
                .extracting(Finding::ruleId).doesNotContain("LIST-OTHER");

        GoodsSubject goods = new GoodsSubject("g1", "Microcircuits", List.of(), "CN", null, "854231", null, null, null,
                "DE", null, new Party("Heihe Rural Commercial Bank", "CN", null, null), null);
        List<Finding> findings = engine.evaluate(goods, screen(goods));
        assertThat(findings).extracting(Finding::ruleId).contains("LIST-EU-TRANSACTION-BAN").doesNotContain("GOODS-MIB-END-USER");
        assertThat(findings).filteredOn(x -> x.ruleId().equals("LIST-EU-TRANSACTION-BAN"))
                .singleElement().satisfies(x -> assertThat(x.explanation()).startsWith("The end user (endUser)"));
    }
}
