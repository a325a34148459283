package org.exposure.assessor.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Canonical forms and checks of every identifier kind. The valid values are identifiers the OFAC SDN list (snapshot
 * of 2024-05-03), the US CSL or the UK list give for real entries; each invalid one is a valid one with one
 * character changed or its shape broken, or a value a list wrote under a kind it is not.
 */
class IdentifiersTest {

    /** kind | as written | canonical form | why it is not one of the kind ('' when it is). */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            BIC          | VTBRRUMM                    | VTBRRUMM             |
            BIC          | havigb2l                    | HAVIGB2L             |
            BIC          | KDBK KP PY                  | KDBKKPPY             |
            BIC          | DEUTDEFF500                 | DEUTDEFF500          |
            BIC          | VTBRQQMM                    | VTBRQQMM             | country code QQ is no ISO 3166 country
            BIC          | VTBRRUM                     | VTBRRUM              | a BIC is 4 letters or digits, a country code, 2 letters or digits, and an optional branch of 3
            BIC          | VTBR1UMM                    | VTBR1UMM             | a BIC is 4 letters or digits, a country code, 2 letters or digits, and an optional branch of 3
            IMO          | IMO 9187629                 | 9187629              |
            IMO          | 7406784                     | 7406784              |
            IMO          | IMO 9187628                 | 9187628              | check digit does not match
            IMO          | IMO 918762                  | 918762               | an IMO number is 7 digits
            INN          | 7702070139                  | 7702070139           |
            INN          | 773407989940                | 773407989940         |
            INN          | 7702070138                  | 7702070138           | check digit does not match
            INN          | 773407989941                | 773407989941         | check digit does not match
            INN          | 773407989950                | 773407989950         | check digit does not match
            INN          | 77020701                    | 77020701             | an INN is 10 or 12 digits
            OGRN         | 1027739609391               | 1027739609391        |
            OGRN         | 1147746803049               | 1147746803049        |
            OGRN         | 1147746803048               | 1147746803048        | check digit does not match
            OGRN         | 304500116000157             | 304500116000157      |
            OGRN         | 304500116000158             | 304500116000158      | check digit does not match
            OGRN         | 7702070139                  | 7702070139           | an OGRN is 13 digits (OGRNIP 15)
            USCC         | 91110117663725176G          | 91110117663725176G   |
            USCC         | 9113100033607322XK          | 9113100033607322XK   |
            USCC         | 91222401MA0Y31E659          | 91222401MA0Y31E659   |
            USCC         | 91110117663725176H          | 91110117663725176H   | check character does not match
            USCC         | 91110117663725176I          | 91110117663725176I   | character I is not one of a USCC
            USCC         | 911A0117663725176G          | 911A0117663725176G   | a USCC is 18 characters, the 3rd to 8th digits
            LEI          | 253400V1H6ART1UQ0N98        | 253400V1H6ART1UQ0N98 |
            LEI          | 253400HA6URWT39X2982        | 253400HA6URWT39X2982 |
            LEI          | 253400HA6URWT39X2983        | 253400HA6URWT39X2983 | check digits do not match
            LEI          | 253400VTMXV2UE7XNN67        | 253400VTMXV2UE7XNN67 | check digits do not match
            LEI          | 851683897                   | 851683897            | an LEI is 18 letters or digits and 2 check digits
            PASSPORT     | k 475-336                   | K475336              |
            PASSPORT     | Diplomatic                  | DIPLOMATIC           | must be 4 to 40 letters and digits, at least one a digit
            REGISTRATION | 3848561                     | 3848561              |
            REGISTRATION | 837                         | 837                  | must be 4 to 40 letters and digits, at least one a digit
            NATIONAL_ID  | 1234 5678 9012              | 123456789012         |
            TAX_ID       | BE 0454.419.759             | BE0454419759         |
            OTHER        | ' some Thing '              | SOME THING           |
            """)
    void canonicalFormAndCheck(Identifiers.Kind kind, String written, String canonical, String problem) {
        assertThat(Identifiers.canonical(kind, written)).isEqualTo(canonical);
        assertThat(Identifiers.problem(kind, canonical)).isEqualTo(problem);
        MatchIdentifier id = Identifiers.valid(kind, written);
        if (problem == null) {
            assertThat(id).isEqualTo(new MatchIdentifier(kind.name(), canonical));
        } else {
            assertThat(id).isNull();
        }
    }

    /**
     * A list's type name, value and issuing country, as the importers give them, and the identifier the matcher takes
     * from them ('' for none).
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SWIFT/BIC                         | VTBRRUMM                         |    | BIC          | VTBRRUMM
            swiftBic                          | VTBRRUMMXXX                      |    | BIC          | VTBRRUMMXXX
            SWIFT/BIC                         | VTBRQQMM                         |    |              |
            Vessel Registration Identification | IMO 9187629                     |    | IMO          | 9187629
            Vessel Registration Identification | IMO 5878589                     |    |              |
            imoNumber                         | 9187629                          |    | IMO          | 9187629
            Tax ID No.                        | 7702070139                       | RU | INN          | 7702070139
            Tax ID No.                        | 7702070138                       | RU | TAX_ID       | 7702070138
            Tax ID No.                        | 7702070139                       | KZ | TAX_ID       | 7702070139
            innCode                           | 7702070139                       |    | INN          | 7702070139
            innCode                           | 7702070138                       |    |              |
            Registration Number               | 1027739609391                    | RU | OGRN         | 1027739609391
            Registration ID                   | 1027739609391                    | RU | OGRN         | 1027739609391
            Registration Number               | 1027739609392                    | RU | REGISTRATION | 1027739609392
            Registration Number               | 1027739609391                    | DE | REGISTRATION | 1027739609391
            Registration Number               | 91110117663725176G               | CN | USCC         | 91110117663725176G
            Registration Number               | 91110117663725176H               | CN | REGISTRATION | 91110117663725176H
            Unified Social Credit Code (USCC) | 91110117663725176G               | CN | USCC         | 91110117663725176G
            Legal Entity Number               | 253400V1H6ART1UQ0N98             |    | LEI          | 253400V1H6ART1UQ0N98
            Legal Entity Number               | 851683897                        | NL |              |
            Passport                          | 2014-08-30, 2009-08-31, K475336  | JO | PASSPORT     | K475336
            Company Number                    | 3848561 (New York)               | US | REGISTRATION | 3848561
            National ID No.                   | 123456789012                     | SY | NATIONAL_ID  | 123456789012
            UN Reference Number               | KPe.001                          |    |              |
            Website                           | www.example.com                  |    |              |
            """)
    void listedIdentifiers(String type, String value, String country, String kind, String canonical) {
        MatchIdentifier id = Identifiers.listed(type, value, country);
        if (kind == null) {
            assertThat(id).isNull();
        } else {
            assertThat(id).isEqualTo(new MatchIdentifier(kind, canonical));
        }
    }

    /** Kinds by name, any case; none for a name that is no kind. */
    @ParameterizedTest
    @CsvSource(textBlock = """
            bic,BIC
            ' National_ID ',NATIONAL_ID
            SWIFT,
            ,
            """)
    void kindsByName(String name, Identifiers.Kind kind) {
        assertThat(Identifiers.Kind.of(name)).isEqualTo(kind);
    }

    /** A BIC names its institution by its first 8 characters; other kinds by the whole value. */
    @ParameterizedTest
    @CsvSource(textBlock = """
            BIC,VTBRRUMMXXX,VTBRRUMM
            BIC,VTBRRUMM,VTBRRUMM
            INN,7702070139,7702070139
            """)
    void keys(String kind, String value, String key) {
        assertThat(Identifiers.key(new MatchIdentifier(kind, value))).isEqualTo(key);
    }
}
