package org.exposure.assessor.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a failure because the database cannot be reached (stopped, restarting, the network cut, the pool unable to
 * hand out a connection in time) from any other failure. The first is worth waiting out: the same work succeeds once
 * the database is back, so batch workers back off and retry, and requests are answered 503 with Retry-After rather
 * than 500. Drivers, the pool, Hibernate and the transaction manager each wrap the cause differently, so the whole
 * cause chain is searched.
 */
public final class DatabaseFailures {
    private DatabaseFailures() {
    }

    /** Whether {@code failure}, or anything in its cause chain, says that the database could not be reached. */
    public static boolean unavailable(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql && connectionLost(sql)) {
                return true;
            }
            // Hibernate's translation of a connection-class SQL state; its original SQLException may be absent from
            // the chain when the exception was serialised or re-thrown without a cause.
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean connectionLost(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException) {
            return true;
        }
        String state = e.getSQLState();
        if (state != null) {
            // SQL standard class 08: connection exception (PostgreSQL 08000-08P01; H2 uses it for refused connections).
            if (state.startsWith("08")) {
                return true;
            }
            // PostgreSQL 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting or stopping).
            if (state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                return true;
            }
            // H2 90067: the connection to a server was broken; 90098 and 90121: the database was closed under the
            // session (H2's client also says 90121 of a session whose server connection was lost).
            if (state.equals("90067") || state.equals("90098") || state.equals("90121")) {
                return true;
            }
        }
        // The pool's own refusal carries no SQL state: no connection could be handed out within the acquisition
        // timeout, because none could be opened or all are in use. Either way the request may be retried later.
        String message = e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
