package org.exposure.assessor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.audit.JdbcAuditTrail;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Who may log in is recorded in the audit trail at start-up, again only when it changed, without passwords. */
@QuarkusTest
class UsersAuditTest {
    @Inject
    UsersAudit users;
    @Inject
    JdbcAuditTrail audit;
    @Inject
    ObjectMapper mapper;

    @Test
    void the_configured_users_and_roles_are_recorded_without_their_passwords() throws Exception {
        String last = QuarkusTransaction.requiringNew().call(
                () -> audit.lastAfterLocked(UsersAudit.ACTION, UsersAudit.TARGET)).orElseThrow();
        JsonNode recorded = mapper.readTree(last);
        assertThat(recorded).isEqualTo(mapper.valueToTree(users.snapshot()));
        assertThat(recorded.at("/embeddedUsers/reviewer2/roles").toString()).isEqualTo("[\"reviewer\"]");
        assertThat(recorded.at("/embeddedUsers/batch-system/roles").toString()).isEqualTo("[\"machine\"]");
        assertThat(recorded.at("/embeddedUsers/admin/credentialFingerprint").asText()).hasSize(16);
        assertThat(last).doesNotContain("admin-secret", "reviewer-secret", "machine-secret");
        assertThat(recorded.at("/oidc/enabled").asBoolean()).isFalse();
        // Users are configured, so there is no first administrator.
        assertThat(recorded.get("firstAdmin").isNull()).isTrue();
    }

    @Test
    void a_start_with_the_same_users_records_nothing_and_a_changed_role_is_recorded_with_before_and_after() {
        Map<String, Object> same = users.snapshot();
        assertThat(QuarkusTransaction.requiringNew().call(() -> users.recordIfChanged(same))).isFalse();

        Map<String, Object> changed = new LinkedHashMap<>(same);
        @SuppressWarnings("unchecked")
        Map<String, Object> embedded = new LinkedHashMap<>((Map<String, Object>) same.get("embeddedUsers"));
        embedded.put("carol", Map.of("roles", List.of("reviewer"), "credentialFingerprint", "0123456789abcdef"));
        changed.put("embeddedUsers", embedded);
        try {
            assertThat(QuarkusTransaction.requiringNew().call(() -> users.recordIfChanged(changed))).isTrue();
            assertThat(QuarkusTransaction.requiringNew().call(() -> users.recordIfChanged(changed))).isFalse();
        } finally {
            // Back to the configured state, recorded as a change again: the trail keeps both steps.
            assertThat(QuarkusTransaction.requiringNew().call(() -> users.recordIfChanged(same))).isTrue();
        }
    }
}
