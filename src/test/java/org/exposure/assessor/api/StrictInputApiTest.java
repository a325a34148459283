package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.api.Api.ASSESSMENTS;
import static org.exposure.assessor.api.Api.BATCH;
import static org.exposure.assessor.api.Api.KZ_CHIPS;
import static org.exposure.assessor.api.Api.created;
import static org.exposure.assessor.api.Api.invalid;
import static org.exposure.assessor.api.Api.noInternals;
import static org.exposure.assessor.api.Api.post;
import static org.exposure.assessor.api.Api.problem;
import static org.exposure.assessor.api.Api.ruleIds;
import static org.exposure.assessor.api.Api.rows;
import static org.exposure.assessor.api.Api.tree;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.exposure.assessor.api.Api.Rows;
import org.exposure.assessor.batch.BatchResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * What an attacker-minded client tried: numbers that a double would round across a legal threshold, fields given
 * twice, numbers for dates and strings, encoded bodies, overlong URIs, chunked bodies past the JSON limit, names
 * of invisible characters. Each is answered exactly or refused as a problem naming the field, in the API and in
 * batch jobs (JSON Lines and CSV) alike, and nothing refused is stored.
 */
@QuarkusTest
class StrictInputApiTest {
    private static final String SUPPLIER = "{\"type\":\"SUPPLIER\",\"name\":\"Quillwort Trading\",\"country\":\"HK\",";
    private static final String BANK = "{\"type\":\"BANK\",\"name\":\"Quillwort Rural Bank\",\"country\":\"CN\",";
    private static final String GOODS = "{\"type\":\"GOODS\",\"hsCode\":\"854231\",";

    private static String ownedBy(String share) {
        return SUPPLIER + "\"owners\":[{\"name\":\"Zebulon Marchetti-Quist\",\"country\":\"RU\",\"sharePercent\":" + share
                + ",\"sanctioned\":true}]}";
    }

    @Test
    void aStakeJustUnder50PercentIsAMinorityNotABlockedCompany() {
        JsonNode a = created(ownedBy("49.9999999999999999"));
        assertThat(ruleIds(a)).contains("OWN-MINORITY").doesNotContain("OWN-50");
        assertThat(a.toString()).contains("49.9999999999999999");
        JsonNode fifty = created(ownedBy("50"));
        assertThat(ruleIds(fifty)).contains("OWN-50");
    }

    @Test
    void aStakeJustUnder25PercentIsNotAMinority() {
        assertThat(ruleIds(created(ownedBy("24.99999999999999999")))).doesNotContain("OWN-MINORITY", "OWN-50");
        assertThat(ruleIds(created(ownedBy("25.0")))).contains("OWN-MINORITY");
    }

    @Test
    void aRussiaShareJustAbove10PercentIsAboveTheThreshold() {
        assertThat(ruleIds(created(BANK + "\"russiaPaymentShare\":0.10000000000000000001}"))).contains("FFI-RUSSIA-SHARE");
        assertThat(ruleIds(created(BANK + "\"russiaPaymentShare\":0.1}"))).doesNotContain("FFI-RUSSIA-SHARE");
    }

