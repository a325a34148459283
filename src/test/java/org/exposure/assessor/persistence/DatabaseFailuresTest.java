package org.exposure.assessor.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which failures are the database being away (waited out, 503) and which are not (500, a chunk error). */
class DatabaseFailuresTest {

    @Test
    @DisplayName("connection-class SQL states, PostgreSQL shutdowns and H2's broken connection count as unavailable, at any depth")
    void connectionLossIsRecognised() {
        for (String state : new String[] {"08006", "08001", "08003", "57P01", "57P02", "57P03", "90067", "90098", "90121"}) {
            SQLException e = new SQLException("lost", state);
            assertThat(DatabaseFailures.unavailable(e)).as(state).isTrue();
            assertThat(DatabaseFailures.unavailable(new IllegalStateException("storing failed",
                    new RuntimeException("wrapped", e)))).as(state + " wrapped twice").isTrue();
        }
        assertThat(DatabaseFailures.unavailable(new SQLTransientConnectionException("timeout"))).isTrue();
        assertThat(DatabaseFailures.unavailable(new SQLNonTransientConnectionException("refused"))).isTrue();
    }

    @Test
    @DisplayName("the pool's acquisition timeout (no SQL state) counts as unavailable")
    void poolTimeoutIsRecognised() {
        assertThat(DatabaseFailures.unavailable(new SQLException("Acquisition timeout while waiting for new connection"))).isTrue();
        assertThat(DatabaseFailures.unavailable(new RuntimeException(new SQLException("Sorry, acquisition timeout!")))).isTrue();
    }

    @Test
    @DisplayName("constraint violations, syntax errors and failures without an SQL cause are not the database being away")
    void otherFailuresAreNot() {
        assertThat(DatabaseFailures.unavailable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseFailures.unavailable(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseFailures.unavailable(new SQLException("no state"))).isFalse();
        assertThat(DatabaseFailures.unavailable(new IllegalStateException("a stored subject is not JSON"))).isFalse();
        assertThat(DatabaseFailures.unavailable(null)).isFalse();
    }

    @Test
    @DisplayName("a cause chain that loops back on itself ends the search")
    void cyclicChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseFailures.unavailable(a)).isFalse();
    }

    @Test
    @DisplayName("a failure that passed through JDBC or the transaction manager is worth a probe; one that did not is not")
    void probeOnlyForDatabaseLayerFailures() {
        assertThat(DatabaseProbe.fromDatabaseLayer(new RuntimeException(new SQLException("Failed to enlist")))).isTrue();
        assertThat(DatabaseProbe.fromDatabaseLayer(new jakarta.transaction.RollbackException("rolled back"))).isTrue();
        assertThat(DatabaseProbe.fromDatabaseLayer(new IllegalArgumentException("bad input"))).isFalse();
        assertThat(DatabaseProbe.fromDatabaseLayer(new NullPointerException())).isFalse();
    }
}
