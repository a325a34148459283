package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exposure.assessor.lists.EntryContent;
import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.ListChanges;
import org.exposure.assessor.lists.ListFixtures;
import org.exposure.assessor.persistence.ListEntryEntity;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * GET /api/v1/lists/{source}/versions/{id}/changes and the change sets behind it, on modified copies of the fixtures
 * (src/test/resources/changes, described in src/test/resources/README.md).
 */
@QuarkusTest
class ListChangesApiTest {
    private static final Path CHANGES = Path.of("src", "test", "resources", "changes");
    private static final Path CHANGED_SDN = CHANGES.resolve("OFAC-SDN");
    private static final Path REORDERED_SDN = CHANGES.resolve("OFAC-SDN-reordered");
    private static final Path REORDERED_CSL = CHANGES.resolve("US-CSL-reordered").resolve("consolidated.csv");

    @Inject
    ListChanges changes;

    // Every test starts from the fixtures as the only versions, so that each upload here is new content.
    @BeforeEach
    void fixtures() {
        ListFixtures.restore();
    }

    @AfterEach
    void backToTheFixtures() {
        ListFixtures.restore();
    }

    private static Response uploadSdn(Path dir) {
        return given().multiPart("sdn", dir.resolve("sdn.csv").toFile(), "text/csv")
                .multiPart("alt", dir.resolve("alt.csv").toFile(), "text/csv")
                .multiPart("add", dir.resolve("add.csv").toFile(), "text/csv")
                .post("/api/v1/lists/OFAC-SDN");
    }

    private static String inForceId(String source) {
        return given().get("/api/v1/lists").then().statusCode(200).extract().jsonPath()
                .getString("find { it.source == '" + source + "' && it.status == 'IN_FORCE' }.id");
    }

