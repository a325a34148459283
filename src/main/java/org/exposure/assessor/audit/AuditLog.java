package org.exposure.assessor.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the audit trail back, in pages, so that exporting or verifying years of events holds one page in memory.
 * Each page is read on a connection of its own, outside any transaction: a long export holds no lock nor snapshot.
 */
@ApplicationScoped
public class AuditLog {
    /** Events read per query. */
    static final int PAGE = 500;

    /** Receives events one at a time. */
    @FunctionalInterface
    public interface Sink {
        void accept(AuditEvent event) throws java.io.IOException;
    }

    private final DataSource dataSource;

    AuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Passes every event of the range to {@code sink} in seq order. */
    public void forEach(AuditChain.Range range, Sink sink) throws java.io.IOException {
        long after = range.afterSeq();
        while (true) {
            List<AuditEvent> page = page(new AuditChain.Range(range.from(), range.to(), after));
            for (AuditEvent e : page) {
                sink.accept(e);
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    /**
     * Recomputes the chain from its first event and checks the head row against its last. Events appended while it
     * runs are taken in: the head is read once no event is left, and if it has moved on, reading goes on.
     */
    public ChainVerifier.Result verify() {
        ChainVerifier verifier = new ChainVerifier();
        boolean any = false;
        while (true) {
            List<AuditEvent> page = page(new AuditChain.Range(null, null, any ? verifier.lastSeq() : 0));
            if (!page.isEmpty()) {
                page.forEach(verifier::accept);
                any = true;
                continue;
            }
            Optional<AuditChain.Head> head = head();
            if (head.isPresent() && head.get().lastSeq() > verifier.lastSeq()) {
                // Committed since the last page was read, or the head points past a missing tail: one more look.
                List<AuditEvent> more = page(new AuditChain.Range(null, null, verifier.lastSeq()));
                if (!more.isEmpty()) {
                    more.forEach(verifier::accept);
                    any = true;
                    continue;
                }
            }
            return verifier.finish(head);
        }
    }

    /** The events with this action on one target, recorded from {@code since} on (the target's creation), oldest first. */
    public List<AuditEvent> ofTarget(String action, String targetType, String targetId, java.time.Instant since) {
        try (Connection c = dataSource.getConnection()) {
            return AuditChain.ofTarget(c, action, targetType, targetId, since);
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail cannot be read: " + e.getMessage(), e);
        }
    }

    /** The latest events with one of these actions, newest first, at most {@code limit}. */
    public List<AuditEvent> latest(List<String> actions, int limit) {
        try (Connection c = dataSource.getConnection()) {
            return AuditChain.latest(c, actions, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail cannot be read: " + e.getMessage(), e);
        }
    }

    private List<AuditEvent> page(AuditChain.Range range) {
        try (Connection c = dataSource.getConnection()) {
            return AuditChain.page(c, range, PAGE);
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail cannot be read: " + e.getMessage(), e);
        }
    }

    private Optional<AuditChain.Head> head() {
        try (Connection c = dataSource.getConnection()) {
            return AuditChain.head(c);
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail cannot be read: " + e.getMessage(), e);
        }
    }
}
