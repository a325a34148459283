package org.exposure.assessor.testsupport;

import java.net.URI;
import java.sql.SQLException;
import java.util.Map;

import org.h2.tools.Server;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Puts a {@link CuttableProxy} between the service and its database, so that a test can take the database away
 * and give it back without stopping any server. On the default suite (H2) it serves a fresh in-memory H2 database
 * over TCP on loopback; under {@code -Ppostgresql} (system property {@code expected.database=postgresql}) it
 * proxies the server named by {@code ASSESSOR_DB_URL}. Either way {@code quarkus.datasource.jdbc.url} points at the
 * proxy. The service, its migrations and its start-up imports run through the proxy like any other connection.
 */
public class DatabaseBehindProxy implements QuarkusTestResourceLifecycleManager {
    private static volatile CuttableProxy proxy;
    private Server h2;

    /** The proxy of the running test's service. */
    public static CuttableProxy proxy() {
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        try {
            String url;
            if ("postgresql".equals(System.getProperty("expected.database", "h2"))) {
                String target = System.getenv().getOrDefault("ASSESSOR_DB_URL", "jdbc:postgresql://localhost:5432/assessor");
                URI uri = URI.create(target.substring("jdbc:".length()));
                proxy = new CuttableProxy(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
                url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            } else {
                // Loopback only (no -tcpAllowOthers); -ifNotExists lets the service create the database remotely.
                h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
                proxy = new CuttableProxy("127.0.0.1", h2.getPort());
                url = "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/mem:outage;DB_CLOSE_DELAY=-1";
            }
            // Workers back off at most a second here, so that a job resumes soon after the proxy is restored.
            return Map.of("quarkus.datasource.jdbc.url", url, "assessor.jobs.retry-max", "PT1S");
        } catch (java.io.IOException | SQLException e) {
            throw new IllegalStateException("could not start the database proxy", e);
        }
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (h2 != null) {
            h2.stop();
        }
    }
}
