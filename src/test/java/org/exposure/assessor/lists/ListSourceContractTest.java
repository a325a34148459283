package org.exposure.assessor.lists;

import org.exposure.assessor.audit.AuditTrail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.exposure.assessor.lists.ImportTesting.latin1;
import static org.exposure.assessor.lists.ImportTesting.parts;
import static org.exposure.assessor.lists.ImportTesting.streams;
import static org.exposure.assessor.lists.ImportTesting.utf8;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * What every source in {@link ListSources} must do, whatever its format: skip and name a malformed row, reject a file
 * not of its format and an empty one, and give the same content the same hash and no second version. A new source
 * adds its samples to {@link #SAMPLES}, which {@link #everySourceHasSamples} asks for.
 */
@QuarkusTest
class ListSourceContractTest {
    /**
     * Small files of a source: {@code good} with two entries, {@code withBadRow} the same with one malformed row
     * added (by the first part).
     */
    record Sample(Map<String, byte[]> good, Map<String, byte[]> withBadRow) {
    }

    private static final String SDN_ROWS = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
            + "173,\"ANGLO-CARIBBEAN CO., LTD.\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
    private static final String ALT = "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n\u001a";
    private static final String UN_HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
              <INDIVIDUALS>
                <INDIVIDUAL>
                  <DATAID>1</DATAID><FIRST_NAME>ERIC</FIRST_NAME><SECOND_NAME>BADEGE</SECOND_NAME>
                  <UN_LIST_TYPE>DRC</UN_LIST_TYPE>
                </INDIVIDUAL>
                <INDIVIDUAL>
                  <DATAID>2</DATAID><FIRST_NAME>JEAN</FIRST_NAME><SECOND_NAME>MBARUSHIMANA</SECOND_NAME>
                  <UN_LIST_TYPE>DRC</UN_LIST_TYPE>
                </INDIVIDUAL>
            """;
    private static final String UN_TAIL = """
              </INDIVIDUALS>
              <ENTITIES/>
            </CONSOLIDATED_LIST>
            """;
    private static final String CSL = "_id,source,entity_number,type,programs,name,title,addresses,alt_names\n"
            + "e1,Entity List (EL) - Bureau of Industry and Security,,Entity,,ACME TRADING LLC,,\"Moscow, RU\",ACME\n"
            + "e2,Entity List (EL) - Bureau of Industry and Security,,Entity,,BETA METALS JSC,,\"Kazan, RU\",\n";
    private static final String FTM = "{\"id\": \"p1\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Ivan Petrov\"]},"
            + " \"datasets\": [\"eu_fsf\"]}\n"
            + "{\"id\": \"c1\", \"schema\": \"Company\", \"properties\": {\"name\": [\"Gamma Shipping LLC\"]},"
            + " \"datasets\": [\"eu_fsf\"]}\n";

    private static final String EU_HEAD = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-08-05T16:47:04.449+02:00">
              <sanctionEntity euReferenceNumber="EU.1.1" logicalId="1">
                <regulation programme="RUS" numberTitle="269/2014 (OJ L78)"/>
                <subjectType code="person" classificationCode="P"/>
                <nameAlias wholeName="Ivan Petrov" nameLanguage="" strong="true"/>
                <nameAlias wholeName="Иван Петров" nameLanguage="RU" strong="true"/>
              </sanctionEntity>
              <sanctionEntity euReferenceNumber="EU.2.2" logicalId="2">
                <regulation programme="RUS" numberTitle="269/2014 (OJ L78)"/>
                <subjectType code="enterprise" classificationCode="E"/>
                <nameAlias wholeName="Gamma Shipping LLC" nameLanguage="" strong="true"/>
              </sanctionEntity>
            """;
    private static final String UK_HEAD = """
            <?xml version="1.0" encoding="utf-8"?>
            <Designations dateGenerated="2026-08-14T23:00:04.744Z">
              <Designation>
                <UniqueID>RUS0001</UniqueID>
                <Names><Name><Name1>Ivan</Name1><Name6>PETROV</Name6><NameType>Primary Name</NameType></Name></Names>
                <RegimeName>The Russia (Sanctions) (EU Exit) Regulations 2019</RegimeName>
                <IndividualEntityShip>Individual</IndividualEntityShip>
              </Designation>
              <Designation>
                <UniqueID>RUS0002</UniqueID>
                <Names><Name><Name6>Gamma Shipping LLC</Name6><NameType>Primary Name</NameType></Name></Names>
                <RegimeName>The Russia (Sanctions) (EU Exit) Regulations 2019</RegimeName>
                <IndividualEntityShip>Entity</IndividualEntityShip>
              </Designation>
            """;

    static final Map<String, Sample> SAMPLES = Map.of(
            ListEntry.OFAC_SDN, new Sample(
                    parts("sdn", latin1(SDN_ROWS + "\u001a"), "alt", latin1(ALT)),
                    parts("sdn", latin1(SDN_ROWS + "999,-0- ,-0- \r\n\u001a"), "alt", latin1(ALT))),
            ListEntry.US_CSL, new Sample(parts("file", utf8(CSL)),
                    parts("file", utf8(CSL + ",Entity List (EL) - Bureau of Industry and Security,,Entity,,NO ID LTD,,,\n"))),
            ListEntry.UN, new Sample(parts("file", utf8(UN_HEAD + UN_TAIL)),
                    parts("file", utf8(UN_HEAD + "    <INDIVIDUAL><FIRST_NAME>NO DATAID</FIRST_NAME></INDIVIDUAL>\n" + UN_TAIL))),
            ListEntry.EU_FSF, new Sample(parts("file", utf8(EU_HEAD + "</export>\n")),
                    parts("file", utf8(EU_HEAD + "  <sanctionEntity logicalId=\"3\"><subjectType code=\"person\"/>"
                            + "</sanctionEntity>\n</export>\n"))),
            ListEntry.UK_SL, new Sample(parts("file", utf8(UK_HEAD + "</Designations>\n")),
                    parts("file", utf8(UK_HEAD + "  <Designation><Names><Name><Name6>NO ID</Name6></Name></Names>"
                            + "</Designation>\n</Designations>\n"))),
            ListEntry.OPENSANCTIONS, new Sample(parts("file", utf8(FTM)),
                    parts("file", utf8(FTM + "{\"id\": \"x1\", \"schema\": \"Person\", \"properties\": \"not an object\"}\n"))));

    private static final ListSources SOURCES = new ListSources();

    @Inject
    ListStore store;

    static Stream<ListSource> sources() {
        return SOURCES.all().stream();
    }

    @AfterAll
    static void restoreFixtures() {
        ListFixtures.restore();
    }

    @Test
    void everySourceHasSamples() {
        assertThat(SAMPLES).containsOnlyKeys(SOURCES.sources());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void aMalformedRowIsSkippedAndNamedAndTheOthersImported(ListSource source) throws Exception {
        Sample s = SAMPLES.get(source.id());
        ImportResult good = source.read(streams(s.good()));
        ImportResult withBad = source.read(streams(s.withBadRow()));
        assertThat(good.entryCount()).as(source.id()).isEqualTo(2);
        assertThat(good.problems()).as(source.id()).isEmpty();
        assertThat(withBad.entries()).as(source.id()).extracting(ListEntry::id)
                .containsExactlyElementsOf(good.entries().stream().map(ListEntry::id).toList());
        assertThat(withBad.problems()).as(source.id()).singleElement()
                .satisfies(p -> assertThat(p.rowNumber()).isPositive());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void aFileNotOfTheFormatIsRejectedWhole(ListSource source) {
        byte[] html = utf8("<!DOCTYPE html><html><body>Service unavailable</body></html>");
        String first = source.parts().get(0).name();
        assertThatThrownBy(() -> source.read(streams(parts(first, html)))).as(source.id())
                .isInstanceOf(ImportException.class);
        assertThatThrownBy(() -> source.read(new ByteArrayInputStream(html))).as(source.id())
                .isInstanceOf(ImportException.class);
    }

    @ParameterizedTest
    @MethodSource("sources")
    void anEmptyFileIsRejected(ListSource source) {
        String first = source.parts().get(0).name();
        assertThatThrownBy(() -> source.read(streams(parts(first, new byte[0])))).as(source.id())
                .isInstanceOf(ImportException.class);
    }

    @ParameterizedTest
    @MethodSource("sources")
    void theSameContentTwiceHasOneHashAndMakesNoNewVersion(ListSource source) throws Exception {
        Sample s = SAMPLES.get(source.id());
        ImportResult once = source.read(streams(s.good()));
        ImportResult twice = source.read(streams(s.good()));
        assertThat(twice.sha256()).as(source.id()).isEqualTo(once.sha256())
                .isEqualTo(SOURCES.contentHash(source.id(), streams(s.good())));
        ListStore.Stored first = store.store(once, AuditTrail.SYSTEM, ListStore.UPLOAD);
        ListStore.Stored second = store.store(twice, AuditTrail.SYSTEM, ListStore.UPLOAD);
        assertThat(second.created()).as(source.id()).isFalse();
        assertThat(second.version().id).as(source.id()).isEqualTo(first.version().id);
    }
}
