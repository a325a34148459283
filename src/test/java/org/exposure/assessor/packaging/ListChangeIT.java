package org.exposure.assessor.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.exposure.assessor.lists.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged service acting on a list change as configured (not driven by a test): a new SDN version naming
 * stored suppliers re-assesses them and fills the changes feed, which stays complete and in order when the service
 * is killed right after the upload and started again, and reads the same from two services sharing PostgreSQL.
 */
class ListChangeIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int LISTED = 24;
    private static final String[] OPTIONS = {"-Dassessor.jobs.chunk-size=4", "-Dassessor.jobs.poll-interval=PT0.1S",
            "-Dassessor.monitoring.poll-interval=PT0.5S"};

    /** Names of suppliers that the new version lists, each a made-up name no real list holds. */
    private static String name(String run, int i) {
        return "Quorvex " + run + " Avionics " + (char) ('A' + i % 26) + (char) ('A' + i / 26) + " Trading";
    }

    private static byte[] sdn(String run, boolean withNew) {
        List<String> extra = new ArrayList<>();
        if (withNew) {
            for (int i = 0; i < LISTED; i++) {
                extra.add((991000 + i) + ",\"" + name(run, i).toUpperCase(java.util.Locale.ROOT) + "\",-0- ,\"RUSSIA-EO14024\","
                        + "-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ");
            }
        }
        return Fixtures.sdnRows(Fixtures.SDN_ENTRIES, extra.toArray(String[]::new));
    }

    private static String[] options(Path dir, String run, boolean ownDatabase) throws Exception {
        Path lists = Files.createDirectories(dir.resolve("lists/OFAC-SDN"));
        Files.write(lists.resolve("sdn.csv"), sdn(run, false));
        List<String> o = new ArrayList<>(List.of(OPTIONS));
        o.add("-Dassessor.lists.dir=" + dir.resolve("lists").toAbsolutePath());
        if (ownDatabase) {
            // WRITE_DELAY=0: H2 otherwise writes a commit to its file up to half a second later, and a process killed
            // at once loses it, where PostgreSQL would not.
            o.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("db")
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        }
        return o.toArray(String[]::new);
    }

    /** Stores the suppliers the new version will list, and as many it will not; returns the cursor before. */
    private static long store(AppProcess app, String run) throws Exception {
        for (int i = 0; i < LISTED; i++) {
            for (String n : List.of(name(run, i), "Harbour " + run + " Freight " + i + " Agency")) {
                HttpResponse<String> r = app.post("/api/v1/assessments", "application/json",
                        "{\"type\":\"SUPPLIER\",\"ref\":\"" + n.replace(' ', '-') + "\",\"name\":\"" + n + "\",\"country\":\"AE\"}");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            }
        }
        return Long.parseLong(app.getJson("/api/v1/changes?limit=1000").get("next").asText());
    }

    private static String upload(AppProcess app, String run) throws Exception {
        HttpResponse<String> r = app.post("/api/v1/lists/OFAC-SDN", "text/csv",
                new String(sdn(run, true), StandardCharsets.ISO_8859_1));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return MAPPER.readTree(r.body()).get("version").get("id").asText();
    }

    /** Every event after the cursor, read in pages of {@code page}, once the version's job is done. */
    private static List<JsonNode> events(AppProcess app, String version, long since, int page) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        String job = null;
        while (job == null) {
            JsonNode m = app.getJson("/api/v1/lists/OFAC-SDN/versions/" + version + "/changes?size=1").get("monitoring");
            if (!m.get("state").asText().equals("PENDING")) {
                assertThat(m.get("state").asText()).isEqualTo("JOB");
                job = m.get("job").asText();
            } else {
                assertThat(System.currentTimeMillis()).as("acted on: %s", m).isLessThan(deadline);
                Thread.sleep(200);
            }
        }
        while (!app.getJson("/api/v1/batches/" + job).get("state").asText().equals("DONE")) {
            assertThat(System.currentTimeMillis()).as("job done").isLessThan(deadline);
            Thread.sleep(200);
        }
        List<JsonNode> out = new ArrayList<>();
        long cursor = since;
        while (true) {
            JsonNode p = app.getJson("/api/v1/changes?limit=" + page + "&since=" + cursor);
            p.get("events").forEach(out::add);
            if (p.get("events").isEmpty()) {
                return out;
            }
            cursor = Long.parseLong(p.get("next").asText());
        }
    }

    /**
     * The feed from the cursor on is gapless (every number once, in order), and holds one RISK_RAISED event per
     * listed supplier of this run. On a database shared with the other tests it may hold more: the new version also
     * replaces what an earlier test's upload put in force, which lowers that test's subjects.
     */
    private static void assertComplete(List<JsonNode> events, long since, String run) {
        Set<String> refs = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            assertThat(e.get("seq").asLong()).isEqualTo(since + i + 1);
            String ref = e.get("subject").get("ref").asText();
            if (ref.contains(run)) {
                assertThat(e.get("type").asText()).isEqualTo("RISK_RAISED");
                assertThat(e.get("current").get("riskLevel").asText()).isEqualTo("BLOCKED");
                assertThat(refs.add(ref)).as("one event per subject").isTrue();
            }
        }
        assertThat(refs).hasSize(LISTED);
        for (int i = 0; i < LISTED; i++) {
            assertThat(refs).contains(name(run, i).replace(' ', '-'));
        }
    }

    @Test
    @DisplayName("killed right after a new version is uploaded, the service started again acts on it: the feed holds one event per touched subject, in order")
    void survivesAKillAfterTheUpload() throws Exception {
        String run = "R" + UUID.randomUUID().toString().substring(0, 6);
        Path dir = Files.createDirectories(Path.of("target/it-list-change/" + UUID.randomUUID()));
        String[] opts = options(dir, run, !AppProcess.postgres());
        long since;
        String version;
        try (AppProcess first = AppProcess.start(dir.resolve("first.log"), opts)) {
            since = store(first, run);
            version = upload(first, run);
            first.kill();
        }
        List<JsonNode> events;
        try (AppProcess second = AppProcess.start(dir.resolve("second.log"), opts)) {
            events = events(second, version, since, 7);
            assertComplete(events, since, run);
        }
        // And the same, read again with the same cursor by a later start.
        try (AppProcess third = AppProcess.start(dir.resolve("third.log"), opts)) {
            List<JsonNode> again = events(third, version, since, 1000);
            assertThat(again).isEqualTo(events);
        }
    }

    @Test
    @DisplayName("two services on one PostgreSQL: the change uploaded to one is acted on, and both serve the same feed, page by page")
    void twoInstancesServeOneFeed() throws Exception {
        assumeTrue(AppProcess.postgres(), "needs the PostgreSQL build (mvn verify -Ppostgresql): H2 here is one process's database");
        String run = "T" + UUID.randomUUID().toString().substring(0, 6);
        Path dir = Files.createDirectories(Path.of("target/it-list-change-shared/" + UUID.randomUUID()));
        String[] opts = options(dir, run, false);
        try (AppProcess a = AppProcess.start(dir.resolve("a.log"), opts);
             AppProcess b = AppProcess.start(dir.resolve("b.log"), opts)) {
            long since = store(a, run);
            String version = upload(b, run);
            List<JsonNode> fromA = events(a, version, since, 5);
            List<JsonNode> fromB = events(b, version, since, 1000);
            assertComplete(fromA, since, run);
            assertThat(fromB).isEqualTo(fromA);
        }
    }
}
