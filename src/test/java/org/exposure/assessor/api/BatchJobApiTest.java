package org.exposure.assessor.api;

import org.exposure.assessor.batch.BatchResource;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Batch jobs through the API: JSON Lines and CSV bodies, status, results in input order, rejected rows, cancel. */
@QuarkusTest
class BatchJobApiTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    @DisplayName("a mixed JSON Lines job runs to DONE; its results come back in input order and equal POST /assessments for the same subjects")
    void jsonLinesJobMatchesSynchronousAssessments() throws Exception {
        List<String> rows = BatchRows.mixed(1_250, new Random(7));
        String id = Batches.submit(String.join("\n", rows) + "\n", BatchResource.JSONL);
        JsonNode status = Batches.awaitFinished(id);

        assertThat(status.get("state").asText()).isEqualTo("DONE");
        assertThat(status.get("rowsRead").asLong()).isEqualTo(1_250);
        assertThat(status.get("assessed").asLong()).isEqualTo(1_250);
        assertThat(status.get("rejected").asLong()).isZero();
        assertThat(status.get("chunks").asInt()).isEqualTo(13);
        long perLevel = 0;
        for (JsonNode n : status.get("riskLevels")) {
            perLevel += n.asLong();
        }
        assertThat(perLevel).as("risk levels add up to the rows assessed").isEqualTo(1_250);
        assertThat(status.get("riskLevels").get("SEVERE").asLong()).isPositive();
        assertThat(status.get("riskLevels").get("CLEAR").asLong()).isPositive();

        List<JsonNode> results = Batches.results(id, "");
        assertThat(results).hasSize(1_250);
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).get("line").asLong()).isEqualTo(i + 1);
            assertThat(results.get(i).get("ref").asText()).isEqualTo(MAPPER.readTree(rows.get(i)).get("ref").asText());
        }
        // The job's verdicts are the synchronous API's, rule for rule, on a sample of every kind.
        for (int i = 0; i < rows.size(); i += 97) {
            JsonNode sync = MAPPER.readTree(Api.post(Api.ASSESSMENTS, rows.get(i)).statusCode(201).extract().asString());
            JsonNode job = results.get(i);
            assertThat(job.get("riskLevel").asText()).as("row %d", i + 1).isEqualTo(sync.get("riskLevel").asText());
            List<String> syncRules = new ArrayList<>();
            sync.get("firedRules").forEach(r -> syncRules.add(r.get("ruleId").asText()));
            sync.get("firedThrough").forEach(r -> syncRules.add(r.get("ruleId").asText()));
            List<String> jobRules = new ArrayList<>();
            job.get("firedRules").forEach(r -> jobRules.add(r.asText()));
            assertThat(jobRules).as("row %d", i + 1).containsExactlyInAnyOrderElementsOf(syncRules);
            // and the stored assessment behind the row is readable like any other
            given().get(job.get("assessment").asText()).then().statusCode(200)
                    .body("riskLevel", equalTo(sync.get("riskLevel").asText()));
        }
        // `after` continues where a previous read stopped
        List<JsonNode> tail = Batches.results(id, "?after=1200");
        assertThat(tail).hasSize(50);
        assertThat(tail.get(0).get("line").asLong()).isEqualTo(1201);
    }

    @Test
    @DisplayName("a CSV row and a JSON Lines row with a 10-digit tariff code are assessed as its HS-6; the stored assessment warns, naming the field")
    void tenDigitTariffCode() throws Exception {
        String csvJob = Batches.submit("ref,type,name,hsCode,destinationCountry\r\nT-1,SUPPLIER,Acme,8542.31.0000,KZ\r\n", "text/csv");
        String jsonJob = Batches.submit("{\"type\":\"GOODS\",\"ref\":\"T-2\",\"hsCode\":\"8542310000\",\"destinationCountry\":\"KZ\"}\n",
                BatchResource.JSONL);
        for (String[] job : new String[][] {{csvJob, "exports[0].hsCode", "8542.31.0000"}, {jsonJob, "hsCode", "8542310000"}}) {
            assertThat(Batches.awaitFinished(job[0]).get("state").asText()).isEqualTo("DONE");
            JsonNode result = Batches.results(job[0], "").get(0);
            assertThat(result.get("status").asText()).isEqualTo("ASSESSED");
            assertThat(result.get("firedRules").toString()).contains("GOODS-CHPL-T1");
            JsonNode stored = Api.getTree(Api.ASSESSMENTS + "/" + result.get("assessmentId").asText());
            assertThat(stored.get("warnings")).hasSize(1);
            assertThat(stored.at("/warnings/0/code").asText()).isEqualTo("HS_CODE_SHORTENED");
            assertThat(stored.at("/warnings/0/field").asText()).isEqualTo(job[1]);
            assertThat(stored.at("/warnings/0/message").asText()).contains("\"" + job[2] + "\"", "8542.31");
        }
    }

    @Test
    @DisplayName("a 10,000-row CSV job completes with per-level counts, and its CSV results list ref, risk level and fired rule ids in order")
    void csvJob() throws Exception {
        StringBuilder body = new StringBuilder("ref,type,name,aliases,country,region,hsCode,destinationCountry\r\n");
        String[][] kinds = {
                {"GOODS", "", "", "", "", "8542.31", "RU"},
                {"GOODS", "T-shirts", "", "CN", "", "610910", "DE"},
                {"SUPPLIER", "Harbin Precision Parts Co., Ltd.", "HPP;Harbin Precision", "CN", "Heilongjiang", "848210", "KZ"},
                {"BANK", "Bank of Suifenhe", "", "CN", "Heilongjiang", "", ""},
        };
        for (int i = 0; i < 10_000; i++) {
            String[] k = kinds[i % kinds.length];
            body.append("C-").append(i).append(',').append(k[0]).append(",\"").append(k[1]).append("\",\"").append(k[2])
                    .append("\",").append(k[3]).append(',').append(k[4]).append(',').append(k[5]).append(',').append(k[6]).append("\r\n");
        }
        String id = Batches.submit(body.toString(), "text/csv");
        JsonNode status = Batches.awaitFinished(id);
        assertThat(status.get("state").asText()).isEqualTo("DONE");
        assertThat(status.get("rowsRead").asLong()).isEqualTo(10_000);
        assertThat(status.get("assessed").asLong()).isEqualTo(10_000);
        assertThat(status.get("riskLevels").get("SEVERE").asLong()).as("8542.31 to RU, every 4th row").isGreaterThanOrEqualTo(2_500);

        Response csv = given().accept("text/csv").get("/api/v1/batches/" + id + "/results");
        csv.then().statusCode(200).contentType(startsWith("text/csv")).header("X-Batch-State", "DONE");
        String[] lines = csv.asString().split("\r\n");
        assertThat(lines).hasSize(10_001);
        assertThat(lines[0]).isEqualTo("line,ref,status,riskLevel,firedRules,assessmentId,errors");
        assertThat(lines[1]).startsWith("2,C-0,ASSESSED,SEVERE,").contains("GOODS-CHPL-T1");
        assertThat(lines[2]).startsWith("3,C-1,ASSESSED,CLEAR,,");
        assertThat(lines[10_000]).startsWith("10001,C-9999,ASSESSED,");
    }

    @Test
    @DisplayName("refs a spreadsheet would run as formulas come back in CSV results with an apostrophe, in JSON Lines as sent")
    void formulaRefsAreNeutralisedInCsv() throws Exception {
        String[] refs = {"=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-1", "@SUM(A1)", "PO-1"};
        StringBuilder body = new StringBuilder();
        for (String ref : refs) {
            body.append("{\"type\":\"GOODS\",\"ref\":").append(new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(ref)).append(",\"hsCode\":\"854231\",\"destinationCountry\":\"KZ\"}\n");
        }
        String id = Batches.submit(body.toString(), BatchResource.JSONL);
        assertThat(Batches.awaitFinished(id).get("state").asText()).isEqualTo("DONE");
        String csv = given().accept("text/csv").get("/api/v1/batches/" + id + "/results").then().statusCode(200)
                .extract().asString();
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv)).getRecords();
        assertThat(rows).extracting(r -> r.get("ref"))
                .containsExactly("'=HYPERLINK(\"http://x\",\"y\")", "'+1+1", "'-1", "'@SUM(A1)", "PO-1");
        assertThat(Batches.results(id, "")).extracting(r -> r.get("ref").asText()).containsExactly(refs);
    }

    @Test
    @DisplayName("a job with 1% bad rows completes; every bad row is listed by line number with the field and reason")
    void badRowsAreListedAndDoNotStopTheJob() throws Exception {
        List<String> rows = new ArrayList<>(BatchRows.mixed(2_000, new Random(11)));
        Map<Integer, String> bad = new HashMap<>();
        String[] defects = {
                "{\"type\":\"GOODS\",\"hsCode\":\"12\"}",                          // hsCode too short
                "{\"type\":\"GOODS\",\"hsCode\":\"854231\",\"destinationCountry\":\"XX\"}",
                "{\"type\":\"GOODS\",\"hscode\":\"854231\"}",                     // unknown field
                "{\"type\":\"SHIP\",\"name\":\"x\"}",
                "{\"type\":\"SUPPLIER\"}",                                        // name missing
                "not json at all",
                "{\"type\":\"GOODS\",\"hsCode\":\"854231\"",                      // unterminated
                "[1,2,3]",
                "{\"type\":\"BANK\",\"name\":\"B\",\"russiaPaymentShare\":7}",
                "{\"type\":\"GOODS\",\"hsCode\":\"854231\"} {\"type\":\"GOODS\"}",
        };
        String[] fields = {"hsCode", "destinationCountry", "hscode", "type", "name", "(body)", "(body)", "(body)", "russiaPaymentShare", "(body)"};
        Map<Integer, String> expectedField = new HashMap<>();
        for (int k = 0; k < 20; k++) {
            int index = 37 + k * 97;
            rows.set(index, defects[k % defects.length]);
            bad.put(index + 1, defects[k % defects.length]);
            expectedField.put(index + 1, fields[k % defects.length]);
        }
        // A blank line is not a row, but still counts as a line.
        String body = String.join("\n", rows.subList(0, 1000)) + "\n\n" + String.join("\n", rows.subList(1000, rows.size()));
        String id = Batches.submit(body, BatchResource.JSONL);
        JsonNode status = Batches.awaitFinished(id);
        assertThat(status.get("state").asText()).isEqualTo("DONE");
        assertThat(status.get("rowsRead").asLong()).isEqualTo(2_000);
        assertThat(status.get("rejected").asLong()).isEqualTo(20);
        assertThat(status.get("assessed").asLong()).isEqualTo(1_980);

        List<JsonNode> errors = Batches.lines(given().get("/api/v1/batches/" + id + "/errors").then().statusCode(200).extract().asString());
        assertThat(errors).hasSize(20);
        for (JsonNode e : errors) {
            long line = e.get("line").asLong();
            int inputIndex = (int) (line <= 1000 ? line : line - 1);
            assertThat(bad).as("line %d is a bad row", line).containsKey(inputIndex);
            assertThat(e.get("status").asText()).isEqualTo("REJECTED");
            assertThat(e.get("errors").get(0).get("field").asText()).as("line %d: %s", line, bad.get(inputIndex))
                    .isEqualTo(expectedField.get(inputIndex));
            assertThat(e.get("errors").get(0).get("message").asText()).isNotBlank();
        }
        // the results list the rejected rows in their place
        List<JsonNode> results = Batches.results(id, "");
        assertThat(results).hasSize(2_000);
        assertThat(results.get(37).get("status").asText()).isEqualTo("REJECTED");
        assertThat(results.get(37).get("line").asLong()).isEqualTo(38);
    }

    @Test
    @DisplayName("CSV rows: errors name the CSV column, and a row with more values than the header is rejected alone")
    void csvRowErrorsNameTheColumn() throws Exception {
        String body = "type,ref,hsCode,destinationCountry,name\n"
                + "GOODS,ok-1,854231,KZ,\n"
                + "GOODS,bad-hs,85,KZ,\n"
                + "BANK,bad-bank,854231,,Some bank\n"
                + "SUPPLIER,bad-dest,848210,ZZ,Harbin Parts\n"
                + "GOODS,too-many,854231,KZ,x,extra\n"
                + "\"GOODS\",\"multi\nline-ref\",854231,KZ,\"a name\"\n"
                + "GOODS,ok-2,854231,KZ,\n";
        String id = Batches.submit(body, "text/csv; charset=utf-8");
        JsonNode status = Batches.awaitFinished(id);
        assertThat(status.get("assessed").asLong()).isEqualTo(3);
        assertThat(status.get("rejected").asLong()).isEqualTo(4);
        List<JsonNode> errors = Batches.lines(given().get("/api/v1/batches/" + id + "/errors").asString());
        assertThat(errors).extracting(e -> e.get("line").asLong()).containsExactly(3L, 4L, 5L, 6L);
        assertThat(errors.get(0).get("errors").get(0).get("field").asText()).isEqualTo("hsCode");
        assertThat(errors.get(1).get("errors").get(0).get("field").asText()).isEqualTo("hsCode");
        assertThat(errors.get(1).get("errors").get(0).get("message").asText()).contains("BANK");
        assertThat(errors.get(1).get("ref").asText()).isEqualTo("bad-bank");
        assertThat(errors.get(2).get("errors").get(0).get("field").asText()).isEqualTo("destinationCountry");
        assertThat(errors.get(3).get("errors").get(0).get("message").asText()).contains("6 values", "5 columns");
        List<JsonNode> results = Batches.results(id, "");
        // the quoted ref spans lines 7-8; the next record starts on line 9
        assertThat(results).extracting(r -> r.get("line").asLong()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 9L);
        assertThat(results.get(5).get("ref").asText()).isEqualTo("multi\nline-ref");
    }

    @Test
    @DisplayName("a body that cannot be split into rows is refused whole with a problem naming the field, and no job is stored")
    void unreadableBodiesAreRefused() {
        long jobs = Api.count("batch_job");
        long chunks = Api.count("batch_chunk");
        given().contentType("text/csv").body("ref,type,colour\nr,GOODS,red\n").post("/api/v1/batches").then()
                .statusCode(400).contentType(Api.PROBLEM_JSON)
                .body("errors[0].field", equalTo("header[2]"), "errors[0].message", containsString("unknown column \"colour\""));
        given().contentType("text/csv").body("ref,name\nr,x\n").post("/api/v1/batches").then()
                .statusCode(400).body("errors[0].field", equalTo("header"), "errors[0].message", containsString("\"type\""));
        given().contentType("text/csv").body("").post("/api/v1/batches").then()
                .statusCode(400).body("errors[0].field", equalTo("header"));
        given().contentType("text/csv").body("type,ref\nGOODS,\"never closed\nGOODS,x\n").post("/api/v1/batches").then()
                .statusCode(400).body("errors[0].field", equalTo("line 2"));
        byte[] latin1 = "{\"type\":\"GOODS\",\"hsCode\":\"854231\",\"name\":\"Gr\u00fcn\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        given().contentType(BatchResource.JSONL).body(latin1).post("/api/v1/batches").then()
                .statusCode(400).contentType(Api.PROBLEM_JSON).body("errors[0].message", containsString("UTF-8"));
        given().contentType("application/json").body("[]").post("/api/v1/batches").then()
                .statusCode(415).contentType(Api.PROBLEM_JSON).body("errors[0].field", equalTo("Content-Type"));
        given().contentType(BatchResource.JSONL).queryParam("format", "xml").body("{}".getBytes(StandardCharsets.UTF_8)).post("/api/v1/batches").then()
                .statusCode(400).body("errors[0].field", equalTo("format"));
        assertThat(Api.count("batch_job")).as("no job stored").isEqualTo(jobs);
        assertThat(Api.count("batch_chunk")).as("no chunk left behind").isEqualTo(chunks);
    }

    @Test
    @DisplayName("a JSON line longer than assessor.jobs.max-row-length is rejected alone; the lines around it are assessed")
    void overlongLineIsRejectedAlone() {
        String longLine = "{\"type\":\"GOODS\",\"hsCode\":\"854231\",\"description\":\"" + "x".repeat(1_000_001) + "\"}";
        String id = Batches.submit(Api.KZ_CHIPS + "\n" + longLine + "\n" + Api.KZ_CHIPS, BatchResource.JSONL);
        JsonNode status = Batches.awaitFinished(id);
        assertThat(status.get("assessed").asLong()).isEqualTo(2);
        assertThat(status.get("rejected").asLong()).isEqualTo(1);
        List<JsonNode> errors = Batches.lines(given().get("/api/v1/batches/" + id + "/errors").asString());
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("line").asLong()).isEqualTo(2);
        assertThat(errors.get(0).get("errors").get(0).get("message").asText()).contains("longer than 1000000 characters");
    }

    @Test
    @DisplayName("a JSON request declaring more than 64 MiB gets 413 problem+json at once, before its body is read")
    void jsonBodyLimit() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/assessments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Basic YWRtaW46YWRtaW4tc2VjcmV0\r\n"
                    + "Content-Length: 100000000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] head = new byte[2048];
            int n = socket.getInputStream().read(head);
            String response = new String(head, 0, n, StandardCharsets.US_ASCII);
            assertThat(response).startsWith("HTTP/1.1 413").contains("application/problem+json");
        }
    }

    @Test
    @DisplayName("an empty JSON Lines body is a job with no rows, done at once")
    void emptyJob() {
        String id = Batches.submit("\n\n", BatchResource.JSONL);
        JsonNode status = Batches.awaitFinished(id);
        assertThat(status.get("state").asText()).isEqualTo("DONE");
        assertThat(status.get("rowsRead").asLong()).isZero();
        assertThat(Batches.results(id, "")).isEmpty();
    }

    @Test
    @DisplayName("unknown and malformed job ids get 404; bad query parameters get 400 naming them")
    void idsAndParameters() {
        given().get("/api/v1/batches/0190a3c2-0000-7000-8000-000000000000").then().statusCode(404).contentType(Api.PROBLEM_JSON);
        given().get("/api/v1/batches/not-a-uuid").then().statusCode(404).contentType(Api.PROBLEM_JSON)
                .body("detail", containsString("UUID"));
        given().delete("/api/v1/batches/0190a3c2-0000-7000-8000-000000000000").then().statusCode(404);
        String id = Batches.submit(BatchRows.mixed(3, new Random(1)).get(0) + "\n", BatchResource.JSONL);
        Batches.awaitFinished(id);
        given().get("/api/v1/batches/" + id + "/results?after=-1").then().statusCode(400).body("errors[0].field", equalTo("after"));
        given().get("/api/v1/batches/" + id + "/results?format=pdf").then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().delete("/api/v1/batches/" + id).then().statusCode(409).contentType(Api.PROBLEM_JSON);
    }

    @Test
    @DisplayName("DELETE cancels a running job: no chunk is started after it, and what was done stays readable")
    void cancel() throws Exception {
        String id = Batches.submit(String.join("\n", BatchRows.mixed(6_000, new Random(3))), BatchResource.JSONL);
        // let it start, then cancel
        long deadline = System.currentTimeMillis() + 60_000;
        while (Batches.status(id).get("chunksDone").asInt() < 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        JsonNode cancelled = MAPPER.readTree(given().delete("/api/v1/batches/" + id).then().statusCode(200).extract().asString());
        assertThat(cancelled.get("state").asText()).isEqualTo("CANCELLED");
        long doneAtCancel = cancelled.get("assessed").asLong() + cancelled.get("rejected").asLong();
        Thread.sleep(1_500);
        JsonNode later = Batches.status(id);
        assertThat(later.get("assessed").asLong() + later.get("rejected").asLong()).as("nothing done after the cancel").isEqualTo(doneAtCancel);
        assertThat(doneAtCancel).isLessThan(6_000);
        assertThat(Batches.results(id, "")).hasSizeLessThanOrEqualTo((int) doneAtCancel);
        given().delete("/api/v1/batches/" + id).then().statusCode(200);
    }
}
