package org.exposure.assessor.lists.download;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service with download URLs pointing at a {@link LocalListServer} started before it: OFAC-SDN (sdn, alt, add),
 * UN, US-CSL, EU-FSF and UK-SL have URLs (so that no default address on the internet is ever asked), OPENSANCTIONS
 * has none; timeouts of 3 s. Downloads are turned on here (the test profile
 * turns them off so that no test reaches a publisher); the fixture lists imported at start-up are fresh, so the
 * daily schedule's first run is a day away and only the tests' own requests reach the server.
 */
public class LocalListsProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("assessor.lists.download.enabled", "true", "assessor.lists.download.timeout", "PT3S",
                "assessor.lists.download.connect-timeout", "PT3S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    /** The server the tests tell what to answer. */
    public static LocalListServer server() {
        return Server.server;
    }

    /** Starts the local server and points the download URLs at it. */
    public static class Server implements QuarkusTestResourceLifecycleManager {
        static volatile LocalListServer server;

        @Override
        public Map<String, String> start() {
            server = new LocalListServer();
            return Map.of(
                    "assessor.lists.download.\"OFAC-SDN\".url", server.url("/ofac/sdn.csv").toString(),
                    "assessor.lists.download.\"OFAC-SDN\".alt-url", server.url("/ofac/alt.csv").toString(),
                    "assessor.lists.download.\"OFAC-SDN\".add-url", server.url("/ofac/add.csv").toString(),
                    "assessor.lists.download.\"UN\".url", server.url("/un/consolidated.xml").toString(),
                    "assessor.lists.download.\"US-CSL\".url", server.url("/csl/consolidated.csv").toString(),
                    "assessor.lists.download.\"EU-FSF\".url", server.url("/eu/fsf.xml").toString(),
                    "assessor.lists.download.\"UK-SL\".url", server.url("/uk/UK-Sanctions-List.xml").toString());
        }

        @Override
        public void stop() {
            if (server != null) {
                server.close();
            }
        }
    }
}