    private static JsonPath changesOf(String source, String versionId, String query) {
        return given().get("/api/v1/lists/" + source + "/versions/" + versionId + "/changes" + query)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @Test
    void anEntryAddedOneRemovedAnAliasChangedAndTheSecondarySanctionsRemarkAdded() {
        String fixture = inForceId("OFAC-SDN");
        String next = uploadSdn(CHANGED_SDN).then().statusCode(201).extract().path("version.id");

        JsonPath c = changesOf("OFAC-SDN", next, "");
        assertThat(c.getString("source")).isEqualTo("OFAC-SDN");
        assertThat(c.getString("versionId")).isEqualTo(next);
        assertThat(c.getString("versionStatus")).isEqualTo("IN_FORCE");
        assertThat(c.getString("previousVersionId")).isEqualTo(fixture);
        assertThat(c.getMap("counts")).isEqualTo(Map.of("added", 1, "removed", 1, "changed", 2));
        assertThat(c.getString("inForceAt")).isNotNull();
        assertThat(c.getLong("totalItems")).isEqualTo(4);
        // Added, then changed, then removed; each by entry id.
        assertThat(c.getList("items.kind")).containsExactly("ADDED", "CHANGED", "CHANGED", "REMOVED");
        assertThat(c.getList("items.entryId")).containsExactly("16669", "34539", "540", "424");
        assertThat(c.getString("items[0].name")).isEqualTo("ROTENBERG, Arkady Romanovich");
        assertThat(c.getString("items[3].name")).isEqualTo("BOUTIQUE LA MAISON");

        // The secondary-sanctions remark: the remarks and the flag, nothing else.
        assertThat(c.getList("items[1].fields")).containsExactly("remarks", "secondarySanctionsRisk");
        assertThat(c.getBoolean("items[1].before.secondarySanctionsRisk")).isFalse();
        assertThat(c.getBoolean("items[1].after.secondarySanctionsRisk")).isTrue();
        assertThat(c.getString("items[1].after.remarks[0]")).contains("section 11 of Executive Order 14024");
        assertThat(c.getString("items[1].previousName")).isNull();

        // The alias of alt.csv: the aliases alone (its alt.csv row is a field of the record, not reported twice).
        assertThat(c.getList("items[2].fields")).containsExactly("aliases");
        assertThat(c.getList("items[2].before.aliases.name")).containsExactly("COIBA");
        assertThat(c.getList("items[2].after.aliases.name")).containsExactly("COIBA S.A.");

        // The set took effect in the transaction that put the version in force, with changes: PENDING.
        ListChanges.ChangeSet set = changes.forVersion(UUID.fromString(next)).orElseThrow();
        assertThat(set.watchState()).isEqualTo(ListChanges.PENDING);
        assertThat(set.inForceAt()).isNotNull();
        assertThat(set.fromVersionId()).isEqualTo(UUID.fromString(fixture));
        assertThat(changes.changes(set.id())).extracting(ListChanges.Change::entryId)
                .containsExactly("16669", "34539", "540", "424");

        // Filter and pages.
        JsonPath onlyChanged = changesOf("OFAC-SDN", next, "?kind=changed&size=1&page=1");
        assertThat(onlyChanged.getString("kind")).isEqualTo("CHANGED");
        assertThat(onlyChanged.getLong("totalItems")).isEqualTo(2);
        assertThat(onlyChanged.getInt("totalPages")).isEqualTo(2);
        assertThat(onlyChanged.getList("items.entryId")).containsExactly("540");
        assertThat(changesOf("OFAC-SDN", next, "?kind=REMOVED").getList("items.entryId")).containsExactly("424");
        assertThat(changesOf("OFAC-SDN", next, "?page=1").getList("items")).isEmpty();

        // The import's audit record carries the counts.
        String audit = given().get("/api/v1/audit").then().statusCode(200).extract().asString();
        String imported = audit.lines().filter(l -> l.contains("\"LIST_IMPORTED\"") && l.contains(next))
                .findFirst().orElseThrow();
        assertThat(Api.tree(imported).at("/after/changes/added").asInt()).isEqualTo(1);
        assertThat(Api.tree(imported).at("/after/changes/changed").asInt()).isEqualTo(2);
        assertThat(Api.tree(imported).at("/after/changes/previousVersionId").asText()).isEqualTo(fixture);
    }

    @Test
    void versionsStoredBeforeEntryHashesAreComparedFromTheirColumns() {
        String fixture = inForceId("OFAC-SDN");
        QuarkusTransaction.requiringNew().run(() -> {
            // The hash written at import is the one computed from the stored columns, for every fixture list.
            List<ListEntryEntity> all = ListEntryEntity.listAll();
            assertThat(all).hasSizeGreaterThan(700);
            for (ListEntryEntity e : all) {
                String source = ListVersionEntity.<ListVersionEntity>findById(e.versionId).source;
                assertThat(EntryContent.hash(new EntryContent.Stored(source, e.primaryName, e.entityType, e.listName,
                        e.aliasesJson, e.programsJson, e.countriesJson, e.identifiersJson, e.remarksJson,
                        e.datasetsJson, e.secondarySanctionsRisk, e.originalJson)))
                        .as("%s %s", source, e.entryId).isEqualTo(e.contentHash);
            }
            // The SDN version in force as if stored before the column existed.
            assertThat(ListEntryEntity.update("contentHash = null where versionId = ?1", UUID.fromString(fixture)))
                    .isEqualTo(Fixtures.SDN_ENTRIES);
        });
        String next = uploadSdn(CHANGED_SDN).then().statusCode(201).extract().path("version.id");
        JsonPath c = changesOf("OFAC-SDN", next, "");
        assertThat(c.getList("items.entryId")).containsExactly("16669", "34539", "540", "424");
        assertThat(c.getList("items[2].fields")).containsExactly("aliases");
    }

    @Test
    void theFirstVersionOfASourceHasNoPreviousVersion() {
        String fixture = inForceId("UN");
        given().get("/api/v1/lists/UN/versions/" + fixture + "/changes").then().statusCode(200)
                .body("previousVersionId", nullValue()).body("counts", nullValue()).body("totalItems", equalTo(0))
                .body("note", containsString("first version of UN"));
    }

    @Test
    void reorderedAndReSpacedFilesChangeNothing() {
        // OFAC: records, alias and address rows in reverse order, programmes reversed, spaces doubled and padded.
        String sdn = uploadSdn(REORDERED_SDN).then().statusCode(201).extract().path("version.id");
        JsonPath c = changesOf("OFAC-SDN", sdn, "");
        assertThat(c.getMap("counts")).isEqualTo(Map.of("added", 0, "removed", 0, "changed", 0));
        assertThat(c.getList("items")).isEmpty();
        assertThat(c.getString("inForceAt")).isNotNull();
        ListChanges.ChangeSet set = changes.forVersion(UUID.fromString(sdn)).orElseThrow();
        assertThat(set.watchState()).as("no change, nothing for the monitoring").isNull();

        // CSL: records reversed (VTB's three rows of one _id among them), alt_names, programs and addresses reversed.
        String csl = given().contentType("text/csv").body(Fixtures.bytes(REORDERED_CSL)).post("/api/v1/lists/US-CSL")
                .then().statusCode(201).extract().path("version.id");
        JsonPath d = changesOf("US-CSL", csl, "");
        assertThat(d.getMap("counts")).isEqualTo(Map.of("added", 0, "removed", 0, "changed", 0));
        assertThat(changes.forVersion(UUID.fromString(csl)).orElseThrow().watchState()).isNull();
    }

    @Test
    void aHeldVersionShowsWhatConfirmingWouldChangeAndIsPendingOnceConfirmed() {
        String fixture = inForceId("OFAC-SDN");
        // The first 20 rows only: drops 285 of 305 entries, so it is held.
        String held = given().contentType("text/csv").body(Fixtures.sdnRows(20)).post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(202).extract().path("version.id");
        JsonPath c = changesOf("OFAC-SDN", held, "?kind=REMOVED&size=5");
        assertThat(c.getString("versionStatus")).isEqualTo("HELD");
        assertThat(c.getString("previousVersionId")).isEqualTo(fixture);
        assertThat(c.getString("inForceAt")).isNull();
        assertThat(c.getInt("counts.removed")).isEqualTo(Fixtures.SDN_ENTRIES - 20);
        assertThat(c.getLong("totalItems")).isEqualTo(Fixtures.SDN_ENTRIES - 20);
        assertThat(c.getList("items")).hasSize(5);
        ListChanges.ChangeSet whileHeld = changes.forVersion(UUID.fromString(held)).orElseThrow();
        assertThat(whileHeld.watchState()).isNull();
        assertThat(whileHeld.inForceAt()).isNull();

        given().post("/api/v1/lists/OFAC-SDN/versions/" + held + "/confirm").then().statusCode(200);
        ListChanges.ChangeSet confirmed = changes.forVersion(UUID.fromString(held)).orElseThrow();
        // The same set (the version in force did not change meanwhile), now in force and pending.
        assertThat(confirmed.id()).isEqualTo(whileHeld.id());
        assertThat(confirmed.watchState()).isEqualTo(ListChanges.PENDING);
        assertThat(confirmed.inForceAt()).isNotNull();
        assertThat(changesOf("OFAC-SDN", held, "").getString("inForceAt")).isNotNull();
        String audit = given().get("/api/v1/audit").then().statusCode(200).extract().asString();
        String line = audit.lines().filter(l -> l.contains("\"LIST_VERSION_CONFIRMED\"") && l.contains(held))
                .findFirst().orElseThrow();
        assertThat(Api.tree(line).at("/after/changes/removed").asInt()).isEqualTo(Fixtures.SDN_ENTRIES - 20);
    }

    @Test
    void theCslsRowsOfOneIdArePairedByTheirList() {
        // VTB Bank is on three lists of the CSL under one _id: its Capta row dropped, its SSI row without one programme.
        List<String> lines = new ArrayList<>(List.of(new String(Fixtures.bytes(Fixtures.CSL),
                StandardCharsets.UTF_8).split("\n", -1)));
        assertThat(lines.removeIf(l -> l.startsWith("17013,Capta List (CAP)"))).isTrue();
        int ssi = lines.indexOf(lines.stream().filter(l -> l.startsWith("17013,Sectoral Sanctions")).findFirst()
                .orElseThrow());
        assertThat(lines.get(ssi)).contains(",UKRAINE-EO13662; RUSSIA-EO14024,");
        lines.set(ssi, lines.get(ssi).replace(",UKRAINE-EO13662; RUSSIA-EO14024,", ",UKRAINE-EO13662,"));
        String csl = given().contentType("text/csv")
                .body(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)).post("/api/v1/lists/US-CSL")
                .then().statusCode(201).extract().path("version.id");
        JsonPath c = changesOf("US-CSL", csl, "");
        assertThat(c.getList("items.kind")).containsExactly("CHANGED", "REMOVED");
        assertThat(c.getList("items.entryId")).containsExactly("17013", "17013");
        assertThat(c.getString("items[0].list")).startsWith("Sectoral Sanctions Identifications List (SSI)");
        assertThat(c.getList("items[0].fields")).containsExactly("programs");
        assertThat(c.getList("items[0].before.programs")).containsExactly("RUSSIA-EO14024", "UKRAINE-EO13662");
        assertThat(c.getList("items[0].after.programs")).containsExactly("UKRAINE-EO13662");
        assertThat(c.getString("items[1].list")).startsWith("Capta List (CAP)");
    }

