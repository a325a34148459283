package org.exposure.assessor.rulesets;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.exposure.assessor.assessment.RulesetActivation;
import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesInForce;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps this instance on the ruleset version the database says is in force: polls the pointer every
 * {@code assessor.rules.poll-interval} and, when it names another version, loads that version from its stored
 * files (compiled once; kept on disk like the start-up's) and puts it in force. Work already begun finishes on the
 * engine it took; the next assessment takes the new one. Every instance does the same, so all of them switch within
 * a poll interval (plus a compile, the first time a version is seen on a host).
 */
@ApplicationScoped
public class RulesetFollower {
    private static final Logger LOG = Logger.getLogger(RulesetFollower.class);

    private final RulesInForce rules;
    private final RulesetActivations activations;
    private final StoredRulesetVersions versions;
    private final RulesetActivation trail;
    private final AssessorConfig config;
    private ScheduledExecutorService poller;

    RulesetFollower(RulesInForce rules, RulesetActivations activations, StoredRulesetVersions versions,
                    RulesetActivation trail, AssessorConfig config) {
        this.rules = rules;
        this.activations = activations;
        this.versions = versions;
        this.trail = trail;
        this.config = config;
    }

    /** Starts the poll: a step of the start-up, once the version to start with is settled. */
    void start() {
        long every = config.rules().pollInterval().toMillis();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ruleset-follower");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::follow, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /** One poll: loads and puts in force the version the pointer names, if it is not the one in force. Never throws. */
    public void follow() {
        String version = null;
        try {
            version = activations.inForce().orElse(null);
            if (version != null) {
                switchTo(version);
            }
            failed = null;
        } catch (RuntimeException e) {
            // Once per version and cause, not at every poll.
            String why = version + " " + e;
            if (!why.equals(failed)) {
                LOG.warnf("Ruleset in force: could not follow the database to %s (%s); retrying every %s", version,
                        e.toString(), config.rules().pollInterval());
                failed = why;
            }
        }
    }

    private volatile String failed;

    /** Puts {@code version} in force on this instance unless it is already; synchronized so that polls never overlap. */
    synchronized void switchTo(String version) {
        RuleEngine now = rules.current();
        if (now.version().equals(version)) {
            return;
        }
        RuleEngine next = versions.engine(version).orElseThrow(() -> new IllegalStateException(
                "the ruleset version in force, " + version + ", is not stored"));
        rules.replace(next);
        LOG.infof("Ruleset in force: %s (was %s)", version, now.version());
        // The audit trail's record of which ruleset decides from when: once, whichever instance switches first.
        trail.recordInForce();
    }
}