    @Test
    void anAmountIsStoredAndReadBackAsWritten() {
        // compared as text: a test client reading numbers as doubles would round them itself
        String posted = post(ASSESSMENTS, BANK + "\"payments\":[{\"amountUsd\":12345678901234567890.12,\"destinationCountry\":\"RU\"}]}")
                .statusCode(201).extract().asString();
        assertThat(posted).contains("\"amountUsd\":12345678901234567890.12");
        String id = tree(posted).get("id").asText();
        String read = given().accept(ContentType.JSON).when().get(ASSESSMENTS + "/" + id).then().statusCode(200).extract().asString();
        assertThat(read).contains("\"amountUsd\":12345678901234567890.12");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("share 1e-400", SUPPLIER + "\"owners\":[{\"name\":\"o\",\"sharePercent\":1e-400}]}", "owners[0].sharePercent"),
                Arguments.of("amount 1e400", BANK + "\"payments\":[{\"amountUsd\":1e400}]}", "payments[0].amountUsd"),
                Arguments.of("share NaN", SUPPLIER + "\"owners\":[{\"name\":\"o\",\"sharePercent\":NaN}]}", "owners[0].sharePercent"),
                Arguments.of("share Infinity", BANK + "\"russiaPaymentShare\":Infinity}", "russiaPaymentShare"),
                Arguments.of("hsCode twice", "{\"type\":\"GOODS\",\"hsCode\":\"854231\",\"destinationCountry\":\"KZ\",\"hsCode\":\"010121\"}", "hsCode"),
                Arguments.of("sanctioned twice", GOODS + "\"endUser\":{\"name\":\"x\",\"sanctioned\":true,\"sanctioned\":false}}", "endUser.sanctioned"),
                Arguments.of("aliases twice", GOODS + "\"aliases\":[\"a\"],\"aliases\":[\"b\"]}", "aliases"),
                Arguments.of("incorporatedOn 20240101", SUPPLIER + "\"incorporatedOn\":20240101}", "incorporatedOn"),
                Arguments.of("incorporatedOn +999999999-12-31", SUPPLIER + "\"incorporatedOn\":\"+999999999-12-31\"}", "incorporatedOn"),
                Arguments.of("payment date 2023-02-29", BANK + "\"payments\":[{\"date\":\"2023-02-29\"}]}", "payments[0].date"),
                Arguments.of("name as a number", "{\"type\":\"BANK\",\"name\":1234}", "name"),
                Arguments.of("sanctioned as \"yes\"", GOODS + "\"endUser\":{\"name\":\"x\",\"sanctioned\":\"true\"}}", "endUser.sanctioned"),
                Arguments.of("name of zero-width spaces", "{\"type\":\"SUPPLIER\",\"name\":\"\\u200b\\u200b\"}", "name"),
                Arguments.of("name NUL", "{\"type\":\"BANK\",\"name\":\"\\u0000\"}", "name"),
                Arguments.of("alias of a word joiner", GOODS + "\"aliases\":[\"\\u2060\"]}", "aliases[0]"),
                Arguments.of("owner name LRM", SUPPLIER + "\"owners\":[{\"name\":\"\\u200e\",\"sharePercent\":5}]}", "owners[0].name"),
                Arguments.of("consignee name", SUPPLIER + "\"exports\":[{\"hsCode\":\"854231\",\"consignee\":{\"name\":\"\\ufeff\"}}]}", "exports[0].consignee.name"),
                Arguments.of("correspondent name", BANK + "\"correspondents\":[{\"name\":\"\\u200b\"}]}", "correspondents[0].name"),
                Arguments.of("counterparty name", BANK + "\"payments\":[{\"counterparty\":{\"name\":\"\\u0007\"}}]}", "payments[0].counterparty.name"),
                Arguments.of("end user name", GOODS + "\"endUser\":{\"name\":\"\\u2063\"}}", "endUser.name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedByTheApiNamingTheFieldInItsOwnWords(String what, String json, String field) {
        Rows before = rows();
        ExtractableResponse<Response> r = invalid(post(ASSESSMENTS, json), field);
        assertThat(r.asString()).as(what).doesNotContain("ALLOW_", "Feature", "set()", "(body)");
        invalid(post(BATCH, "{\"subjects\":[" + KZ_CHIPS + "," + json + "]}"), "subjects[1]." + field);
        assertThat(rows()).as("rows after %s", what).isEqualTo(before);
    }

    @Test
    void theSameRowsInAJsonLinesJobAreRejectedOneByOneNamingTheField() {
        List<Arguments> cases = refused().toList();
        StringBuilder body = new StringBuilder(KZ_CHIPS).append('\n');
        for (Arguments c : cases) {
            body.append(c.get()[1]).append('\n');
        }
        String id = Batches.submit(body.toString(), BatchResource.JSONL);
        assertThat(Batches.awaitFinished(id).get("state").asText()).isEqualTo("DONE");
        List<JsonNode> results = Batches.results(id, "");
        assertThat(results).hasSize(cases.size() + 1);
        assertThat(results.get(0).get("status").asText()).isEqualTo("ASSESSED");
        for (int i = 0; i < cases.size(); i++) {
            JsonNode row = results.get(i + 1);
            assertThat(row.get("status").asText()).as("%s: %s", cases.get(i).get()[0], row).isEqualTo("REJECTED");
            assertThat(row.findValuesAsText("field")).as("%s: %s", cases.get(i).get()[0], row).contains((String) cases.get(i).get()[2]);
            assertThat(row.toString()).doesNotContain("ALLOW_", "Feature", "set()", "(body)");
        }
    }

    @Test
    void aCsvRowWithAnInvisibleNameIsRejectedOnItsOwn() {
        String id = Batches.submit("ref,type,name,aliases,hsCode,destinationCountry\n"
                + "r1,GOODS,,,854231,KZ\n"
                + "r2,SUPPLIER,\u200b\u200b,,,\n"
                + "r3,BANK,Quillwort Bank,\u2060;ok,,\n", BatchResource.CSV);
        assertThat(Batches.awaitFinished(id).get("state").asText()).isEqualTo("DONE");
        List<JsonNode> results = Batches.results(id, "");
        assertThat(results).extracting(r -> r.get("status").asText()).containsExactly("ASSESSED", "REJECTED", "REJECTED");
        assertThat(results.get(1).findValuesAsText("field")).containsExactly("name");
        assertThat(results.get(2).findValuesAsText("field")).containsExactly("aliases");
    }

    @Test
    void anEncodedBodyIsA415ProblemWhetherItIsEncodedOrNot() throws IOException {
        Rows before = rows();
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(KZ_CHIPS.getBytes(StandardCharsets.UTF_8));
        }
        for (ExtractableResponse<Response> r : List.of(
                problem(given().contentType(ContentType.JSON).header("Content-Encoding", "gzip").body(KZ_CHIPS)
                        .when().post(ASSESSMENTS).then(), 415),
                problem(given().contentType(ContentType.JSON).header("Content-Encoding", "gzip").body(zipped.toByteArray())
                        .when().post(ASSESSMENTS).then(), 415),
                problem(given().contentType(ContentType.JSON).header("Content-Encoding", "br").body(KZ_CHIPS)
                        .when().post(BATCH).then(), 415),
                problem(given().contentType(BatchResource.JSONL).header("Content-Encoding", "deflate")
                        .body((KZ_CHIPS + "\n").getBytes(StandardCharsets.UTF_8))
                        .when().post(Batches.PATH).then(), 415))) {
            assertThat(r.<List<String>>path("errors.field")).containsExactly("Content-Encoding");
        }
        assertThat(rows()).isEqualTo(before);
        given().contentType(ContentType.JSON).header("Content-Encoding", "identity").body(KZ_CHIPS).when().post(ASSESSMENTS)
                .then().statusCode(201);
    }

