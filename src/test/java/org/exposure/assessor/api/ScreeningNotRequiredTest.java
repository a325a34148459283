package org.exposure.assessor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.api.Api.created;

import java.util.Map;

import org.exposure.assessor.lists.ListFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * assessor.lists.required=false: without lists, subjects are assessed but say at their top level that their names
 * were not screened, and are never rated below MEDIUM; with lists older than assessor.lists.max-age, each stale
 * source is named.
 */
@QuarkusTest
@TestProfile(ScreeningNotRequiredTest.NotRequired.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreeningNotRequiredTest {
    public static class NotRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("assessor.lists.dir", "target/no-list-directory-here", "assessor.lists.required", "false",
                    "assessor.lists.max-age", "P30D");
        }
    }

    @BeforeAll
    static void noListInForce() {
        // The in-memory database outlives the services of other test profiles in this JVM: start from no list.
        ListFixtures.removeAll();
    }

    @AfterAll
    static void leaveTheFixtures() {
        ListFixtures.restore();
    }

    @Test
    @Order(1)
    void aSupplierThatWouldBeLowIsMediumAndNotScreened() {
        JsonNode a = created(NoListsTest.YILUFA);
        // Alone, a supplier without a website fires SUP-THIN-PRESENCE (LOW); unscreened names must not read as low risk.
        assertThat(Api.ruleIds(a)).containsExactly("SUP-THIN-PRESENCE");
        assertThat(a.get("riskLevel").asText()).isEqualTo("MEDIUM");
        assertThat(a.at("/screening/status").asText()).isEqualTo("NOT_SCREENED");
        assertThat(a.at("/screening/names").asInt()).isEqualTo(1);
        assertThat(a.get("warnings").findValuesAsText("code")).contains("SCREENING_NOT_PERFORMED", "LISTS_NOT_LOADED");
        // Stored as returned.
        assertThat(Api.getTree(Api.ASSESSMENTS + "/" + a.get("id").asText())).isEqualTo(a);
    }

    @Test
    @Order(2)
    void ordinaryGoodsNamingNoPartyStayClear() {
        JsonNode a = created("{\"type\":\"GOODS\",\"hsCode\":\"010121\",\"destinationCountry\":\"FR\"}");
        assertThat(a.get("riskLevel").asText()).isEqualTo("CLEAR");
        assertThat(a.at("/screening/status").asText()).isEqualTo("NOTHING_TO_SCREEN");
    }

    @Test
    @Order(3)
    void aSourceOlderThanMaxAgeIsNamedStaleTheOthersAreNot() {
        ListFixtures.restore();
        JsonNode a = created(NoListsTest.YILUFA);
        assertThat(a.at("/screening/status").asText()).isEqualTo("SCREENED");
        // The UN extract was generated on 2026-02-27, the EU one on 2026-08-05 and the UK one on 2026-08-14: each is
        // older than 30 days by its publication date. The OFAC and CSL files carry no date, so their age runs from
        // their import a moment ago.
        assertThat(a.at("/screening/staleSources").toString()).isEqualTo("[\"UN\",\"EU-FSF\",\"UK-SL\"]");
        JsonNode un = null;
        for (JsonNode v : a.get("listVersions")) {
            if (v.get("source").asText().equals("UN")) {
                un = v;
            }
        }
        assertThat(un).isNotNull();
        assertThat(un.get("publishedAt").asText()).startsWith("2026-02-27");
        assertThat(un.get("stale").asBoolean()).isTrue();
        assertThat(un.get("ageDays").asLong()).isGreaterThan(30);
        assertThat(a.get("warnings").toString()).contains("LIST_STALE").contains("UN version");
        assertThat(a.get("warnings").findValuesAsText("code")).doesNotContain("LISTS_NOT_LOADED", "SCREENING_NOT_PERFORMED");
    }
}
