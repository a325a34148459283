package org.exposure.assessor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.api.Api.ASSESSMENTS;
import static org.exposure.assessor.api.Api.created;
import static org.exposure.assessor.api.Api.fired;
import static org.exposure.assessor.api.Api.firedRule;
import static org.exposure.assessor.api.Api.getTree;
import static org.exposure.assessor.api.Api.invalid;
import static org.exposure.assessor.api.Api.post;
import static org.exposure.assessor.api.Api.ruleIds;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The law by date and by destination through the API: payments and shipments judged under the law of their own
 * dates, the legal basis of each case stored with the finding, and the item test that cannot be done said so.
 */
@QuarkusTest
class LawByDateApiTest {

    @Test
    void aFebruary2024PaymentToABlockedFirmIsJudgedUnderTheMilitaryIndustrialBaseOfThatDate() {
        // FFI-MIB-COUNTERPARTY: OFAC widened "Russia's military-industrial base" to every EO 14024-blocked person
        // on 12 Jun 2024; a payment of February 2024 is judged under the narrower definition of its day.
        JsonNode body = created("""
                {"type":"BANK","name":"Harbin Frontier Bank","country":"CN","region":"Heilongjiang",
                 "payments":[
                   {"counterparty":{"name":"OOO Uralsky Stankozavod","country":"RU","sanctioned":true},
                    "hsCodes":["6109.10"],"destinationCountry":"RU","amountUsd":20000,"date":"2024-02-14"},
                   {"counterparty":{"name":"OOO Uralsky Stankozavod","country":"RU","sanctioned":true},
                    "hsCodes":["6109.10"],"destinationCountry":"RU","amountUsd":20000,"date":"2024-09-14"}]}
                """);
        List<JsonNode> mib = fired(body).stream().filter(r -> r.get("ruleId").asText().equals("FFI-MIB-COUNTERPARTY")).toList();
        assertThat(mib).hasSize(2);
        JsonNode february = mib.stream().filter(r -> r.at("/evidence/path").asText().equals("payments[0]")).findFirst().orElseThrow();
        JsonNode september = mib.stream().filter(r -> r.at("/evidence/path").asText().equals("payments[1]")).findFirst().orElseThrow();
        assertThat(february.get("severity").asText()).isEqualTo("HIGH");
        assertThat(february.get("explanation").asText()).contains("on 2024-02-14", "before OFAC widened");
        assertThat(february.get("legalBasis").asText()).contains("as defined before 12 Jun 2024");
        assertThat(february.at("/evidence/lawApplied").asText()).contains("2023-12-22", "2024-06-11");
        assertThat(september.get("severity").asText()).isEqualTo("SEVERE");
        assertThat(september.get("legalBasis").asText()).isEqualTo("EO 14024 §11(a)(i) as amended by EO 14114; OFAC FAQ 1181");
        // The case's own basis is what is stored, not only returned.
        assertThat(getTree(ASSESSMENTS + "/" + body.get("id").asText())).isEqualTo(body);
    }

    @Test
    void aGermanExporterWithoutTheClauseIsFlaggedFromTheDateArticle12gApplies() {
        String goods = """
                {"type":"GOODS","country":"DE","hsCode":"8542.31","destinationCountry":"KZ",
                 "noReexportClause":false,"date":"%s"}
                """;
        JsonNode before = created(goods.formatted("2024-03-19"));
        assertThat(ruleIds(before)).doesNotContain("GOODS-NO-REEXPORT-CLAUSE");
        assertThat(before.at("/subject/date").asText()).isEqualTo("2024-03-19");
        JsonNode from = created(goods.formatted("2024-03-20"));
        JsonNode clause = firedRule(from, "GOODS-NO-REEXPORT-CLAUSE");
        assertThat(clause.get("severity").asText()).isEqualTo("MEDIUM");
        assertThat(clause.get("explanation").asText()).contains("exported from DE", "Annex VIII", "dated 2024-03-20");
        // To Japan, an Annex VIII partner, and from China: silent.
        assertThat(ruleIds(created(goods.formatted("2024-06-01").replace("\"KZ\"", "\"JP\"")))).doesNotContain("GOODS-NO-REEXPORT-CLAUSE");
        assertThat(ruleIds(created(goods.formatted("2024-06-01").replace("\"DE\"", "\"CN\"")))).doesNotContain("GOODS-NO-REEXPORT-CLAUSE");
    }

