package org.exposure.assessor.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.rules.ListMatch;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesInForce;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Screens every named party of a subject against the lists in force: the subject and its aliases, owners at any
 * depth, correspondents, payment counterparties, consignees and end users. Each match carries the party's path.
 * All the names of one subject are screened against one snapshot of the index, and against the ruleset's
 * entities under an EU transaction ban ({@link TransactionBanIndex}), which do not depend on the lists in force.
 */
@ApplicationScoped
public class Screener {
    private final ScreeningIndex index;
    private final IndexBuilder builder;
    private final Instance<RulesInForce> rules;
    private final int candidateCap;
    /** The transaction-ban indexes of the last two rulesets asked for (in force, and the one before or a replay's). */
    private volatile TransactionBanIndex recent;
    private volatile TransactionBanIndex earlier;

    Screener(ScreeningIndex index, IndexBuilder builder, Instance<RulesInForce> rules, AssessorConfig config) {
        this.index = index;
        this.builder = builder;
        this.rules = rules;
        this.candidateCap = config.lists().match().candidateCap();
    }

    /**
     * The transaction-ban index of a ruleset (its lists are reference data of the ruleset), built when first asked
     * for, not at start-up: the ruleset compiles on a thread of its own during start-up, and this bean may be made
     * before it is done. The last two are kept: the ruleset in force, and the one before it (work that began before
     * a replacement) or a replay's.
     */
    TransactionBanIndex bansOf(RuleEngine engine) {
        TransactionBanIndex r = recent;
        if (r != null && r.version().equals(engine.version())) {
            return r;
        }
        TransactionBanIndex e = earlier;
        if (e != null && e.version().equals(engine.version())) {
            return e;
        }
        synchronized (this) {
            for (TransactionBanIndex kept : new TransactionBanIndex[] {recent, earlier}) {
                if (kept != null && kept.version().equals(engine.version())) {
                    return kept;
                }
            }
            TransactionBanIndex built = new TransactionBanIndex(engine.reference().transactionBans(), engine.version(),
                    builder.normalizer(), index.threshold(), candidateCap);
            earlier = recent;
            recent = built;
            return built;
        }
    }

    /**
     * The key under which decisions about a party's name are remembered: its tokens after transliteration, case
     * folding and punctuation removal, legal forms kept ("Acme LLC" and "Acme GmbH" are different parties; "ACME,
     * LLC" and "Acme LLC" are the same name).
     */
    public String partyKey(String name) {
        return String.join(" ", builder.normalizer().tokenize(name == null ? "" : name));
    }

    /** What a screening saw: the matches, the named parties it screened, and the index it used. */
    public record Result(List<ListMatch> matches, List<NamedParty> parties, ScreeningIndex.Snapshot snapshot) {
        /** How many names it screened. */
        public int names() {
            return parties.size();
        }
    }

    /** Screens every named party of the subject against one snapshot of the index, with the ruleset in force. */
    public Result screen(Subject subject, ScreeningIndex.Snapshot snapshot) {
        return screen(subject, snapshot, rules.get().current());
    }

    /**
     * As {@link #screen(Subject, ScreeningIndex.Snapshot)}, with the transaction bans of {@code engine}: those of the
     * ruleset the assessment is decided by (their lists are reference data of the ruleset).
     */
    public Result screen(Subject subject, ScreeningIndex.Snapshot snapshot, RuleEngine engine) {
        List<ListMatch> out = new ArrayList<>();
        List<NamedParty> parties = NamedParty.of(subject);
        TransactionBanIndex banned = parties.isEmpty() ? null : bansOf(engine);
        for (NamedParty p : parties) {
            out.addAll(index.screen(snapshot, p.path(), p.role(), p.name(), p.type(), p.countries(), p.identifiers(),
                    p.facts(), index.threshold()));
            if (p.named()) {
                out.addAll(banned.screen(p.path(), p.role(), p.name(), p.type(), p.countries()));
            }
        }
        return new Result(dedupe(out), parties, snapshot);
    }

    /** One match per party and entry: the best of the names (primary, aliases) that matched it. */
    static List<ListMatch> dedupe(List<ListMatch> matches) {
        Map<String, ListMatch> best = new LinkedHashMap<>();
        for (ListMatch m : matches) {
            best.merge(m.path() + "\u0000" + m.source() + "\u0000" + m.entryId() + "\u0000" + m.list(), m, (a, b) -> a.score() >= b.score() ? a : b);
        }
        return List.copyOf(best.values());
    }

}
