package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Hostile list files sent to POST /api/v1/lists/{source} with the default limits: a gzip bomb, XML nested without
 * end, multipart bodies that are not. Each must get a problem, never a 500, and leave the versions in force as they
 * were.
 */
@QuarkusTest
class HostileListFilesApiTest {
    private static final String PROBLEM = "application/problem+json";

    /** The id of the version in force of every source, to compare before and after. */
    private static Map<String, String> inForce() {
        List<Map<String, Object>> versions = given().get("/api/v1/lists").then().statusCode(200).extract().jsonPath()
                .getList("$");
        Map<String, String> out = new java.util.TreeMap<>();
        versions.stream().filter(v -> "IN_FORCE".equals(v.get("status")))
                .forEach(v -> out.put((String) v.get("source"), (String) v.get("id")));
        return out;
    }

    /** A gzip of {@code megabytes} MiB of zeros: about a thousandth of that compressed. */
    static byte[] gzipOfZeros(int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < megabytes; i++) {
                gz.write(block);
            }
        }
        return out.toByteArray();
    }

    @Test
    void aGzipBombIsRefusedWhileItUnpacks() throws IOException {
        Map<String, String> before = inForce();
        byte[] bomb = gzipOfZeros(256);
        assertThat(bomb.length).isLessThan(1 << 20);
        given().contentType("application/gzip").body(bomb).post("/api/v1/lists/US-CSL")
                .then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("/problems/list-too-large"))
                .body("detail", containsString("assessor.lists.max-compression-ratio"))
                .body("detail", containsString("the version in force is unchanged"))
                .body("errors[0].field", equalTo("(body)"));
        // The same bomb as the CSV part of the UK list, in a multipart upload: the part is named.
        given().multiPart("file", "conlist.csv.gz", bomb, "application/gzip").post("/api/v1/lists/UK-SL")
                .then().statusCode(413).contentType(PROBLEM)
                .body("errors[0].field", equalTo("file"))
                .body("detail", containsString("part file"));
        assertThat(inForce()).isEqualTo(before);
    }

    @Test
    void xmlNestedTwoHundredThousandDeepIsRefused() {
        Map<String, String> before = inForce();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><CONSOLIDATED_LIST dateGenerated=\"2026-01-01T00:00:00Z\">"
                + "<INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>");
        int depth = 200_000;
        xml.append("<X>".repeat(depth)).append("</X>".repeat(depth));
        xml.append("</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>");
        given().contentType("application/xml").body(xml.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/lists/UN")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("/problems/list-format"))
                .body("detail", containsString("nested deeper than 64 levels (assessor.lists.max-xml-depth)"));
        assertThat(inForce()).isEqualTo(before);
    }

    @Test
    void anEntityExpansionIsNotExpanded() {
        String lol = "<?xml version=\"1.0\"?><!DOCTYPE CONSOLIDATED_LIST [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
                + "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>&e;&e;&e;&e;</FIRST_NAME>"
                + "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>";
        given().contentType("application/xml").body(lol.getBytes(StandardCharsets.UTF_8)).post("/api/v1/lists/UN")
                .then().statusCode(422).contentType(PROBLEM).body("type", equalTo("/problems/list-format"));
    }

    @Test
    void multipartThatIsNotIsA400NamingWhatIsWrong() {
        Map<String, String> before = inForce();
        byte[] plain = "sdn.csv as plain text".getBytes(StandardCharsets.UTF_8);
        // Announced as multipart without a boundary: no part can be found in it.
        given().contentType("multipart/form-data").body(plain).post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/validation"))
                .body("errors[0].field", equalTo("(body)"))
                .body("errors[0].message", containsString("no boundary parameter"));
        // With a boundary, but a body that is not multipart: it never reaches the closing boundary.
        for (String source : List.of("OFAC-SDN", "UN", "US-CSL")) {
            given().contentType("multipart/form-data; boundary=XyZ").body(plain).post("/api/v1/lists/" + source)
                    .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/validation"))
                    .body("errors[0].field", equalTo("(body)"))
                    .body("errors[0].message", containsString("not complete multipart/form-data"));
        }
        // A part cut off before its closing boundary.
        String truncated = "--XyZ\r\nContent-Disposition: form-data; name=\"sdn\"; filename=\"sdn.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\"";
        given().contentType("multipart/form-data; boundary=XyZ").body(truncated.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("(body)"));
        // A part without a name.
        String unnamed = "--XyZ\r\nContent-Disposition: form-data\r\n\r\nabc\r\n--XyZ--\r\n";
        given().contentType("multipart/form-data; boundary=XyZ").body(unnamed.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItems("(unnamed part)", "sdn"));
        // A part the source has not, and one it has, as form fields (no filename) larger than a form field may be.
        for (String part : List.of("remarks", "sdn")) {
            given().multiPart(part, "x".repeat(100_000)).post("/api/v1/lists/OFAC-SDN")
                    .then().statusCode(413).contentType(PROBLEM).body("type", equalTo("/problems/body-too-large"))
                    .body("detail", containsString("quarkus.http.limits.max-form-attribute-size"));
        }
        assertThat(inForce()).isEqualTo(before);
    }
}
