package org.exposure.assessor.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Proves which database the suite runs on: H2 in memory by default, PostgreSQL under
 * {@code mvn verify -Ppostgresql}, whose surefire configuration sets {@code expected.database=postgresql}.
 * Without it a mistake in the profile wiring would let the "PostgreSQL" suite pass on H2.
 */
@QuarkusTest
class DatabaseKindTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void testsRunOnTheExpectedDatabase() throws SQLException {
        boolean postgresql = "postgresql".equals(System.getProperty("expected.database", "h2"));
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            if (postgresql) {
                assertThat(metaData.getURL()).startsWith("jdbc:postgresql:");
                assertThat(metaData.getDatabaseProductName()).isEqualTo("PostgreSQL");
            } else {
                assertThat(metaData.getURL()).startsWith("jdbc:h2:mem:");
                assertThat(metaData.getDatabaseProductName()).isEqualTo("H2");
            }
        }
    }
}
