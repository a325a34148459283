package org.exposure.assessor.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The packaged application on an installation with no configured user and no OpenID Connect provider: the first
 * start creates user admin with a random password and logs it once; later starts log no password, and the first
 * one still works. With a user configured (a hashed password, as docs/security.md tells to make it), no admin is
 * created at all. Each start has a database of its own, so on H2 only.
 */
class FirstAdminIT {
    private static final Pattern PASSWORD = Pattern.compile("created user 'admin' \\(role admin\\) with password (\\S+)");
    private Path dir;

    @BeforeEach
    void setUp() throws Exception {
        assertThat(AppProcess.JAR).as("the packaged application; run through mvn verify").exists();
        assumeFalse(AppProcess.postgres(), "needs a database of its own: run on H2");
        dir = Files.createDirectories(Path.of("target/it-first-admin/" + UUID.randomUUID()));
    }

    private String db() {
        return "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Test
    @DisplayName("first start: admin's random password is logged once and works; a second start logs none and it still works")
    void firstStartLogsThePasswordOnce() throws Exception {
        String password;
        try (AppProcess app = AppProcess.startWithoutUsers(dir.resolve("first.log"), db())) {
            Matcher m = PASSWORD.matcher(app.output());
            assertThat(m.find()).as("the first start's log:\n%s", app.output()).isTrue();
            password = m.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(app.output()).contains("docs/security.md");
            HttpResponse<String> session = app.as("admin", password).get("/api/v1/session");
            assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
            assertThat(session.body()).contains("\"user\":\"admin\"", "\"admin\"", "\"reviewer\"", "\"analyst\"");
            // Its creation is in the audit trail, as part of who may log in.
            HttpResponse<String> audit = app.as("admin", password).get("/api/v1/audit?format=jsonl");
            assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
            assertThat(audit.body().lines().filter(l -> l.contains("\"USERS_CHANGED\"")).toList()).singleElement()
                    .satisfies(l -> assertThat(l).contains("\"firstAdmin\":{\"roles\":[\"admin\"],\"user\":\"admin\"}")
                            .doesNotContain(password));
            // The web interface's sign-in form lets the first administrator in too, and its cookie opens the pages.
            HttpResponse<String> signIn = app.as(null, null).post("/j_security_check", "application/x-www-form-urlencoded",
                    "j_username=admin&j_password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8));
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);
            String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
            HttpResponse<String> start = app.get("/", "Cookie", cookie);
            assertThat(start.statusCode()).isEqualTo(200);
            assertThat(start.body()).contains("class=\"who\"", "admin");
            // No sign-in cookie key is configured: the log says so, without the key Quarkus made for the process
            // (which it makes, and would log, at the first sign-in).
            assertThat(app.output()).contains("quarkus.http.auth.session.encryption-key is not set")
                    .doesNotContain("temporary key");
            assertThat(app.as("admin", password + "x").get("/api/v1/session").statusCode()).isEqualTo(401);
            assertThat(app.as("admin", "admin-secret").get("/api/v1/rules").statusCode()).isEqualTo(401);
            HttpResponse<String> anonymous = app.as(null, null).get("/api/v1/rules");
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(t -> assertThat(t).startsWith("Basic "));
        }
        try (AppProcess app = AppProcess.startWithoutUsers(dir.resolve("second.log"), db())) {
            assertThat(app.output()).doesNotContain("with password").doesNotContain(password);
            assertThat(app.as("admin", password).get("/api/v1/rules").statusCode()).isEqualTo(200);
        }
        assertThat(Files.readString(dir.resolve("first.log"), StandardCharsets.UTF_8).split(Pattern.quote(password), -1))
                .as("the password appears once in the first log").hasSize(2);
    }

    @Test
    @DisplayName("a user configured with a hashed password (HEX(SHA-512(user:assessor:password))) logs in; no admin is created")
    void hashedUserAndNoFirstAdmin() throws Exception {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512")
                .digest("alice:assessor:correct horse".getBytes(StandardCharsets.UTF_8)));
        try (AppProcess app = AppProcess.startWithoutUsers(dir.resolve("app.log"), db(),
                "-Dquarkus.security.users.embedded.users.alice=" + hash, "-Dquarkus.security.users.embedded.roles.alice=reviewer")) {
            assertThat(app.output()).doesNotContain("with password");
            HttpResponse<String> session = app.as("alice", "correct horse").get("/api/v1/session");
            assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
            assertThat(session.body()).contains("\"reviewer\"", "\"analyst\"");
            assertThat(app.as("alice", "wrong").get("/api/v1/rules").statusCode()).isEqualTo(401);
            assertThat(app.as("alice", "correct horse").post("/api/v1/lists/UN/download", "application/json", "").statusCode())
                    .isEqualTo(403);
        }
    }
}
