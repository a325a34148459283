package org.exposure.assessor.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.exposure.assessor.lists.download.LocalListServer;
import org.exposure.assessor.lists.download.LocalListServer.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged application as a new user first runs it, with a database of its own (so on H2 only: the PostgreSQL
 * suite shares one database, which other tests fill with lists). Without any list it refuses to assess names and
 * is not ready; with the download URLs pointed at a loopback server serving the list extracts, as the publishers
 * would, it downloads them by itself at start-up, becomes ready and screens.
 */
class FirstRunIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String YILUFA = "{\"type\":\"SUPPLIER\",\"name\":\"Yilufa Electronics Ltd\",\"country\":\"CN\"}";
    private Path dir;

    @BeforeEach
    void setUp() throws Exception {
        assertThat(AppProcess.JAR).as("the packaged application; run through mvn verify").exists();
        assumeFalse(AppProcess.postgres(), "needs a database of its own: run on H2");
        dir = Files.createDirectories(Path.of("target/it-first-run/" + UUID.randomUUID()));
    }

    private String db() {
        return "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Test
    @DisplayName("with no list in force: a supplier with a name gets 503 naming the missing lists, readiness is DOWN")
    void noListNoSilentPass() throws Exception {
        try (AppProcess app = AppProcess.start(dir.resolve("app.log"), db(),
                "-Dassessor.lists.dir=" + dir.resolve("no-lists"))) {
            HttpResponse<String> r = app.post("/api/v1/assessments", "application/json", YILUFA);
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(r.body()).contains("OFAC-SDN", "US-CSL", "UN", "EU-FSF", "UK-SL").doesNotContain("Exception");
            HttpResponse<String> ready = app.get("/q/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("sanctions-lists", "not loaded");
            assertThat(app.get("/q/health/live").statusCode()).isEqualTo(200);
            // Goods naming no party are still assessed, against the packaged HS nomenclature.
            HttpResponse<String> goods = app.post("/api/v1/assessments", "application/json",
                    "{\"type\":\"GOODS\",\"hsCode\":\"8542.31\",\"destinationCountry\":\"KZ\"}");
            assertThat(goods.statusCode()).isEqualTo(201);
            assertThat(goods.body()).contains("LISTS_NOT_LOADED").doesNotContain("HS_NOMENCLATURE_UNAVAILABLE");
        }
    }

    @Test
    @DisplayName("with the download URLs on a loopback server: the lists are fetched at start-up and the supplier is screened")
    void downloadsAtStartUpThenScreens() throws Exception {
        Path lists = AppProcess.LIST_FIXTURES;
        try (LocalListServer server = new LocalListServer()) {
            server.answer("/ofac/sdn.csv", Answer.file(Files.readAllBytes(lists.resolve("OFAC-SDN/sdn.csv"))))
                    .answer("/ofac/alt.csv", Answer.file(Files.readAllBytes(lists.resolve("OFAC-SDN/alt.csv"))))
                    .answer("/ofac/add.csv", Answer.file(Files.readAllBytes(lists.resolve("OFAC-SDN/add.csv"))))
                    .answer("/csl/consolidated.csv", Answer.file(Files.readAllBytes(lists.resolve("US-CSL/consolidated.csv"))))
                    .answer("/un/consolidated.xml", Answer.file(Files.readAllBytes(lists.resolve("UN/consolidated.xml"))))
                    .answer("/eu/fsf.xml", Answer.file(Files.readAllBytes(lists.resolve("EU-FSF/fsf_2026-08-05.xml"))))
                    .answer("/uk/UK-Sanctions-List.xml",
                            Answer.file(Files.readAllBytes(lists.resolve("UK-SL/UK-Sanctions-List.xml"))));
            try (AppProcess app = AppProcess.start(dir.resolve("app.log"), db(),
                    "-Dassessor.lists.dir=" + dir.resolve("no-lists"), "-Dassessor.lists.download.enabled=true",
                    "-Dassessor.lists.download.\"OFAC-SDN\".url=" + server.url("/ofac/sdn.csv"),
                    "-Dassessor.lists.download.\"OFAC-SDN\".alt-url=" + server.url("/ofac/alt.csv"),
                    "-Dassessor.lists.download.\"OFAC-SDN\".add-url=" + server.url("/ofac/add.csv"),
                    "-Dassessor.lists.download.\"US-CSL\".url=" + server.url("/csl/consolidated.csv"),
                    "-Dassessor.lists.download.\"UN\".url=" + server.url("/un/consolidated.xml"),
                    "-Dassessor.lists.download.\"EU-FSF\".url=" + server.url("/eu/fsf.xml"),
                    "-Dassessor.lists.download.\"UK-SL\".url=" + server.url("/uk/UK-Sanctions-List.xml"))) {
                app.awaitReady(120);
                // Readiness is UP once one list is in; the others follow on the same download thread. Wait until the
                // screening index (which readiness reports, not the database) holds all five.
                long deadline = System.currentTimeMillis() + 60_000;
                while (app.get("/q/health/ready").body().contains("\"missing\"") && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
                HttpResponse<String> r = app.post("/api/v1/assessments", "application/json", YILUFA);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                JsonNode a = MAPPER.readTree(r.body());
                assertThat(a.toString()).contains("\"LIST-SDN\"", "\"LIST-SECONDARY-RISK\"")
                        .doesNotContain("HS_NOMENCLATURE_UNAVAILABLE", "LISTS_NOT_LOADED");
                assertThat(a.get("listVersions")).hasSize(5);
                for (JsonNode v : a.get("listVersions")) {
                    assertThat(v.get("versionId").asText()).isNotBlank();
                    assertThat(v.get("age").asText()).startsWith("P");
                }
                assertThat(server.requests()).extracting(LocalListServer.Request::path).contains("/ofac/sdn.csv",
                        "/ofac/alt.csv", "/ofac/add.csv", "/csl/consolidated.csv", "/un/consolidated.xml");
            }
        }
    }
}
