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
import org.exposure.assessor.match.MatchIdentifier;

/**
 * One named (or identified) party of a subject, as it is screened: where it is in the subject, its role, its name
 * (blank when it is given by identifiers alone), the entity type a list entry must have to match it (null: any), the
 * countries it is known in, and the identifiers it is given by (a correspondent's BIC among them).
 */
public record NamedParty(String path, String role, String name, String type, Set<String> countries,
                         List<MatchIdentifier> identifiers) {

    public NamedParty {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    /** A party given by its name alone. */
    public NamedParty(String path, String role, String name, String type, Set<String> countries) {
        this(path, role, name, type, countries, List.of());
    }

    /** Whether it has a name (a party may be given by identifiers alone). */
    public boolean named() {
        return name != null && !name.isBlank();
    }

    /**
     * Every named party of the subject, in the order of the subject: the subject and its aliases, owners at any
     * depth, consignees, correspondents, payment counterparties, the end user of goods. A blank name is no party,
     * unless the party is given by identifiers (a correspondent by its BIC), by which it is screened.
     */
    public static List<NamedParty> of(Subject subject) {
        List<NamedParty> out = new ArrayList<>();
        visit(subject, (path, role, name, type, countries, identifiers) -> {
            if (name != null && !name.isBlank() || !identifiers.isEmpty()) {
                out.add(new NamedParty(path, role, name, type, countries, identifiers));
            }
        });
        return out;
    }

    /** One party: where it is in the subject, its role, its name, the entity type it must be, its country, its ids. */
    @FunctionalInterface
    private interface PartyVisitor {
        void party(String path, String role, String name, String type, Set<String> countries,
                   List<MatchIdentifier> identifiers);
    }

    private static void visit(Subject subject, PartyVisitor party) {
        Set<String> country = subject.country() == null ? Set.of() : Set.of(subject.country());
        if (subject instanceof GoodsSubject goods) {
            // A goods subject's name is a product, not a party; its end user is.
            if (goods.endUser() != null) {
                party.party("endUser", "END_USER", goods.endUser().name(), null, set(goods.endUser().country()), List.of());
            }
            return;
        }
        party.party("subject", "SUBJECT", subject.name(), "ENTITY", country, List.of());
        for (String alias : subject.aliases()) {
            party.party("subject", "SUBJECT", alias, "ENTITY", country, List.of());
        }
        if (subject instanceof SupplierSubject supplier) {
            owners(supplier.owners(), "owners", party);
            for (int i = 0; i < supplier.exports().size(); i++) {
                Export e = supplier.exports().get(i);
                if (e.consignee() != null) {
                    party.party("exports[" + i + "].consignee", "CONSIGNEE", e.consignee().name(), "ENTITY",
                            set(e.consignee().country()), List.of());
                }
            }
        } else if (subject instanceof BankSubject bank) {
            for (int i = 0; i < bank.correspondents().size(); i++) {
                var c = bank.correspondents().get(i);
                party.party("correspondents[" + i + "]", "CORRESPONDENT", c.name(), "ENTITY", set(c.country()),
                        PartyIdentifiers.forMatching(c.bic(), c.identifiers()));
            }
            for (int i = 0; i < bank.payments().size(); i++) {
                var cp = bank.payments().get(i).counterparty();
                if (cp != null) {
                    party.party("payments[" + i + "].counterparty", "COUNTERPARTY", cp.name(), null, set(cp.country()),
                            List.of());
                }
            }
        }
    }

    private static void owners(List<Owner> owners, String prefix, PartyVisitor party) {
        for (int i = 0; i < owners.size(); i++) {
            Owner o = owners.get(i);
            String path = prefix + "[" + i + "]";
            party.party(path, "OWNER", o.name(), null, set(o.country()), List.of());
            if (o.owners() != null) {
                owners(o.owners(), path + ".owners", party);
            }
        }
    }

    private static Set<String> set(String country) {
        return country == null ? Set.of() : Set.of(country);
    }
}
