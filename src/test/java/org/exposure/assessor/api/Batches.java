package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

/** Submitting batch jobs and waiting for them, for the API tests. */
final class Batches {
    static final String PATH = "/api/v1/batches";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Batches() {
    }

    /** Submits a body and returns the job id, checking the 202 and its Location. */
    static String submit(String body, String contentType) {
        Response r = given().contentType(contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(PATH);
        r.then().statusCode(202);
        String id = r.jsonPath().getString("id");
        assertThat(r.header("Location")).endsWith(PATH + "/" + id);
        return id;
    }

    static JsonNode status(String id) {
        return read(given().get(PATH + "/" + id).then().statusCode(200).extract().asString());
    }

    /** Polls until the job is DONE, FAILED or CANCELLED (at most two minutes). */
    static JsonNode awaitFinished(String id) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            JsonNode s = status(id);
            String state = s.get("state").asText();
            if (state.equals("DONE") || state.equals("FAILED") || state.equals("CANCELLED")) {
                return s;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("job " + id + " not finished after 120 s: " + s);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static List<JsonNode> results(String id, String query) {
        return lines(given().get(PATH + "/" + id + "/results" + query).then().statusCode(200)
                .contentType("application/x-ndjson").extract().asString());
    }

    static List<JsonNode> lines(String body) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                out.add(read(line));
            }
        }
        return out;
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
