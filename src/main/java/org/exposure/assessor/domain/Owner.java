package org.exposure.assessor.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A direct owner of a company; its own owners nest, so that chains of any depth can be described.
 *
 * @param birthDate   an owner who is a person: the date of birth as far as known ({@code 1952}, {@code 1952-10},
 *                    {@code 1952-10-07}); null when not given
 * @param nationality an owner who is a person: ISO 3166-1 alpha-2 code of a nationality; null when not given
 * @param city        the city of the owner's address; null when not given
 * @param identifiers identifiers the owner is given by (INN, OGRN, LEI, passport...); may be empty
 */
public record Owner(String name, String country, BigDecimal sharePercent, Boolean sanctioned, List<Owner> owners,
                    String birthDate, String nationality, String city, List<PartyIdentifier> identifiers) {

    public Owner {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    /** An owner given by no identifier. */
    public Owner(String name, String country, BigDecimal sharePercent, Boolean sanctioned, List<Owner> owners,
                 String birthDate, String nationality, String city) {
        this(name, country, sharePercent, sanctioned, owners, birthDate, nationality, city, List.of());
    }

    /** An owner known by name and country only. */
    public Owner(String name, String country, BigDecimal sharePercent, Boolean sanctioned, List<Owner> owners) {
        this(name, country, sharePercent, sanctioned, owners, null, null, null, List.of());
    }
}
