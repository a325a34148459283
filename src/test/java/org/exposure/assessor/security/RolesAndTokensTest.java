package org.exposure.assessor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RolesAndTokensTest {

    @Test
    @DisplayName("admin implies reviewer and analyst, reviewer implies analyst; machine implies and is implied by nothing")
    void impliedRoles() {
        assertThat(ImpliedRoles.close(Set.of(Roles.ADMIN))).containsExactlyInAnyOrder(Roles.ADMIN, Roles.REVIEWER, Roles.ANALYST);
        assertThat(ImpliedRoles.close(Set.of(Roles.REVIEWER))).containsExactlyInAnyOrder(Roles.REVIEWER, Roles.ANALYST);
        assertThat(ImpliedRoles.close(Set.of(Roles.ANALYST))).containsExactly(Roles.ANALYST);
        assertThat(ImpliedRoles.close(Set.of(Roles.MACHINE))).containsExactly(Roles.MACHINE);
        assertThat(ImpliedRoles.close(Set.of(Roles.ADMIN, Roles.MACHINE))).doesNotContain("other").contains(Roles.MACHINE, Roles.ANALYST);
    }

    @Test
    @DisplayName("a CSRF token is the user's alone, the same on every instance with the same key, different with another key")
    void csrfTokens() {
        byte[] key = "k".repeat(32).getBytes(StandardCharsets.UTF_8);
        CsrfTokens one = new CsrfTokens(key);
        CsrfTokens two = new CsrfTokens(key);
        CsrfTokens other = new CsrfTokens("o".repeat(32).getBytes(StandardCharsets.UTF_8));
        String admin = one.token("admin");
        assertThat(admin).isEqualTo(two.token("admin")).isNotEqualTo(one.token("analyst")).isNotEqualTo(other.token("admin"))
                .hasSize(43);
        assertThat(two.valid("admin", admin)).isTrue();
        assertThat(two.valid("analyst", admin)).isFalse();
        assertThat(other.valid("admin", admin)).isFalse();
        assertThat(one.valid("admin", null)).isFalse();
        assertThat(one.valid("admin", "")).isFalse();
    }

    @Test
    @DisplayName("the first administrator's password: 24 characters of SecureRandom from an unambiguous alphabet")
    void passwords() {
        String p = FirstAdmin.newPassword();
        assertThat(p).hasSize(24).matches("[A-HJ-NP-Za-km-z2-9]+");
        assertThat(FirstAdmin.newPassword()).isNotEqualTo(p);
    }
}
