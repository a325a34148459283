package org.exposure.assessor.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A batch job survives its service being killed, and two services on one PostgreSQL share a job: in both cases
 * every row is assessed and stored exactly once. Runs the packaged application as separate processes.
 */
class BatchJobRecoveryIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int ROWS = 20_000;
    /** Small chunks, so that the job is many chunks long and a kill lands in the middle of one. */
    // Monitoring off: on PostgreSQL the database holds the subjects of the tests before this one, and the lists this
    // process imports at start-up would have the watcher re-assess some of them, adding to the assessments counted.
    private static final String[] JOB_OPTIONS = {"-Dassessor.jobs.chunk-size=250", "-Dassessor.jobs.poll-interval=PT0.1S",
            "-Dassessor.jobs.progress-interval=PT1S", "-Dassessor.monitoring.enabled=false"};

    @Test
    @DisplayName("killing the service (SIGKILL) mid-job and starting it again completes the job with every row assessed exactly once")
    void jobSurvivesAKill() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/it-batch-recovery/" + UUID.randomUUID()));
        List<String> options = new ArrayList<>(List.of(JOB_OPTIONS));
        if (!AppProcess.postgres()) {
            // A file database of this test's own, so that it outlives the killed process.
            options.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE");
        }
        String[] opts = options.toArray(String[]::new);
        String id;
        long assessmentsBefore;
        try (AppProcess first = AppProcess.start(dir.resolve("first.log"), opts)) {
            assessmentsBefore = totalAssessments(first);
            id = submit(first);
            // Let a few chunks commit, then kill the process while the next ones are under way.
            long deadline = System.currentTimeMillis() + 120_000;
            JsonNode s = first.getJson("/api/v1/batches/" + id);
            while (s.get("chunksDone").asInt() < 5 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
                s = first.getJson("/api/v1/batches/" + id);
            }
            assertThat(s.get("state").asText()).as("killed mid-job: %s", s).isEqualTo("RUNNING");
            first.kill();
            assertThat(s.get("chunksDone").asInt()).isLessThan(s.get("chunks").asInt());
        }
        try (AppProcess second = AppProcess.start(dir.resolve("second.log"), opts)) {
            JsonNode done = awaitDone(second, id);
            assertThat(done.get("assessed").asLong()).isEqualTo(ROWS);
            assertThat(done.get("rejected").asLong()).isZero();
            assertExactlyOnce(second, id);
            assertThat(totalAssessments(second) - assessmentsBefore).as("stored assessments: one per row, none twice").isEqualTo(ROWS);
            assertThat(second.output()).contains("Batch job " + id + " done");
        }
    }

    @Test
    @DisplayName("two services on one PostgreSQL share one job's chunks: both work on it, and every row is assessed exactly once")
    void twoInstancesShareAJob() throws Exception {
        assumeTrue(AppProcess.postgres(), "needs the PostgreSQL build (mvn verify -Ppostgresql): H2 here is one process's database");
        Path dir = Files.createDirectories(Path.of("target/it-batch-shared/" + UUID.randomUUID()));
        try (AppProcess a = AppProcess.start(dir.resolve("a.log"), JOB_OPTIONS);
             AppProcess b = AppProcess.start(dir.resolve("b.log"), JOB_OPTIONS)) {
            long before = totalAssessments(a);
            String id = submit(a);
            JsonNode done = awaitDone(b, id);
            assertThat(done.get("assessed").asLong()).isEqualTo(ROWS);
            JsonNode workers = done.get("workers");
            Set<String> instances = new HashSet<>();
            workers.fieldNames().forEachRemaining(w -> instances.add(w.substring(0, w.indexOf('/'))));
            assertThat(instances).as("chunks done per worker: %s", workers).hasSize(2);
            long chunks = 0;
            for (JsonNode n : workers) {
                chunks += n.asLong();
            }
            assertThat(chunks).isEqualTo(done.get("chunks").asLong());
            assertExactlyOnce(a, id);
            assertThat(totalAssessments(b) - before).isEqualTo(ROWS);
        }
    }

    private static String submit(AppProcess app) throws Exception {
        StringBuilder body = new StringBuilder();
        String[] dest = {"RU", "KZ", "DE", "BY", "TR"};
        for (int i = 0; i < ROWS; i++) {
            if (i % 5 == 4) {
                body.append("{\"type\":\"SUPPLIER\",\"ref\":\"it-").append(i).append("\",\"name\":\"Supplier ").append(i)
                        .append(" Ltd\",\"country\":\"CN\",\"exports\":[{\"hsCode\":\"848210\",\"destinationCountry\":\"")
                        .append(dest[i % dest.length]).append("\"}]}\n");
            } else {
                body.append("{\"type\":\"GOODS\",\"ref\":\"it-").append(i).append("\",\"hsCode\":\"854231\",\"destinationCountry\":\"")
                        .append(dest[i % dest.length]).append("\"}\n");
            }
        }
        HttpResponse<String> r = app.post("/api/v1/batches", "application/x-ndjson", body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return MAPPER.readTree(r.body()).get("id").asText();
    }

    private static JsonNode awaitDone(AppProcess app, String id) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        while (true) {
            JsonNode s = app.getJson("/api/v1/batches/" + id);
            if (s.get("state").asText().equals("DONE")) {
                return s;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("job not done after 300 s: " + s + "\n" + app.output());
            }
            Thread.sleep(200);
        }
    }

    /** The results hold each input line once, in order, each with an assessment of its own. */
    private static void assertExactlyOnce(AppProcess app, String id) throws Exception {
        HttpResponse<String> r = app.get("/api/v1/batches/" + id + "/results");
        assertThat(r.statusCode()).isEqualTo(200);
        String[] lines = r.body().split("\n");
        assertThat(lines).hasSize(ROWS);
        Set<String> assessments = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            JsonNode row = MAPPER.readTree(lines[i]);
            assertThat(row.get("line").asLong()).isEqualTo(i + 1);
            assertThat(row.get("ref").asText()).isEqualTo("it-" + i);
            assertThat(assessments.add(row.get("assessmentId").asText())).as("assessment of line %d is new", i + 1).isTrue();
        }
    }

    private static long totalAssessments(AppProcess app) throws Exception {
        return app.getJson("/api/v1/assessments?size=1").get("totalItems").asLong();
    }
}