    @Test
    void goodsToRussiaSayThatTheItemTestCouldNotBeDone() {
        JsonNode body = created("{\"type\":\"GOODS\",\"hsCode\":\"8482.10\",\"destinationCountry\":\"RU\"}");
        assertThat(ruleIds(body)).contains("GOODS-RESTRICTED-DEST").doesNotContain("GOODS-EO14114-ITEM");
        JsonNode warning = null;
        for (JsonNode w : body.get("warnings")) {
            if (w.get("code").asText().equals("ITEM_LIST_INCOMPLETE")) {
                warning = w;
            }
        }
        assertThat(warning).as("warnings of %s", body).isNotNull();
        assertThat(warning.get("field").asText()).isEqualTo("hsCode");
        assertThat(warning.get("message").asText()).contains("§11(a)(ii)", "bearings", "Russian Federation");
        // Goods to Belarus are not tested for transfer to Russia: no such warning.
        JsonNode belarus = created("{\"type\":\"GOODS\",\"hsCode\":\"8482.10\",\"destinationCountry\":\"BY\"}");
        assertThat(belarus.get("warnings").toString()).doesNotContain("ITEM_LIST_INCOMPLETE");
        assertThat(firedRule(belarus, "GOODS-RESTRICTED-DEST").get("legalBasis").asText()).startsWith("EU Reg. 765/2006");
    }

    @Test
    void anOblastNamedAloneIsACheckCitingTheEuBasisOnly() {
        JsonNode body = created("""
                {"type":"GOODS","hsCode":"8542.31","destinationCountry":"UA","destinationRegion":"Zaporizhzhia"}
                """);
        JsonNode restricted = firedRule(body, "GOODS-RESTRICTED-DEST");
        assertThat(restricted.get("severity").asText()).isEqualTo("HIGH");
        assertThat(restricted.get("explanation").asText()).contains("verify that the address is in government-controlled territory");
        assertThat(restricted.get("legalBasis").asText()).contains("2022/1903").doesNotContain("EO 14065");
    }

    @Test
    void aStatedSectorDecidesAnEarlyPaymentAndAnUnknownSectorIsRefusedNamingTheField() {
        JsonNode body = created("""
                {"type":"BANK","name":"Harbin Frontier Bank","payments":[
                  {"counterparty":{"name":"OOO Uralsky Stankozavod","country":"RU","sanctioned":true,"sector":"MANUFACTURING"},
                   "destinationCountry":"RU","amountUsd":20000,"date":"2024-02-14"}]}
                """);
        assertThat(firedRule(body, "FFI-MIB-COUNTERPARTY").get("severity").asText()).isEqualTo("SEVERE");
        assertThat(body.at("/subject/payments/0/counterparty/sector").asText()).isEqualTo("MANUFACTURING");
        invalid(post(ASSESSMENTS, """
                {"type":"BANK","name":"Harbin Frontier Bank","payments":[
                  {"counterparty":{"name":"OOO Uralsky Stankozavod","sector":"MINING"},"date":"2024-02-14"}]}
                """), "payments[0].counterparty.sector");
    }

    @Test
    void aMalformedDateIsRefusedNamingTheField() {
        invalid(post(ASSESSMENTS, "{\"type\":\"GOODS\",\"hsCode\":\"8542.31\",\"date\":\"2024-13-01\"}"), "date");
        invalid(post(ASSESSMENTS, """
                {"type":"SUPPLIER","name":"Dresden Bauteile GmbH","country":"DE",
                 "exports":[{"hsCode":"8542.31","destinationCountry":"KZ","date":"20 March 2024"}]}
                """), "exports[0].date");
    }
}
