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
 * countries it is known in, the identifiers it is given by (a correspondent's BIC among them), and what else the
 * subject says of it for the matcher to weigh: dates of birth and nationalities (owners), cities (owners, consignees,
 * correspondents, counterparties, the end user); empty when not given.
 */
public record NamedParty(String path, String role, String name, String type, Set<String> countries,
                         List<MatchIdentifier> identifiers, Set<String> birthDates, Set<String> nationalities,
                         Set<String> cities) {

    public NamedParty {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        birthDates = birthDates == null ? Set.of() : Set.copyOf(birthDates);
        nationalities = nationalities == null ? Set.of() : Set.copyOf(nationalities);
        cities = cities == null ? Set.of() : Set.copyOf(cities);
    }

    /** A party known by name, type and countries only. */
    public NamedParty(String path, String role, String name, String type, Set<String> countries) {
        this(path, role, name, type, countries, List.of(), Set.of(), Set.of(), Set.of());
    }

    /** A party given by its name and identifiers. */
    public NamedParty(String path, String role, String name, String type, Set<String> countries,
                      List<MatchIdentifier> identifiers) {
        this(path, role, name, type, countries, identifiers, Set.of(), Set.of(), Set.of());
    }

    /** Whether it has a name (a party may be given by identifiers alone). */
    public boolean named() {
        return name != null && !name.isBlank();
    }

    /** Everything the matcher weighs besides the name, type and countries: identifiers by kind and the facts. */
    public ScreeningIndex.Facts allFacts() {
        java.util.Map<String, Set<String>> ids = new java.util.TreeMap<>();
        for (MatchIdentifier i : identifiers) {
            ids.computeIfAbsent(i.kind(), k -> new java.util.TreeSet<>()).add(i.value());
        }
        return new ScreeningIndex.Facts(ids, birthDates, nationalities, cities);
    }

    /** What the matcher weighs besides the name, type, countries and identifiers. */
    public ScreeningIndex.Facts facts() {
        if (birthDates.isEmpty() && nationalities.isEmpty() && cities.isEmpty()) {
            return ScreeningIndex.Facts.NONE;
        }
        return new ScreeningIndex.Facts(java.util.Map.of(), birthDates, nationalities, cities);
    }

    /**
     * Every named or identified party of the subject, in the order of the subject: the subject and its aliases, owners
     * at any depth, consignees, correspondents, payment counterparties, the end user of goods. A party with neither a
     * name nor an identifier is none.
     */
    public static List<NamedParty> of(Subject subject) {
        List<NamedParty> out = new ArrayList<>();
        visit(subject, (path, role, name, type, countries, identifiers, birthDate, nationality, city) -> {
            if (name != null && !name.isBlank() || !identifiers.isEmpty()) {
                out.add(new NamedParty(path, role, name, type, countries, identifiers, set(birthDate),
                        set(nationality), set(city)));
            }
        });
        return out;
    }

    /**
     * One party: where it is in the subject, its role, its name, the entity type it must be, its country, its
     * identifiers, and its date of birth, nationality and city when given (else null).
     */
    @FunctionalInterface
    private interface PartyVisitor {
        void party(String path, String role, String name, String type, Set<String> countries,
                   List<MatchIdentifier> identifiers, String birthDate, String nationality, String city);
    }

    private static void visit(Subject subject, PartyVisitor party) {
        Set<String> country = subject.country() == null ? Set.of() : Set.of(subject.country());
        if (subject instanceof GoodsSubject goods) {
            // A goods subject's name is a product, not a party; its end user is.
            if (goods.endUser() != null) {
                party.party("endUser", "END_USER", goods.endUser().name(), null, set(goods.endUser().country()),
                        PartyIdentifiers.forMatching(null, goods.endUser().identifiers()), null, null,
                        goods.endUser().city());
            }
            return;
        }
        party.party("subject", "SUBJECT", subject.name(), "ENTITY", country, List.of(), null, null, null);
        for (String alias : subject.aliases()) {
            party.party("subject", "SUBJECT", alias, "ENTITY", country, List.of(), null, null, null);
        }
        if (subject instanceof SupplierSubject supplier) {
            owners(supplier.owners(), "owners", party);
            for (int i = 0; i < supplier.exports().size(); i++) {
                Export e = supplier.exports().get(i);
                if (e.consignee() != null) {
                    party.party("exports[" + i + "].consignee", "CONSIGNEE", e.consignee().name(), "ENTITY",
                            set(e.consignee().country()), PartyIdentifiers.forMatching(null, e.consignee().identifiers()),
                            null, null, e.consignee().city());
                }
            }
        } else if (subject instanceof BankSubject bank) {
            for (int i = 0; i < bank.correspondents().size(); i++) {
                var c = bank.correspondents().get(i);
                party.party("correspondents[" + i + "]", "CORRESPONDENT", c.name(), "ENTITY", set(c.country()),
                        PartyIdentifiers.forMatching(c.bic(), c.identifiers()), null, null, c.city());
            }
            for (int i = 0; i < bank.payments().size(); i++) {
                var cp = bank.payments().get(i).counterparty();
                if (cp != null) {
                    party.party("payments[" + i + "].counterparty", "COUNTERPARTY", cp.name(), null, set(cp.country()),
                            PartyIdentifiers.forMatching(null, cp.identifiers()), null, null, cp.city());
                }
            }
        }
    }

    private static void owners(List<Owner> owners, String prefix, PartyVisitor party) {
        for (int i = 0; i < owners.size(); i++) {
            Owner o = owners.get(i);
            String path = prefix + "[" + i + "]";
            party.party(path, "OWNER", o.name(), null, set(o.country()), PartyIdentifiers.forMatching(null, o.identifiers()),
                    o.birthDate(), o.nationality(), o.city());
            if (o.owners() != null) {
                owners(o.owners(), path + ".owners", party);
            }
        }
    }

    private static Set<String> set(String value) {
        return value == null ? Set.of() : Set.of(value);
    }
}
