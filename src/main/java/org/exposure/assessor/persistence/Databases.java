package org.exposure.assessor.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/** What differs between the two databases the service runs on, asked of a connection. */
public final class Databases {
    private Databases() {
    }

    /**
     * Whether the connection is to H2, where a row lock is waited for only a second unless the statement says how
     * long ({@code FOR UPDATE WAIT n}), a clause PostgreSQL does not know.
     */
    public static boolean h2(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().startsWith("H2");
    }
}
