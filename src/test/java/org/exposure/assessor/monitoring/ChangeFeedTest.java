package org.exposure.assessor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.RunScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The feed on a bare H2 database migrated with the service's migrations: order, cursors, concurrent appends. */
class ChangeFeedTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JdbcDataSource ds;
    private Connection keepAlive;
    private ChangeFeed feed;

    @BeforeEach
    void database() throws Exception {
        ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:feed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        keepAlive = ds.getConnection();
        List<Path> migrations;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            migrations = files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        }
        for (Path m : migrations) {
            try (Reader sql = Files.newBufferedReader(m)) {
                RunScript.execute(keepAlive, sql);
            }
        }
        feed = new ChangeFeed(ds);
    }

    private static int version(Path p) {
        String n = p.getFileName().toString();
        return Integer.parseInt(n.substring(1, n.indexOf("__")));
    }

    @AfterEach
    void close() throws SQLException {
        try (Statement s = keepAlive.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    private List<ChangeEvent> append(String... refs) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            List<ChangeFeed.NewEvent> events = new ArrayList<>();
            for (String ref : refs) {
                ObjectNode payload = MAPPER.createObjectNode().put("ref", ref);
                events.add(new ChangeFeed.NewEvent(ChangeEvent.RISK_RAISED, UUID.randomUUID(), UUID.randomUUID(), ref,
                        payload));
            }
            List<ChangeEvent> out = ChangeFeed.append(c, events);
            c.commit();
            return out;
        }
    }

    @Test
    void eventsAreNumberedInOrderAndReadAfterACursor() throws Exception {
        assertThat(feed.last()).isZero();
        List<ChangeEvent> first = append("A", "B");
        List<ChangeEvent> second = append("C");
        assertThat(first).extracting(ChangeEvent::seq).containsExactly(1L, 2L);
        assertThat(second).extracting(ChangeEvent::seq).containsExactly(3L);
        assertThat(feed.last()).isEqualTo(3);

        assertThat(feed.after(0, 10)).extracting(ChangeEvent::ref).containsExactly("A", "B", "C");
        assertThat(feed.after(2, 10)).extracting(ChangeEvent::ref).containsExactly("C");
        assertThat(feed.after(3, 10)).isEmpty();
        assertThat(feed.after(0, 2)).extracting(ChangeEvent::ref).containsExactly("A", "B");

        // The payload carries its own place in the feed, first, and reads back as written.
        JsonNode payload = MAPPER.readTree(feed.after(2, 1).get(0).payloadJson());
        assertThat(payload.get("seq").asLong()).isEqualTo(3);
        assertThat(payload.get("type").asText()).isEqualTo("RISK_RAISED");
        assertThat(payload.get("ref").asText()).isEqualTo("C");
        assertThat(payload.fieldNames().next()).isEqualTo("seq");
        assertThat(feed.after(2, 1).get(0).payloadJson()).isEqualTo(second.get(0).payloadJson());
    }

    @Test
    void aRolledBackAppendLeavesNoGap() throws Exception {
        append("A");
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            ChangeFeed.append(c, List.of(new ChangeFeed.NewEvent(ChangeEvent.RISK_LOWERED, UUID.randomUUID(),
                    UUID.randomUUID(), "lost", MAPPER.createObjectNode())));
            c.rollback();
        }
        append("B");
        assertThat(feed.after(0, 10)).extracting(ChangeEvent::seq).containsExactly(1L, 2L);
        assertThat(feed.after(0, 10)).extracting(ChangeEvent::ref).containsExactly("A", "B");
    }

    @Test
    void appendsFromSeveralThreadsFormOneGaplessSequence() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ChangeEvent>>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String ref = "R" + i;
                done.add(pool.submit(() -> append(ref + "a", ref + "b")));
            }
            for (Future<List<ChangeEvent>> f : done) {
                List<ChangeEvent> pair = f.get();
                // One transaction's events are consecutive.
                assertThat(pair.get(1).seq()).isEqualTo(pair.get(0).seq() + 1);
            }
        } finally {
            pool.shutdownNow();
        }
        List<ChangeEvent> all = feed.after(0, 1000);
        assertThat(all).hasSize(80);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).seq()).isEqualTo(i + 1L);
        }
    }

    @Test
    void aPageLargerThanTheLimitIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> feed.after(0, ChangeFeed.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
