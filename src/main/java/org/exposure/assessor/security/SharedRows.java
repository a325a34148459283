package org.exposure.assessor.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Insert-once rows that every instance on the database shares (the first administrator, the token key). Several
 * instances may start at once: each tries to insert, the primary key lets exactly one succeed, and the others read
 * what the winner wrote.
 */
final class SharedRows {
    /** SQLSTATE of a unique or primary key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private SharedRows() {
    }

    /** Runs the insert; false when another instance inserted the same key first. */
    static boolean insertOnce(DataSource ds, String sql, String key, String value, String extra) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.setString(2, value);
            if (extra != null) {
                ps.setString(3, extra);
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
            } else {
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
            }
            ps.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    static Optional<String> read(DataSource ds, String sql, String key) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
