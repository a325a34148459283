package org.exposure.assessor.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Plain JDBC work in a transaction of its own, for the stores that write without entities. */
public final class Transactions {
    private Transactions() {
    }

    /** Work on a connection in a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in a new transaction of its own on a connection of {@code dataSource} enlisted in it. */
    public static <T> T requiringNew(DataSource dataSource, Work<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
            }
        });
    }
}
