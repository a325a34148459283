package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Bearer tokens of an OpenID Connect provider, checked for real without a server: the service is given the public
 * key of src/test/resources/oidc (quarkus.oidc.public-key, with the tenant enabled) and the test signs tokens with its private key. Roles
 * come from the token's groups claim, with the roles they imply.
 */
@QuarkusTest
@TestProfile(OidcTokenTest.LocalKey.class)
class OidcTokenTest {
    private static final Path KEYS = Path.of("src/test/resources/oidc");

    public static class LocalKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.public-key", pem(KEYS.resolve("test-signing-key.pub.pem")));
        }
    }

    private static String pem(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PrivateKey signingKey() throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem(KEYS.resolve("test-signing-key.pem")))));
    }

    private static String token(PrivateKey key, List<String> groups, long expiresInSeconds) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("0b6c5f1e-token-user");
        claims.setClaim("preferred_username", "token-user");
        claims.setStringListClaim("groups", groups);
        claims.setIssuedAt(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 600));
        claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + expiresInSeconds));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    @Test
    @DisplayName("a valid token with groups [reviewer] is a reviewer (and so an analyst), not an admin")
    void validToken() throws Exception {
        String token = token(signingKey(), List.of("reviewer"), 600);
        given().auth().none().header("Authorization", "Bearer " + token).get("/api/v1/session").then().statusCode(200)
                .body("user", equalTo("token-user")).body("roles", equalTo(List.of("analyst", "reviewer")));
        given().auth().none().header("Authorization", "Bearer " + token).get(Api.RULES).then().statusCode(200);
        Api.problem(given().auth().none().header("Authorization", "Bearer " + token).post("/api/v1/lists/UN/download").then(), 403);
    }

    @Test
    @DisplayName("an expired token and one signed by another key get 401 problem+json with Basic and Bearer challenges")
    void badTokens() throws Exception {
        String expired = token(signingKey(), List.of("admin"), -3600);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = token(generator.generateKeyPair().getPrivate(), List.of("admin"), 600);
        for (String token : List.of(expired, forged, "not.a.token")) {
            Api.problem(given().auth().none().header("Authorization", "Bearer " + token).get(Api.RULES).then(), 401)
                    .response().then().header("WWW-Authenticate", org.hamcrest.Matchers.notNullValue());
            List<String> challenges = given().auth().none().header("Authorization", "Bearer " + token).get(Api.RULES)
                    .headers().getValues("WWW-Authenticate");
            org.assertj.core.api.Assertions.assertThat(challenges).anyMatch(c -> c.startsWith("Basic "))
                    .anyMatch(c -> c.startsWith("Bearer "));
        }
    }

    @Test
    @DisplayName("the embedded users still log in with Basic beside the tokens")
    void basicStillWorks() {
        given().get("/api/v1/session").then().statusCode(200).body("roles", hasItem("admin"));
    }
}
