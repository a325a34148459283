package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.lists.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Multipart uploads spooled to an uploads directory where no file can be created (the directory replaced by a
 * regular file once the service has started, as a full or read-only disk refuses a new file): a 507 problem,
 * nothing stored, and the service carries on once the directory is back.
 */
@QuarkusTest
@TestProfile(UploadStorageFullApiTest.NoRoomForUploads.class)
class UploadStorageFullApiTest {
    static final Path UPLOADS = Path.of("target", "uploads-storage-full-test");
    public static class NoRoomForUploads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.body.uploads-directory", UPLOADS.toString());
        }
    }

    @Test
    void aPartThatCannotBeSpooledIsA507AndNothingIsStored() throws IOException {
        List<Object> before = given().get("/api/v1/lists").then().statusCode(200).extract().jsonPath().getList("id");
        deleteTree(UPLOADS);
        Files.writeString(UPLOADS, "not a directory");
        try {
            noRoom(before);
        } finally {
            Files.delete(UPLOADS);
            Files.createDirectories(UPLOADS);
        }
        // With room again, the same upload goes through.
        given().multiPart("sdn", Fixtures.SDN.toFile(), "text/csv").multiPart("alt", Fixtures.ALT.toFile(), "text/csv")
                .post("/api/v1/lists/OFAC-SDN").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void noRoom(List<Object> before) {
        given().multiPart("sdn", Fixtures.SDN.toFile(), "text/csv").multiPart("alt", Fixtures.ALT.toFile(), "text/csv")
                .post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(507).contentType("application/problem+json")
                .body("type", equalTo("/problems/insufficient-storage"))
                .body("detail", containsString("could not be written to temporary storage"))
                .body("detail", containsString("nothing was stored"));
        assertThat(given().get("/api/v1/lists").then().statusCode(200).extract().jsonPath().getList("id"))
                .isEqualTo(before);
    }
}
