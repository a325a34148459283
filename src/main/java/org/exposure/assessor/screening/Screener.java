package org.exposure.assessor.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.exposure.assessor.domain.BankSubject;
import org.exposure.assessor.domain.Export;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.Owner;
import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.domain.SupplierSubject;
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
        int[] names = {0};
        visit(subject, (path, role, name, type, countries) -> {
            if (name != null && !name.isBlank()) {
                names[0]++;
                out.addAll(index.screen(snapshot, path, role, name, type, countries, index.threshold()));
            }
        });
        return new Result(dedupe(out), names[0], snapshot);
    }

    /** One named party: where it is in the subject, its role, its name, the entity type it must be, its country. */
    @FunctionalInterface
    private interface PartyVisitor {
        void party(String path, String role, String name, String type, Set<String> countries);
    }

    private static void visit(Subject subject, PartyVisitor party) {
        Set<String> country = subject.country() == null ? Set.of() : Set.of(subject.country());
        if (subject instanceof GoodsSubject goods) {
            // A goods subject's name is a product, not a party; its end user is.
            if (goods.endUser() != null) {
                party.party("endUser", "END_USER", goods.endUser().name(), null, set(goods.endUser().country()));
            }
            return;
        }
        party.party("subject", "SUBJECT", subject.name(), "ENTITY", country);
        for (String alias : subject.aliases()) {
            party.party("subject", "SUBJECT", alias, "ENTITY", country);
        }
        if (subject instanceof SupplierSubject supplier) {
            owners(supplier.owners(), "owners", party);
            for (int i = 0; i < supplier.exports().size(); i++) {
                Export e = supplier.exports().get(i);
                if (e.consignee() != null) {
                    party.party("exports[" + i + "].consignee", "CONSIGNEE", e.consignee().name(), "ENTITY",
                            set(e.consignee().country()));
                }
            }
        } else if (subject instanceof BankSubject bank) {
            for (int i = 0; i < bank.correspondents().size(); i++) {
                var c = bank.correspondents().get(i);
                party.party("correspondents[" + i + "]", "CORRESPONDENT", c.name(), "ENTITY", set(c.country()));
            }
            for (int i = 0; i < bank.payments().size(); i++) {
                var cp = bank.payments().get(i).counterparty();
                if (cp != null) {
                    party.party("payments[" + i + "].counterparty", "COUNTERPARTY", cp.name(), null, set(cp.country()));
                }
            }
        }
    }

    private static void owners(List<Owner> owners, String prefix, PartyVisitor party) {
        for (int i = 0; i < owners.size(); i++) {
            Owner o = owners.get(i);
            String path = prefix + "[" + i + "]";
            party.party(path, "OWNER", o.name(), null, set(o.country()));
            if (o.owners() != null) {
                owners(o.owners(), path + ".owners", party);
            }
        }
    }

    /** One match per party and entry: the best of the names (primary, aliases) that matched it. */
    private static List<ListMatch> dedupe(List<ListMatch> matches) {
        java.util.Map<String, ListMatch> best = new java.util.LinkedHashMap<>();
        for (ListMatch m : matches) {
            best.merge(m.path() + "\u0000" + m.source() + "\u0000" + m.entryId() + "\u0000" + m.list(), m, (a, b) -> a.score() >= b.score() ? a : b);
        }
        return List.copyOf(best.values());
    }

    private static Set<String> set(String country) {
        return country == null ? Set.of() : Set.of(country);
    }
}
