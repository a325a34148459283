package org.exposure.assessor.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.exposure.assessor.domain.PartyIdentifier;
import org.exposure.assessor.match.Identifiers;
import org.exposure.assessor.match.MatchIdentifier;

/**
 * The identifiers of the parties of a subject as the matcher takes them: their kinds, canonical forms and checks
 * (those of {@link Identifiers}), for the intake to validate them and the screening to query by them.
 */
public final class PartyIdentifiers {

    private PartyIdentifiers() {
    }

    /** The kinds, by name, in the order of {@link Identifiers.Kind}. */
    public static final List<String> KINDS = Arrays.stream(Identifiers.Kind.values()).map(Enum::name).toList();

    /** Whether {@code kind} (any case) is a kind. */
    public static boolean isKind(String kind) {
        return Identifiers.Kind.of(kind) != null;
    }

    /** Why {@code value} is no identifier of {@code kind} (which must be a kind), or null when it is one. */
    public static String problem(String kind, String value) {
        Identifiers.Kind k = Identifiers.Kind.of(kind);
        return Identifiers.problem(k, Identifiers.canonical(k, value));
    }

    /** The identifier of {@code kind} written {@code value}, which must pass its check, in canonical form. */
    public static PartyIdentifier canonical(String kind, String value) {
        Identifiers.Kind k = Identifiers.Kind.of(kind);
        return new PartyIdentifier(k.name(), Identifiers.canonical(k, value));
    }

    /**
     * What the matcher compares of a party: its identifiers and, for a bank, its BIC (when it is a valid one: a
     * BIC whose country is none is compared with nothing).
     */
    public static List<MatchIdentifier> forMatching(String bic, List<PartyIdentifier> identifiers) {
        List<MatchIdentifier> out = new ArrayList<>();
        MatchIdentifier b = bic == null ? null : Identifiers.valid(Identifiers.Kind.BIC, bic);
        if (b != null) {
            out.add(b);
        }
        for (PartyIdentifier i : identifiers) {
            MatchIdentifier m = new MatchIdentifier(i.kind(), i.value());
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }
}
