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
 */
@ApplicationScoped
public class Screener {
    private final ScreeningIndex index;

    Screener(ScreeningIndex index) {
        this.index = index;
    }

    public List<ListMatch> screen(Subject subject) {
        List<ListMatch> out = new ArrayList<>();
        Set<String> country = subject.country() == null ? Set.of() : Set.of(subject.country());
        if (subject instanceof GoodsSubject goods) {
            // A goods subject's name is a product, not a party; its end user is.
            if (goods.endUser() != null) {
                out.addAll(index.screen("endUser", "END_USER", goods.endUser().name(), null, set(goods.endUser().country())));
            }
            return out;
        }
        out.addAll(index.screen("subject", "SUBJECT", subject.name(), "ENTITY", country));
        for (String alias : subject.aliases()) {
            out.addAll(index.screen("subject", "SUBJECT", alias, "ENTITY", country));
        }
        if (subject instanceof SupplierSubject supplier) {
            owners(supplier.owners(), "owners", out);
            for (int i = 0; i < supplier.exports().size(); i++) {
                Export e = supplier.exports().get(i);
                if (e.consignee() != null) {
                    out.addAll(index.screen("exports[" + i + "].consignee", "CONSIGNEE", e.consignee().name(), "ENTITY",
                            set(e.consignee().country())));
                }
            }
        } else if (subject instanceof BankSubject bank) {
            for (int i = 0; i < bank.correspondents().size(); i++) {
                var c = bank.correspondents().get(i);
                out.addAll(index.screen("correspondents[" + i + "]", "CORRESPONDENT", c.name(), "ENTITY", set(c.country())));
            }
            for (int i = 0; i < bank.payments().size(); i++) {
                var cp = bank.payments().get(i).counterparty();
                if (cp != null) {
                    out.addAll(index.screen("payments[" + i + "].counterparty", "COUNTERPARTY", cp.name(), null, set(cp.country())));
                }
            }
        }
        return dedupe(out);
    }

    private void owners(List<Owner> owners, String prefix, List<ListMatch> out) {
        for (int i = 0; i < owners.size(); i++) {
            Owner o = owners.get(i);
            String path = prefix + "[" + i + "]";
            out.addAll(index.screen(path, "OWNER", o.name(), null, set(o.country())));
            if (o.owners() != null) {
                owners(o.owners(), path + ".owners", out);
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