    @Test
    void anOverlongUriIsA414Problem() throws IOException {
        for (int length : List.of(9_000, 60_000)) {
            Raw r = raw("GET " + ASSESSMENTS + "?ref=" + "a".repeat(length) + " HTTP/1.1\r\n", null);
            assertThat(r.status).as("status for a URI of %d", length).isEqualTo(414);
            assertThat(r.head).containsIgnoringCase("content-type: application/problem+json");
            assertThat(tree(r.body).get("status").asInt()).isEqualTo(414);
            noInternals(r.body);
        }
        assertThat(raw("GET " + ASSESSMENTS + "?ref=" + "a".repeat(5_000) + " HTTP/1.1\r\n", null).status).isEqualTo(200);
    }

    @Test
    void anEncodedBraceInThePathIsAProblem() throws IOException {
        for (String path : List.of(ASSESSMENTS + "/%7Bid%7D", "/api/v1/%7B", ASSESSMENTS + "/%7B/rules")) {
            Raw r = raw("GET " + path + " HTTP/1.1\r\n", null);
            assertThat(r.status).as(path + ": " + r.head + r.body).isEqualTo(404);
            assertThat(r.head).as(path).containsIgnoringCase("content-type: application/problem+json");
            noInternals(r.body);
        }
    }

    @Test
    void aChunkedJsonBodyPastTheLimitIsA413Problem() throws IOException {
        Rows before = rows();
        // a valid object whose alias list grows past 64 MiB: only the byte count can stop it
        Raw r = rawChunked(ASSESSMENTS, 64L * 1024 * 1024 + 1024 * 1024);
        assertThat(r.status).as(r.head + r.body).isEqualTo(413);
        assertThat(r.head).containsIgnoringCase("content-type: application/problem+json");
        noInternals(r.body);
        assertThat(rows()).isEqualTo(before);
    }

    private record Raw(int status, String head, String body) {
    }

    private static int port() {
        return RestAssured.port;
    }

    private static String auth() {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString("analyst:analyst-secret".getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    /** One request written as bytes, so that no client library refuses or rewrites the request line. */
    private static Raw raw(String requestLine, byte[] body) throws IOException {
        try (Socket s = new Socket("localhost", port())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            String head = requestLine + "Host: localhost\r\n" + auth() + "Connection: close\r\n"
                    + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(s.getInputStream());
        }
    }

    /** A chunked JSON body of about {@code size} bytes, without Content-Length; stops writing once answered. */
    private static Raw rawChunked(String path, long size) throws IOException {
        try (Socket s = new Socket("localhost", port())) {
            s.setSoTimeout(120_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + auth() + "Connection: close\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = ("\"" + "a".repeat(1000) + "\",").repeat(64).getBytes(StandardCharsets.US_ASCII);
            try {
                writeChunk(out, (GOODS + "\"aliases\":[").getBytes(StandardCharsets.US_ASCII));
                for (long sent = 0; sent < size; sent += chunk.length) {
                    writeChunk(out, chunk);
                    if (s.getInputStream().available() > 0) {
                        break;
                    }
                }
                writeChunk(out, "\"z\"]}".getBytes(StandardCharsets.US_ASCII));
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // the server answered and closed while the body was still being sent: read its answer
            }
            return read(s.getInputStream());
        }
    }

    private static void writeChunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Raw read(InputStream in) throws IOException {
        String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int split = all.indexOf("\r\n\r\n");
        String head = split < 0 ? all : all.substring(0, split);
        String body = split < 0 ? "" : all.substring(split + 4);
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        int status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
        return new Raw(status, head, body);
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int n = Integer.parseInt(body.substring(i, eol).strip(), 16);
            if (n == 0) {
                break;
            }
            out.append(body, eol + 2, eol + 2 + n);
            i = eol + 2 + n + 2;
        }
        return out.toString();
    }
}
