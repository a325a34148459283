package org.exposure.assessor.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.exposure.assessor.lists.csl.CslImporter;
import org.exposure.assessor.lists.eu.EuFsfImporter;
import org.exposure.assessor.lists.ofac.OfacSdnImporter;
import org.exposure.assessor.lists.opensanctions.FtmImporter;
import org.exposure.assessor.lists.uk.UkSanctionsListImporter;
import org.exposure.assessor.lists.un.UnConsolidatedImporter;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dates of birth, nationalities and cities each importer keeps, on rows of the fixture files (cut from the public
 * lists; their origin is written beside them).
 */
class EntryFactsTest {
    private static final Map<String, Map<String, ListEntry>> BY_SOURCE = new HashMap<>();

    @BeforeAll
    static void importFixtures() throws Exception {
        put(new OfacSdnImporter().importFrom(Fixtures.SDN, Fixtures.ALT, Fixtures.ADD));
        put(new UnConsolidatedImporter().importFrom(Fixtures.UN));
        put(new UkSanctionsListImporter().importFrom(Fixtures.UK_SL));
        put(new EuFsfImporter().importFrom(Fixtures.EU_FSF));
        put(new CslImporter().importFrom(Fixtures.CSL));
        put(new FtmImporter().importFrom(Fixtures.FTM.resolve("t1_entities.ftm.json")));
    }

    private static void put(ImportResult r) {
        Map<String, ListEntry> byId = BY_SOURCE.computeIfAbsent(r.source(), s -> new HashMap<>());
        r.entries().forEach(e -> byId.put(e.id(), e));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                // sdn.csv remarks "DOB 1961; POB Mosul, Iraq; nationality Iraq"; add.csv city -0-
                Arguments.of(ListEntry.OFAC_SDN, "6906", List.of("1961"), List.of("IQ"), List.of("Mosul")),
                // "DOB 08 Jul 1969; POB Travnik, Bosnia-Herzegovina"
                Arguments.of(ListEntry.OFAC_SDN, "7680", List.of("1969-07-08"), List.of(), List.of("Travnik")),
                // "DOB 1951 to 1953; alt. DOB 1960 to 1962; alt. DOB Apr 1961; alt. DOB 1953; POB Najaf, Iraq;
                // alt. POB Tehran, Iran; nationality Iran"
                Arguments.of(ListEntry.OFAC_SDN, "12057",
                        List.of("1951", "1952", "1953", "1960", "1961", "1962", "1961-04"), List.of("IR"),
                        List.of("Najaf", "Tehran")),
                // add.csv "London EC3N 1DY": the city without its postal code
                Arguments.of(ListEntry.OFAC_SDN, "173", List.of(), List.of(), List.of("London")),
                // INDIVIDUAL_DATE_OF_BIRTH YEAR 1971, NATIONALITY Democratic Republic of the Congo
                Arguments.of(ListEntry.UN, "6907993", List.of("1971"), List.of("CD"), List.of()),
                // DATE 1978-04-01 and YEAR 1978; address and places of birth
                Arguments.of(ListEntry.UN, "6908010", List.of("1978-04-01", "1978"), List.of("CD"),
                        List.of("Rubavu / Mudende", "Bibwe", "Lusamambo")),
                // DOB dd/mm/1968 and 12/11/1967 (twice); Nationality Afghanistan; TownOfBirth "Zurmat District,
                // Paktia Province" and "Garda Saray District, Paktia Province"
                Arguments.of(ListEntry.UK_SL, "AFG0011", List.of("1968", "1967-11-12"), List.of("AF"),
                        List.of("Zurmat District", "Garda Saray District")),
                // dates_of_birth 1970-02-02, places_of_birth "Damascus, Syria", nationalities SY
                Arguments.of(ListEntry.US_CSL, "29076", List.of("1970-02-02"), List.of("SY"), List.of("Damascus")),
                // "circa 1942", "al-Dur, Iraq", IQ
                Arguments.of(ListEntry.US_CSL, "7848", List.of("1942"), List.of("IQ"), List.of("al-Dur")),
                // "1970; 1971", place of birth "Iraq" (a country alone: no city)
                Arguments.of(ListEntry.US_CSL, "26697", List.of("1970", "1971"), List.of("IQ"), List.of()),
                // birthDate 1971-07-03, nationality by, country by
                Arguments.of(ListEntry.OPENSANCTIONS, "NK-2Myxbs6wX9xFKGoQn3sLaY", List.of("1971-07-03"),
                        List.of("BY"), List.of()),
                Arguments.of(ListEntry.OPENSANCTIONS, "NK-2KeUB68qUJtykm3BuAcazG", List.of("1967-12-19"), List.of(),
                        List.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rows")
    void factsOfRealRows(String source, String id, List<String> birthDates, List<String> nationalities,
                         List<String> cities) {
        ListEntry e = entry(source, id);
        assertThat(e.facts().birthDates()).containsExactlyElementsOf(birthDates);
        assertThat(e.facts().nationalities()).containsExactlyElementsOf(nationalities);
        assertThat(e.facts().cities()).containsExactlyElementsOf(cities);
        // Nationalities are also among the entry's countries, as before they were kept apart.
        assertThat(e.countries()).containsAll(nationalities);
    }

    @Test
    void euBirthDatesCitiesAndCitizenships() {
        List<ListEntry> withDate = BY_SOURCE.get(ListEntry.EU_FSF).values().stream()
                .filter(e -> e.facts().birthDates().contains("1965-04-14")).toList();
        // <birthdate birthdate="1965-04-14" city="-" countryIso2Code="PK">: the "-" is no city
        assertThat(withDate).hasSize(1);
        assertThat(withDate.get(0).facts().cities()).doesNotContain("-");
        assertThat(BY_SOURCE.get(ListEntry.EU_FSF).values().stream().flatMap(e -> e.facts().cities().stream()))
                .contains("Tehran");
    }

    @Test
    void entitiesWithoutFactsHaveNone() {
        // the CSL's first row (a Denied Persons List person with an address only, no date or place of birth)
        ListEntry e = entry(ListEntry.US_CSL, "deb7a1d5743a85c354ca1a2c7f2664e2104b32d7");
        assertThat(e.facts().birthDates()).isEmpty();
        assertThat(e.facts().nationalities()).isEmpty();
    }

    private static ListEntry entry(String source, String id) {
        Map<String, ListEntry> byId = BY_SOURCE.get(source);
        assertThat(byId).as(source).isNotNull();
        ListEntry e = byId.get(id);
        assertThat(e).as(source + " " + id).isNotNull();
        return e;
    }

}
