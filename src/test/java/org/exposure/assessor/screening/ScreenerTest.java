package org.exposure.assessor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.exposure.assessor.domain.BankSubject;
import org.exposure.assessor.domain.Consignee;
import org.exposure.assessor.domain.ConsigneeKind;
import org.exposure.assessor.domain.Correspondent;
import org.exposure.assessor.domain.Export;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.Owner;
import org.exposure.assessor.domain.Party;
import org.exposure.assessor.domain.Payment;
import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.domain.SupplierSubject;
import org.exposure.assessor.rules.ListMatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which parties of a subject are screened, under which path, role, type and country; and how matches are kept. */
class ScreenerTest {

    private static NamedParty p(String path, String role, String name, String type, String... countries) {
        return new NamedParty(path, role, name, type, Set.of(countries));
    }

    static Stream<Arguments> subjects() {
        Owner grandOwner = new Owner("Ivan Petrov", "RU", new BigDecimal("60"), null, List.of());
        Owner owner = new Owner("Holding Ltd", "CY", new BigDecimal("50"), null, List.of(grandOwner));
        Owner blankOwner = new Owner(" ", null, new BigDecimal("10"), null, List.of());
        SupplierSubject supplier = new SupplierSubject("s1", "Acme Trading", List.of("Acme"), "AE", null, null, null,
                null, List.of(), List.of(owner, blankOwner), List.of(
                        new Export("854231", null, "KZ", null, new Consignee("Steppe LLP", "KZ", null, ConsigneeKind.DISTRIBUTOR, null),
                                null, null, null, null),
                        new Export("854231", null, "KZ", null, null, null, null, null, null)));
        BankSubject bank = new BankSubject("b1", "Regional Bank", List.of(), null, null, null, null, null, null,
                List.of(new Correspondent("Gazprombank", "RU", null, null)),
                List.of(new Payment(new Party("Rostec", "RU", null, null), List.of(), "RU", null, null),
                        new Payment(null, List.of(), "RU", null, null)));
        GoodsSubject goods = new GoodsSubject("g1", "Microcircuits", List.of(), "CN", null, "854231", null, null, null,
                "RU", null, new Party("Radiozavod", "RU", null, null), null);
        GoodsSubject goodsWithoutEndUser = new GoodsSubject("g2", "Microcircuits", List.of(), "CN", null, "854231", null,
                null, null, "RU", null, null, null);
        return Stream.of(
                Arguments.of("supplier: itself, its aliases, owners at any depth, consignees; blank names are no party", supplier, List.of(
                        p("subject", "SUBJECT", "Acme Trading", "ENTITY", "AE"),
                        p("subject", "SUBJECT", "Acme", "ENTITY", "AE"),
                        p("owners[0]", "OWNER", "Holding Ltd", null, "CY"),
                        p("owners[0].owners[0]", "OWNER", "Ivan Petrov", null, "RU"),
                        p("exports[0].consignee", "CONSIGNEE", "Steppe LLP", "ENTITY", "KZ"))),
                Arguments.of("bank: itself, correspondents, payment counterparties; a subject without country has none", bank, List.of(
                        p("subject", "SUBJECT", "Regional Bank", "ENTITY"),
                        p("correspondents[0]", "CORRESPONDENT", "Gazprombank", "ENTITY", "RU"),
                        p("payments[0].counterparty", "COUNTERPARTY", "Rostec", null, "RU"))),
                Arguments.of("goods: the end user only, as a goods subject's name is a product", goods, List.of(
                        p("endUser", "END_USER", "Radiozavod", null, "RU"))),
                Arguments.of("goods without an end user: nothing to screen", goodsWithoutEndUser, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    @DisplayName("every named party of a subject is screened, in the subject's order")
    void parties(String what, Subject subject, List<NamedParty> expected) {
        assertThat(NamedParty.of(subject)).containsExactlyElementsOf(expected);
    }

    private static ListMatch match(String path, String source, String entry, String list, double score) {
        return new ListMatch(path, "SUBJECT", "q", source, list, "v1", entry, "Primary", "Matched", score, List.of(),
                false, List.of(Map.of()));
    }

    @Test
    @DisplayName("one match per party, source, entry and list: the best score of the names that reached it, first seen first")
    void dedupe() {
        List<ListMatch> kept = Screener.dedupe(List.of(
                match("subject", "OFAC-SDN", "1", null, 0.90),
                match("subject", "OFAC-SDN", "1", null, 0.95),
                match("subject", "OFAC-SDN", "2", null, 0.88),
                match("owners[0]", "OFAC-SDN", "1", null, 0.87),
                match("subject", "US-CSL", "1", "Entity List", 0.91),
                match("subject", "US-CSL", "1", "Military End User", 0.92),
                match("subject", "OFAC-SDN", "1", null, 0.93)));

        assertThat(kept).extracting(ListMatch::path, ListMatch::source, ListMatch::entryId, ListMatch::score).containsExactly(
                org.assertj.core.groups.Tuple.tuple("subject", "OFAC-SDN", "1", 0.95),
                org.assertj.core.groups.Tuple.tuple("subject", "OFAC-SDN", "2", 0.88),
                org.assertj.core.groups.Tuple.tuple("owners[0]", "OFAC-SDN", "1", 0.87),
                org.assertj.core.groups.Tuple.tuple("subject", "US-CSL", "1", 0.91),
                org.assertj.core.groups.Tuple.tuple("subject", "US-CSL", "1", 0.92));
    }
}
