package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.exposure.assessor.lists.ListFixtures;
import org.exposure.assessor.lists.ListSources;
import org.exposure.assessor.lists.ListStore;
import org.exposure.assessor.lists.OtherInstance;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.exposure.assessor.screening.ScreeningIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The lists in force stay trustworthy: a new version that drops most of the entries in force is held until someone
 * confirms it, and the screening index always ends on exactly the versions the database has in force, whoever
 * imported them (concurrent uploads here, another instance sharing the database).
 */
@QuarkusTest
class ListsInForceTest {
    private static final Path SDN = ListFixtures.DIR.resolve("OFAC-SDN/sdn.csv");

    @Inject
    ScreeningIndex index;
    @Inject
    ListStore store;
    @Inject
    ListSources importers;

    @AfterEach
    void backToTheFixtures() {
        ListFixtures.restore();
    }

    /** The fixture's SDN rows (Latin-1, CRLF, without the closing 0x1A line). */
    private static List<String> sdnRows() throws Exception {
        List<String> rows = new ArrayList<>(Files.readAllLines(SDN, StandardCharsets.ISO_8859_1));
        rows.removeIf(r -> r.isEmpty() || r.equals("\u001a"));
        return rows;
    }

    private static byte[] sdnFile(List<String> rows) {
        return (String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Response upload(String source, byte[] body) {
        return given().contentType("text/csv").body(body).post("/api/v1/lists/" + source);
    }

    private static String inForceId(String source) {
        return given().get("/api/v1/lists").then().statusCode(200).extract().jsonPath()
                .getString("find { it.source == '" + source + "' && it.status == 'IN_FORCE' }.id");
    }

    @Test
    void aOneRowFileToASourceWithHundredsOfEntriesIsHeldUntilConfirmed() throws Exception {
        String before = inForceId("OFAC-SDN");
        List<String> rows = sdnRows();
        byte[] oneRow = sdnFile(rows.subList(0, 1));

        Response r = upload("OFAC-SDN", oneRow);
        r.then().statusCode(202).body("version.status", equalTo("HELD")).body("version.inForce", equalTo(false))
                .body("version.heldReason", containsString("drops " + (rows.size() - 1) + " of the " + rows.size()));
        String held = r.jsonPath().getString("version.id");

        // The version in force did not change, GET /lists shows the held one beside it, and screening still finds
        // listed names that the one-row file lacks.
        assertThat(inForceId("OFAC-SDN")).isEqualTo(before);
        given().get("/api/v1/lists").then()
                .body("find { it.id == '" + held + "' }.status", equalTo("HELD"))
                .body("findAll { it.source == 'OFAC-SDN' }.size()", equalTo(2));
        assertThat(index.versions()).extracting(v -> v.id.toString()).contains(before).doesNotContain(held);
        given().queryParam("name", "Yilufa Electronics Ltd").get("/api/v1/screen").then().statusCode(200)
                .body("matches.list", org.hamcrest.Matchers.hasItem("OFAC-SDN"));

        // The same file again is still held, not a second version.
        upload("OFAC-SDN", oneRow).then().statusCode(202).body("version.id", equalTo(held)).body("created", equalTo(false));

        // Confirmed, it goes in force and the index follows.
        given().post("/api/v1/lists/OFAC-SDN/versions/" + held + "/confirm").then().statusCode(200)
                .body("status", equalTo("IN_FORCE")).body("confirmedBy", equalTo("admin"))
                .body("confirmedAt", org.hamcrest.Matchers.notNullValue());
        assertThat(inForceId("OFAC-SDN")).isEqualTo(held);
        assertThat(index.versions()).extracting(v -> v.id.toString()).contains(held).doesNotContain(before);
        // Confirming again, or confirming a replaced version, is a conflict; an unknown one is not found.
        given().post("/api/v1/lists/OFAC-SDN/versions/" + held + "/confirm").then().statusCode(409)
                .contentType(Api.PROBLEM_JSON);
        given().post("/api/v1/lists/OFAC-SDN/versions/" + before + "/confirm").then().statusCode(409);
        given().post("/api/v1/lists/OFAC-SDN/versions/" + UUID.randomUUID() + "/confirm").then().statusCode(404);
        given().post("/api/v1/lists/OFAC-SDN/versions/not-a-uuid/confirm").then().statusCode(404);
    }

    @Test
    void aVersionDroppingFewEntriesGoesInForceAtOnceAndANewOneEndsTheWaitOfAHeldOne() throws Exception {
        List<String> rows = sdnRows();
        String held = upload("OFAC-SDN", sdnFile(rows.subList(0, 10))).then().statusCode(202).extract().path("version.id");
        // 5 of 305 dropped: under 10 %.
        String next = upload("OFAC-SDN", sdnFile(rows.subList(5, rows.size()))).then().statusCode(201)
                .body("version.status", equalTo("IN_FORCE")).extract().path("version.id");
        assertThat(inForceId("OFAC-SDN")).isEqualTo(next);
        given().get("/api/v1/lists").then().body("find { it.id == '" + held + "' }", org.hamcrest.Matchers.nullValue());
        given().post("/api/v1/lists/OFAC-SDN/versions/" + held + "/confirm").then().statusCode(409);
    }

    @Test
    void concurrentImportsOfOneSourceNeverLeaveTheIndexOnAnotherVersion() throws Exception {
        List<String> rows = sdnRows();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                // Two different files, each dropping under 10 % of what is in force, so either may win.
                byte[] a = sdnFile(rows.subList(round + 1, rows.size()));
                byte[] b = sdnFile(rows.subList(0, rows.size() - round - 1));
                List<Callable<Integer>> both = List.of(() -> upload("OFAC-SDN", a).statusCode(),
                        () -> upload("OFAC-SDN", b).statusCode());
                for (Future<Integer> f : pool.invokeAll(both)) {
                    assertThat(f.get()).isIn(200, 201);
                }
                assertThat(ids(index.snapshot().versions())).as("round %d", round).isEqualTo(idsInForce());
                assertThat(index.versions()).filteredOn(v -> v.source.equals("OFAC-SDN")).singleElement()
                        .satisfies(v -> assertThat(v.id.toString()).isEqualTo(inForceId("OFAC-SDN")));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anImportMadeByAnotherInstanceReachesThisIndexWithinSeconds() throws Exception {
        // Another instance stores through the same database and rebuilds only its own index; this one learns of
        // it only by comparing the ids in force (assessor.lists.refresh-interval, 2 s).
        List<String> rows = sdnRows();
        ListStore.Stored stored;
        try (var in = new java.io.ByteArrayInputStream(sdnFile(rows.subList(3, rows.size())))) {
            stored = OtherInstance.store(importers.find("OFAC-SDN").orElseThrow().read(in));
        }
        assertThat(stored.version().inForce).isTrue();
        UUID id = stored.version().id;
        assertThat(index.versions()).extracting(v -> v.id).doesNotContain(id);
        long deadline = System.currentTimeMillis() + 15_000;
        while (!ids(index.versions()).contains(id) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(ids(index.versions())).isEqualTo(idsInForce()).contains(id);
    }

    private static Set<UUID> ids(List<ListVersionEntity> versions) {
        Set<UUID> out = new HashSet<>();
        versions.forEach(v -> out.add(v.id));
        return out;
    }

    private static Set<UUID> idsInForce() {
        return QuarkusTransaction.requiringNew().call(() -> ids(ListVersionEntity.list("inForce = true")));
    }
}
