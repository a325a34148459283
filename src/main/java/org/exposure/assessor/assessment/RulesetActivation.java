package org.exposure.assessor.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.exposure.assessor.audit.AuditTrail;
import org.exposure.assessor.audit.JdbcAuditTrail;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesInForce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Records in the audit trail which ruleset decides from now on, when it is not the one recorded last: the rules and
 * their reference data are what every assessment's findings rest on, so a regulator must be able to tell from when
 * a version was in use. A restart with the same ruleset records nothing. It lives here, above rules and audit,
 * because neither may know the other.
 */
@ApplicationScoped
public class RulesetActivation {
    static final String ACTION = "RULESET_ACTIVATED";
    static final String TARGET = "ruleset";

    private final RulesInForce rules;
    private final JdbcAuditTrail audit;
    private final ObjectMapper mapper;

    RulesetActivation(RulesInForce rules, JdbcAuditTrail audit, ObjectMapper mapper) {
        this.rules = rules;
        this.audit = audit;
        this.mapper = mapper;
    }

    // After the start-up sequence (default priority), which waits for the compile and stops on a broken ruleset.
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        recordInForce();
    }

    /** Records the ruleset in force now, in a transaction of its own, unless it is the one recorded last. */
    public boolean recordInForce() {
        return QuarkusTransaction.requiringNew().call(this::recordIfChanged);
    }

    /**
     * Records the activation unless the last recorded one is of this version. The last one is read under the
     * trail's lock, so that instances starting together record a change once. In a transaction.
     */
    boolean recordIfChanged() {
        RuleEngine engine = rules.current();
        Optional<String> last = audit.lastAfterLocked(ACTION, TARGET).map(this::version);
        if (last.isPresent() && last.get().equals(engine.version())) {
            return false;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", engine.version());
        after.put("origin", engine.origin());
        after.put("rules", engine.rules().size());
        audit.record(AuditTrail.SYSTEM, ACTION, TARGET, engine.version(),
                last.map(v -> Map.<String, Object>of("version", v)).orElse(null), after);
        return true;
    }

    private String version(String afterJson) {
        try {
            JsonNode v = mapper.readTree(afterJson).get("version");
            return v == null ? "" : v.asText();
        } catch (JsonProcessingException e) {
            // Not what this class writes: treat it as another version, so that the ruleset in use is recorded.
            return "";
        }
    }
}
