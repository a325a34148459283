package org.exposure.assessor.audit;

import java.sql.SQLException;
import java.util.Optional;

import org.hibernate.Session;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The audit trail in the database (tables audit_event and audit_head). Every event is written on the connection of
 * the caller's transaction, which must exist: the event commits or rolls back with the change it records. Appending
 * locks the head row until that transaction ends, so appends from every thread and instance on the database form
 * one chain in commit order; the caller should record as the last step of its transaction, so that others wait for
 * its commit only.
 */
@ApplicationScoped
public class JdbcAuditTrail implements AuditTrail {
    private final EntityManager em;
    private final ObjectMapper mapper;

    JdbcAuditTrail(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = AuditHash.canonicalMapper(mapper);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String targetType, String targetId, Object before, Object after) {
        required("actor", actor);
        required("action", action);
        required("targetType", targetType);
        if (targetId == null) {
            throw new IllegalArgumentException("an audit event needs a targetId");
        }
        String beforeJson = AuditHash.canonicalJson(mapper, before);
        String afterJson = AuditHash.canonicalJson(mapper, after);
        em.unwrap(Session.class).doWork(c -> AuditChain.append(c, actor, action, targetType, targetId, beforeJson,
                afterJson));
    }

    /**
     * The after state of the latest event with this action and target type, read under the head's lock: a check
     * followed by {@link #record} in the same transaction cannot interleave with another instance doing the same.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> lastAfterLocked(String action, String targetType) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try {
                AuditChain.lockHead(c);
                return AuditChain.lastAfter(c, action, targetType);
            } catch (SQLException e) {
                throw new IllegalStateException("the audit trail cannot be read: " + e.getMessage(), e);
            }
        });
    }

    private static void required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an audit event needs a " + name);
        }
    }
}
