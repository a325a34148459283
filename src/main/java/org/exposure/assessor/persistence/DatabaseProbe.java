package org.exposure.assessor.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides, after a failure, whether the database was away. {@link DatabaseFailures} recognises most such failures
 * by their cause; some reach the caller without it, e.g. the pool's "failed to enlist" when the pooled connection it
 * handed out had died with the database (the driver's error stays in the transaction manager's log). For those,
 * when the failure came from the database layer at all, the database is asked directly.
 */
@ApplicationScoped
public class DatabaseProbe {
    /** Seconds the probe's validation may take; the pool's acquisition timeout bounds getting its connection. */
    private static final int VALID_WITHIN_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether {@code failure} is (or, when its cause does not say, coincides with) the database being away. */
    public boolean unavailable(Throwable failure) {
        return DatabaseFailures.unavailable(failure) || (fromDatabaseLayer(failure) && !reachable());
    }

    /** Whether a connection can be had and answers now. */
    public boolean reachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(VALID_WITHIN_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Whether the failure passed through JDBC, the transaction manager or Hibernate, so that a probe is worth it. */
    static boolean fromDatabaseLayer(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof SQLException || name.startsWith("jakarta.transaction.") || name.startsWith("javax.transaction.")
                    || name.startsWith("org.hibernate.") || name.startsWith("io.quarkus.narayana.")
                    || name.startsWith("com.arjuna.")) {
                return true;
            }
        }
        return false;
    }
}
