package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.exposure.assessor.lists.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * assessor.lists.max-file-size set to 1 MiB: list files larger than that, as sent or decompressed, are refused with a
 * 413 naming the setting (and the part), and the versions in force stay.
 */
@QuarkusTest
@TestProfile(ListFileLimitsApiTest.OneMebibyte.class)
class ListFileLimitsApiTest {
    public static class OneMebibyte implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("assessor.lists.max-file-size", "1M");
        }
    }

    private static String inForce(String source) {
        return given().get("/api/v1/lists").then().statusCode(200).extract().jsonPath()
                .getString("find { it.source == '" + source + "' && it.status == 'IN_FORCE' }.id");
    }

    /** Rows of the SDN fixture repeated (each with an id of its own) until the file passes {@code bytes}. */
    private static byte[] sdnLargerThan(int bytes) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; rows.length() <= bytes; i++) {
            rows.append(700_000_000 + i).append(",\"LIMIT TEST ROW ").append(i)
                    .append("\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
        }
        return Fixtures.withEndMarker(rows.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aFileOverTheLimitIsA413NamingTheSettingAsBodyOrPart() throws IOException {
        String sdnBefore = inForce("OFAC-SDN");
        String cslBefore = inForce("US-CSL");
        assertThat(sdnBefore).isNotNull();
        byte[] big = sdnLargerThan(1 << 20);
        given().contentType("text/csv").body(big).post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("/problems/list-too-large"))
                .body("detail", equalTo("OFAC sdn.csv: the file is larger than 1 MiB (assessor.lists.max-file-size), "
                        + "file rejected; the version in force is unchanged"))
                .body("errors[0].field", equalTo("(body)"));
        // As the alt part of a multipart upload: the part is named.
        given().multiPart("sdn", Fixtures.SDN.toFile(), "text/csv").multiPart("alt", "alt.csv", big, "text/csv")
                .post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(413).body("type", equalTo("/problems/list-too-large"))
                .body("errors[0].field", equalTo("alt"))
                .body("detail", containsString("part alt: OFAC alt.csv: the file is larger than 1 MiB"));
        // A gzip of under a megabyte that decompresses to more, compressed about 10 to 1 as a real list is.
        StringBuilder csv = new StringBuilder("_id,source,entity_number,type,programs,name,alt_names\n");
        for (int i = 0; csv.length() <= 3 << 20; i++) {
            csv.append(Integer.toHexString(i * 7919)).append(",Entity List (EL) - Bureau of Industry and Security,,")
                    .append("Entity,,LIMIT TEST COMPANY ").append(Integer.toString(i * 31, 36)).append(",\n");
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(gz.size()).isLessThan(1 << 20);
        given().contentType("application/gzip").body(gz.toByteArray()).post("/api/v1/lists/US-CSL")
                .then().statusCode(413).body("type", equalTo("/problems/list-too-large"))
                .body("detail", containsString("decompresses to more than 1 MiB (assessor.lists.max-file-size)"));
        assertThat(inForce("OFAC-SDN")).isEqualTo(sdnBefore);
        assertThat(inForce("US-CSL")).isEqualTo(cslBefore);
    }
}
