package org.exposure.assessor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Several instances starting at once on one database: exactly one creates the first administrator. */
class FirstAdminRaceTest {

    @Test
    @DisplayName("8 instances at once: one creates admin and gets its password, all 8 accept that password, one row")
    void exactlyOneAdmin() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:first-admin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE security_user (username VARCHAR(255) PRIMARY KEY, password_hash VARCHAR(255) NOT NULL, "
                    + "roles VARCHAR(255) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        List<FirstAdmin> instances = new ArrayList<>();
        List<Callable<Optional<String>>> starts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            FirstAdmin admin = new FirstAdmin(new Authentication(false, false), ds);
            instances.add(admin);
            starts.add(admin::ensureCreated);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> passwords = new ArrayList<>();
        try {
            for (Future<Optional<String>> f : pool.invokeAll(starts)) {
                f.get().ifPresent(passwords::add);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(passwords).hasSize(1);
        for (FirstAdmin admin : instances) {
            assertThat(admin.active()).isTrue();
            assertThat(admin.matches(passwords.get(0))).isTrue();
            assertThat(admin.matches(passwords.get(0) + "x")).isFalse();
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), max(roles), max(password_hash) FROM security_user")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo(Roles.ADMIN);
            assertThat(rs.getString(3)).startsWith("$2").doesNotContain(passwords.get(0));
        }
        // A later start creates nothing and logs no password.
        assertThat(new FirstAdmin(new Authentication(false, false), ds).ensureCreated()).isEmpty();
    }
}