    @Test
    void aHeldSetAgainstAVersionNoLongerInForceIsComputedAgainAtConfirmation() {
        String held = given().contentType("text/csv").body(Fixtures.sdnRows(20)).post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(202).extract().path("version.id");
        UUID heldSet = changes.forVersion(UUID.fromString(held)).orElseThrow().id();
        String next = uploadSdn(CHANGED_SDN).then().statusCode(201).extract().path("version.id");
        // Putting a version in force ends every wait, so no path of the service leaves a version held across a change
        // of the version in force; the confirmation does not rely on it. As if it still waited:
        QuarkusTransaction.requiringNew().run(() -> assertThat(
                ListVersionEntity.update("held = true where id = ?1", UUID.fromString(held))).isEqualTo(1));
        given().post("/api/v1/lists/OFAC-SDN/versions/" + held + "/confirm").then().statusCode(200);
        ListChanges.ChangeSet set = changes.forVersion(UUID.fromString(held)).orElseThrow();
        assertThat(set.id()).isNotEqualTo(heldSet);
        assertThat(changes.changeSet(heldSet)).as("the out-of-date set is gone").isEmpty();
        assertThat(set.fromVersionId()).isEqualTo(UUID.fromString(next));
        assertThat(set.watchState()).isEqualTo(ListChanges.PENDING);
        // 424 is among the first 20 rows, and not in the version it replaces.
        assertThat(changes.changes(set.id(), ListChanges.Kind.ADDED, 0, 10)).extracting(ListChanges.Change::entryId)
                .containsExactly("424");
        assertThat(set.removed()).isEqualTo(Fixtures.SDN_ENTRIES - 19);
    }

