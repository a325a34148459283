package org.exposure.assessor.screening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exposure.assessor.match.Match;
import org.exposure.assessor.match.MatchCandidate;
import org.exposure.assessor.match.MatchQuery;
import org.exposure.assessor.match.NameIndex;
import org.exposure.assessor.match.NameNormalizer;
import org.exposure.assessor.rules.ListMatch;
import org.exposure.assessor.rules.TransactionBan;

/**
 * The entities under an EU transaction ban that the ruleset names ({@code reference/eu-transaction-bans.csv}), as
 * a name index of their own. It comes with the ruleset, not with the lists in force, so a party is screened
 * against it whatever lists are loaded, none included; its matches are made by the same matcher, threshold and
 * candidate cap as those of the lists, and carry the source {@link ListMatch#TRANSACTION_BAN}, the act that added
 * the entity in place of a sublist, the reference file's row in place of an entry id and the ruleset version in
 * place of a list version.
 * <p>
 * The index weighs tokens by their rarity over its own few names, where "bank" is in nearly every name and the
 * place names ("Heihe", "Suifenhe", "Dushanbe") carry the match: a bank that shares only the common words of a
 * listed one does not match it.
 */
public final class TransactionBanIndex {
    private final NameIndex index;
    private final Map<String, TransactionBan> byRow = new HashMap<>();
    private final String rulesetVersion;

    /** The ruleset whose reference data the bans come from. */
    String version() {
        return rulesetVersion;
    }

    public TransactionBanIndex(List<TransactionBan> bans, String rulesetVersion, NameNormalizer normalizer,
                               double threshold, int candidateCap) {
        this.rulesetVersion = rulesetVersion;
        List<MatchCandidate> candidates = new ArrayList<>();
        for (TransactionBan b : bans) {
            byRow.put(b.row(), b);
            candidates.add(new MatchCandidate(ListMatch.TRANSACTION_BAN, b.row(), b.name(), b.aliases(), "ENTITY",
                    Set.of(b.country()), List.of(b.provision())));
        }
        this.index = NameIndex.build(candidates, normalizer, threshold, candidateCap);
    }

    /** How many entities it holds. */
    public int size() {
        return byRow.size();
    }

    /** Matches of one name of a party, best first, as facts for the rules. */
    public List<ListMatch> screen(String path, String role, String name, String type, Set<String> countries) {
        if (name == null || name.isBlank() || byRow.isEmpty()) {
            return List.of();
        }
        List<ListMatch> out = new ArrayList<>();
        for (Match m : index.match(new MatchQuery(name, type, countries), index.threshold())) {
            TransactionBan b = byRow.get(m.entryId());
            out.add(new ListMatch(path, role, name, ListMatch.TRANSACTION_BAN, b.legalAct(), rulesetVersion, b.row(),
                    m.primaryName(), m.matchedName(), m.score(), m.programs(), false, ScreeningIndex.features(m)));
        }
        return out;
    }
}
