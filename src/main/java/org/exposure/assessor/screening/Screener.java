package org.exposure.assessor.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.rules.ListMatch;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Screens every named party of a subject against the lists in force: the subject and its aliases, owners at any
 * depth, correspondents, payment counterparties, consignees and end users. Each match carries the party's path.
 * All the names of one subject are screened against one snapshot of the index.
 */
@ApplicationScoped
public class Screener {
    private final ScreeningIndex index;

    Screener(ScreeningIndex index) {
        this.index = index;
    }

    /** What a screening saw: the matches, how many names it screened, and the index it used. */
    public record Result(List<ListMatch> matches, int names, ScreeningIndex.Snapshot snapshot) {
    }

    /** Screens every named party of the subject against one snapshot of the index. */
    public Result screen(Subject subject, ScreeningIndex.Snapshot snapshot) {
        List<ListMatch> out = new ArrayList<>();
        List<NamedParty> parties = NamedParty.of(subject);
        for (NamedParty p : parties) {
            out.addAll(index.screen(snapshot, p.path(), p.role(), p.name(), p.type(), p.countries(), index.threshold()));
        }
        return new Result(dedupe(out), parties.size(), snapshot);
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