    @Test
    void earlierContentPutBackHasAChangeSetAgainstTheVersionItReplaced() {
        String fixture = inForceId("OFAC-SDN");
        String next = uploadSdn(CHANGED_SDN).then().statusCode(201).extract().path("version.id");
        // The fixture files again: that earlier version is put back in force.
        given().multiPart("sdn", Fixtures.SDN.toFile(), "text/csv").multiPart("alt", Fixtures.ALT.toFile(), "text/csv")
                .multiPart("add", Fixtures.ADD.toFile(), "text/csv").post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(200).body("version.id", equalTo(fixture)).body("version.status", equalTo("IN_FORCE"));
        JsonPath c = changesOf("OFAC-SDN", fixture, "");
        assertThat(c.getString("previousVersionId")).isEqualTo(next);
        assertThat(c.getList("items.kind")).containsExactly("ADDED", "CHANGED", "CHANGED", "REMOVED");
        assertThat(c.getList("items.entryId")).containsExactly("424", "34539", "540", "16669");
        assertThat(c.getList("items[2].after.aliases.name")).containsExactly("COIBA");
        assertThat(changes.forVersion(UUID.fromString(fixture)).orElseThrow().watchState())
                .isEqualTo(ListChanges.PENDING);
    }

    @Test
    void unknownSourcesVersionsAndBadParametersAreProblems() {
        String un = inForceId("UN");
        Api.problem(given().get("/api/v1/lists/NO-SUCH/versions/" + un + "/changes").then(), 404);
        Api.problem(given().get("/api/v1/lists/UN/versions/" + UUID.randomUUID() + "/changes").then(), 404);
        Api.problem(given().get("/api/v1/lists/UN/versions/not-a-uuid/changes").then(), 404);
        // A version of another source is not a version of this one.
        Api.problem(given().get("/api/v1/lists/OFAC-SDN/versions/" + un + "/changes").then(), 404);
        assertThat(Api.problem(given().get("/api/v1/lists/UN/versions/" + un + "/changes?kind=MOVED").then(), 400)
                .<String>path("errors[0].field")).isEqualTo("kind");
        assertThat(Api.problem(given().get("/api/v1/lists/UN/versions/" + un + "/changes?size=0").then(), 400)
                .<String>path("errors[0].field")).isEqualTo("size");
        assertThat(Api.problem(given().get("/api/v1/lists/UN/versions/" + un + "/changes?page=x").then(), 400)
                .<String>path("errors[0].field")).isEqualTo("page");
        // An analyst reads it like the other list reads.
        Users.ANALYST.given().get("/api/v1/lists/UN/versions/" + un + "/changes").then().statusCode(200);
    }
}
