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
    private final RulesetActivations activations;
    private final RulesetFollower follower;

    RulesetRegistry(RulesInForce rules, RulesetStore store, JdbcAuditTrail audit, RulesetActivations activations,
                    RulesetFollower follower) {
        this.rules = rules;
        this.store = store;
        this.audit = audit;
        this.activations = activations;
        this.follower = follower;
    }

    /**
     * After the start-up sequence, which stops on a ruleset that does not load (only a ruleset that ran is stored),
     * and before the audit trail records which ruleset decides: stores the ruleset the instance started with, then
     * settles which version decides. A ruleset never seen before (a new release's, or an operator's new
     * assessor.rules.dir) is put in force by the start; otherwise the version the database names wins, so an
     * activation approved while the service ran survives a restart. Then the poll follows later activations.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 590) StartupEvent event) {
        RuleEngine engine = rules.current();
        RulesetFiles files = RulesetFiles.of(engine.origin(), engine.files());
        boolean stored = register(files, AuditTrail.SYSTEM, "in force at start-up, read from " + engine.origin());
        if (stored) {
            LOG.infof("Stored ruleset version %s (%d files from %s)", engine.version(), files.files().size(),
                    engine.origin());
        }
        String inForce = activations.settleAtStart(engine.version(), stored);
        if (!inForce.equals(engine.version())) {
            LOG.infof("Ruleset in force by activation: %s, not the %s one (%s)", inForce, engine.origin(), engine.version());
            try {
                follower.switchTo(inForce);
            } catch (RuntimeException e) {
                // An activated version this build cannot load (its rules name facts this build does not have): the
                // instance decides with the rules it started with and says so, rather than not starting at all.
                LOG.errorf("The activated ruleset %s does not load on this build (%s): deciding with %s until an admin "
                        + "activates a version it can load", inForce, e.getMessage(), engine.version());
            }
        }
        follower.start();
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
