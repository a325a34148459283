package org.exposure.assessor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.RunScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The chain on a bare H2 database migrated with V7 alone: appends, tampering found at the event tampered with,
 * gaps, a removed tail, and appends from several threads at once.
 */
class AuditChainTest {
    private static final ObjectMapper MAPPER = AuditHash.canonicalMapper(new ObjectMapper().findAndRegisterModules());

    private JdbcDataSource ds;
    private Connection keepAlive;

    @BeforeEach
    void database() throws Exception {
        ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        keepAlive = ds.getConnection();
        try (Reader sql = Files.newBufferedReader(Path.of("src/main/resources/db/migration/V7__audit.sql"))) {
            RunScript.execute(keepAlive, sql);
        }
    }

    @AfterEach
    void close() throws SQLException {
        try (Statement s = keepAlive.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    private AuditEvent append(String actor, String action, String id, Object before, Object after) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            AuditEvent e = AuditChain.append(c, actor, action, "list-version", id,
                    AuditHash.canonicalJson(MAPPER, before), AuditHash.canonicalJson(MAPPER, after));
            c.commit();
            return e;
        }
    }

    private void appendFive() throws SQLException {
        append(AuditTrail.SYSTEM, "LIST_IMPORTED", "v1", null, Map.of("entries", 10, "source", "UN"));
        append("admin", "LIST_IMPORTED", "v2", Map.of("versionId", "v1"), Map.of("entries", 3, "source", "UN"));
        append(AuditTrail.SYSTEM, "LIST_VERSION_HELD", "v2", null, Map.of("reason", "drops 7 of 10"));
        append("reviewer", "LIST_VERSION_CONFIRMED", "v2", Map.of("status", "HELD"), Map.of("status", "IN_FORCE"));
        append(AuditTrail.SYSTEM, "RULESET_ACTIVATED", "2026.12", Map.of("version", "2026.11"), Map.of("version", "2026.12"));
    }

