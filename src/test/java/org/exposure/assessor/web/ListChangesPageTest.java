package org.exposure.assessor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.nio.file.Path;

import org.exposure.assessor.lists.ListFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The Lists page's link to a version's changes, and the page of those changes, without a browser. */
@QuarkusTest
class ListChangesPageTest {
    private static final Path CHANGED_SDN = Path.of("src", "test", "resources", "changes", "OFAC-SDN");

    @BeforeEach
    @AfterEach
    void fixtures() {
        ListFixtures.restore();
    }

    /**
     * The path of the changes page of a new OFAC version, the edited copy of the fixture (one entry added, one
     * removed, two changed) uploaded over the fixture.
     */
    static String aVersionWithChanges() {
        String id = given().auth().preemptive().basic("admin", "admin-secret")
                .multiPart("sdn", CHANGED_SDN.resolve("sdn.csv").toFile(), "text/csv")
                .multiPart("alt", CHANGED_SDN.resolve("alt.csv").toFile(), "text/csv")
                .multiPart("add", CHANGED_SDN.resolve("add.csv").toFile(), "text/csv")
                .post("/api/v1/lists/OFAC-SDN").then().statusCode(201).extract().path("version.id");
        return "/lists/OFAC-SDN/versions/" + id + "/changes";
    }

    private static String page(String cookie, String path, int status) {
        return given().auth().none().cookie("quarkus-credential", cookie).get(path).then().statusCode(status)
                .contentType(containsString("text/html")).extract().asString();
    }

    @Test
    void theListsPageLinksTheChangesAndThePageShowsThem() {
        String cookie = WebAccessTest.signIn("analyst", "analyst-secret");
        String path = aVersionWithChanges();
        String lists = page(cookie, "/lists", 200);
        assertThat(lists).contains("href=\"" + path + "\"").contains(">4 changes</a>");
        // The other sources are at their first version.
        assertThat(lists).contains(">first version</a>");

        String all = page(cookie, path, 200);
        assertThat(all).contains("1 added, 2 changed, 1 removed").contains("1–4 of 4")
                .contains("ROTENBERG, Arkady Romanovich").contains("BOUTIQUE LA MAISON")
                .contains("<th scope=\"row\">secondarySanctionsRisk</th><td class=\"pre\">no</td><td class=\"pre\">yes</td>")
                .contains("<td class=\"pre\">COIBA (aka)</td><td class=\"pre\">COIBA S.A. (aka)</td>");
        String removed = page(cookie, path + "?kind=REMOVED", 200);
        assertThat(removed).contains("1–1 of 1").contains("BOUTIQUE LA MAISON").doesNotContain("ROTENBERG");
        String second = page(cookie, path + "?size=25&page=1", 200);
        assertThat(second).contains("Page 2 is past the last of the 4 changes.").doesNotContain("BOUTIQUE");
    }

    @Test
    void badFiltersAreSaidBesideTheirFieldsAndUnknownVersionsAreNotFound() {
        String cookie = WebAccessTest.signIn("analyst", "analyst-secret");
        String path = aVersionWithChanges();
        String bad = page(cookie, path + "?kind=MOVED&size=7", 400);
        assertThat(bad).contains("id=\"e-kind\"").contains("id=\"e-size\"").contains("1–4 of 4");
        page(cookie, "/lists/OFAC-SDN/versions/0190a3c2-0000-7000-8000-000000000000/changes", 404);
        page(cookie, "/lists/NO-SUCH/versions/0190a3c2-0000-7000-8000-000000000000/changes", 404);
        String un = given().get("/api/v1/lists").then().extract().jsonPath()
                .getString("find { it.source == 'UN' }.id");
        assertThat(page(cookie, "/lists/UN/versions/" + un + "/changes", 200))
                .contains("There are no changes to show: the first version of UN");
    }
}
