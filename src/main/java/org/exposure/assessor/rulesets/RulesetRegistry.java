package org.exposure.assessor.rulesets;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.exposure.assessor.audit.AuditTrail;
import org.exposure.assessor.audit.JdbcAuditTrail;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesInForce;
import org.exposure.assessor.rules.RulesetFiles;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Keeps in the database every ruleset this installation ran: at each start the one in force is stored with its
 * files if it is not there yet. An assessment records only the version's hash; with the files stored, the rules
 * behind it can be read and compared a year later, whichever directory or jar they came from.
 */
@ApplicationScoped
public class RulesetRegistry {
    static final String ACTION = "RULESET_REGISTERED";
    static final String TARGET = "ruleset";
    private static final Logger LOG = Logger.getLogger(RulesetRegistry.class);

    private final RulesInForce rules;
    private final RulesetStore store;
    private final JdbcAuditTrail audit;

    RulesetRegistry(RulesInForce rules, RulesetStore store, JdbcAuditTrail audit) {
        this.rules = rules;
        this.store = store;
        this.audit = audit;
    }

    // After the start-up sequence, which stops on a ruleset that does not load: only a ruleset that ran is stored.
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 610) StartupEvent event) {
        RuleEngine engine = rules.current();
        RulesetFiles files = RulesetFiles.of(engine.origin(), engine.files());
        boolean stored = register(files, AuditTrail.SYSTEM, "in force at start-up, read from " + engine.origin());
        if (stored) {
            LOG.infof("Stored ruleset version %s (%d files from %s)", engine.version(), files.files().size(),
                    engine.origin());
        }
    }

    /**
     * Stores {@code files} as a version, with the audit event in the same transaction, unless that version is
     * stored already; true when this call stored it.
     */
    public boolean register(RulesetFiles files, String actor, String comment) {
        return store.inTransaction(c -> {
            if (!store.insertIfAbsent(c, files, actor, comment, Instant.now())) {
                return false;
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("version", files.version());
            after.put("origin", files.origin());
            after.put("files", files.files().size());
            after.put("comment", comment);
            audit.record(actor, ACTION, TARGET, files.version(), null, after);
            return true;
        });
    }

    /** The version that decides on this instance. */
    public String inForce() {
        return rules.current().version();
    }
}