    private ChainVerifier.Result verify() {
        return new AuditLog(ds).verify();
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    @Test
    void anEmptyTrailIsValid() {
        ChainVerifier.Result r = verify();
        assertThat(r.valid()).isTrue();
        assertThat(r.events()).isZero();
        assertThat(r.lastSeq()).isNull();
    }

    @Test
    void aChainOfSeveralEventsVerifies() throws SQLException {
        appendFive();
        ChainVerifier.Result r = verify();
        assertThat(r.firstBroken()).isNull();
        assertThat(r.valid()).isTrue();
        assertThat(r.events()).isEqualTo(5);
        assertThat(r.lastSeq()).isEqualTo(5);
        List<AuditEvent> events = all();
        assertThat(events.get(0).prevHash()).isEqualTo(AuditHash.GENESIS);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).prevHash()).isEqualTo(events.get(i - 1).hash());
            assertThat(events.get(i).seq()).isEqualTo(i + 1);
        }
        assertThat(r.lastHash()).isEqualTo(events.get(4).hash());
        assertThat(events.get(1).beforeJson()).isEqualTo("{\"versionId\":\"v1\"}");
        assertThat(events.get(1).afterJson()).isEqualTo("{\"entries\":3,\"source\":\"UN\"}");
    }

    @Test
    void anAfterStateChangedInTheDatabaseIsFoundAtItsEvent() throws SQLException {
        appendFive();
        sql("UPDATE audit_event SET after_json = '{\"entries\":4,\"source\":\"UN\"}' WHERE seq = 2");
        ChainVerifier.Result r = verify();
        assertThat(r.valid()).isFalse();
        assertThat(r.firstBroken().seq()).isEqualTo(2);
        assertThat(r.firstBroken().reason()).isEqualTo("hash does not match content");
        assertThat(r.events()).isEqualTo(5);
    }

    @Test
    void anActorChangedInTheDatabaseIsFoundAtItsEvent() throws SQLException {
        appendFive();
        sql("UPDATE audit_event SET actor = 'someone-else' WHERE seq = 4");
        ChainVerifier.Result r = verify();
        assertThat(r.valid()).isFalse();
        assertThat(r.firstBroken().seq()).isEqualTo(4);
        assertThat(r.firstBroken().reason()).isEqualTo(ChainVerifier.CONTENT);
    }

    @Test
    void aRowRewrittenWithItsHashRecomputedBreaksTheNextEventsLink() throws SQLException {
        appendFive();
        AuditEvent third = all().get(2);
        AuditEvent forged = new AuditEvent(3, third.recordedAt(), "admin", third.action(), third.targetType(),
                third.targetId(), third.beforeJson(), third.afterJson(), third.prevHash(), null);
        sql("UPDATE audit_event SET actor = 'admin', hash = '" + AuditHash.of(forged) + "' WHERE seq = 3");
        ChainVerifier.Result r = verify();
        assertThat(r.firstBroken().seq()).isEqualTo(4);
        assertThat(r.firstBroken().reason()).isEqualTo("prev_hash does not match the previous event's hash");
    }

    @Test
    void aDeletedMiddleRowIsAGap() throws SQLException {
        appendFive();
        sql("DELETE FROM audit_event WHERE seq = 3");
        ChainVerifier.Result r = verify();
        assertThat(r.valid()).isFalse();
        assertThat(r.firstBroken().seq()).isEqualTo(3);
        assertThat(r.firstBroken().reason()).isEqualTo("sequence gap");
        assertThat(r.events()).isEqualTo(4);
        assertThat(r.lastSeq()).isEqualTo(5);
    }

    @Test
    void aDeletedTailIsFoundThroughTheHead() throws SQLException {
        appendFive();
        sql("DELETE FROM audit_event WHERE seq >= 4");
        ChainVerifier.Result r = verify();
        assertThat(r.valid()).isFalse();
        assertThat(r.firstBroken().reason()).isEqualTo(ChainVerifier.HEAD);
        assertThat(r.firstBroken().seq()).isEqualTo(5);
        assertThat(r.lastSeq()).isEqualTo(3);
    }

    @Test
    void aRolledBackAppendLeavesNoTrace() throws SQLException {
        appendFive();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            AuditChain.append(c, "admin", "LIST_IMPORTED", "list-version", "v9", null, "{}");
            c.rollback();
        }
        append("admin", "LIST_IMPORTED", "v10", null, Map.of());
        ChainVerifier.Result r = verify();
        assertThat(r.valid()).isTrue();
        assertThat(r.lastSeq()).isEqualTo(6);
        assertThat(all().get(5).targetId()).isEqualTo("v10");
    }

    @Test
    void appendsFromFourThreadsFormOneChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String actor = "user-" + t;
                Callable<Void> work = () -> {
                    for (int i = 0; i < 50; i++) {
                        append(actor, "TEST_EVENT", actor + "-" + i, null, Map.of("i", i));
                    }
                    return null;
                };
                done.add(pool.submit(work));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        ChainVerifier.Result r = verify();
        assertThat(r.firstBroken()).isNull();
        assertThat(r.events()).isEqualTo(200);
        assertThat(r.lastSeq()).isEqualTo(200);
        assertThat(all()).extracting(AuditEvent::targetId).doesNotHaveDuplicates().hasSize(200);
    }

    @Test
    void pagesAndRangesReadWhatTheyShould() throws Exception {
        for (int i = 0; i < AuditLog.PAGE + 20; i++) {
            append("admin", "TEST_EVENT", "e" + i, null, Map.of("i", i));
        }
        List<AuditEvent> all = all();
        assertThat(all).hasSize(AuditLog.PAGE + 20);
        List<AuditEvent> after = new ArrayList<>();
        new AuditLog(ds).forEach(new AuditChain.Range(null, null, 500), after::add);
        assertThat(after).extracting(AuditEvent::seq).first().isEqualTo(501L);
        assertThat(after).hasSize(20);
        AuditEvent tenth = all.get(9);
        List<AuditEvent> from = new ArrayList<>();
        new AuditLog(ds).forEach(new AuditChain.Range(tenth.recordedAt(), null, 0), from::add);
        assertThat(from.get(0).recordedAt()).isAfterOrEqualTo(tenth.recordedAt());
        assertThat(from).allMatch(e -> !e.recordedAt().isBefore(tenth.recordedAt()));
        List<AuditEvent> to = new ArrayList<>();
        new AuditLog(ds).forEach(new AuditChain.Range(null, tenth.recordedAt(), 0), to::add);
        assertThat(to).allMatch(e -> e.recordedAt().isBefore(tenth.recordedAt()));
        assertThat(to.size() + from.size()).isEqualTo(all.size());
    }

    private List<AuditEvent> all() throws SQLException {
        List<AuditEvent> out = new ArrayList<>();
        try {
            new AuditLog(ds).forEach(AuditChain.Range.ALL, out::add);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
