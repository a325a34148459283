package org.exposure.assessor.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.exposure.assessor.lists.ImportTesting.gzip;
import static org.exposure.assessor.lists.ImportTesting.latin1;
import static org.exposure.assessor.lists.ImportTesting.parts;
import static org.exposure.assessor.lists.ImportTesting.streams;
import static org.exposure.assessor.lists.ImportTesting.utf8;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@link ListSources#contentHash} recognises stored content from its bytes alone, so it must give exactly the
 * hash that parsing gives ({@link ImportResult#sha256()}) for every source and every combination of parts: a
 * difference would make the start-up import parse every file again (harmless but slow) or, worse, take new
 * content for old.
 */
class ContentHashTest {
    private final ListSources importers = new ListSources();

    private static final String SDN = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
            + "173,\"ANGLO-CARIBBEAN CO., LTD.\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001a";
    private static final String ALT = "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n\u001a";
    private static final String ADD = "36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n\u001a";
    private static final String UN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
              <INDIVIDUALS>
                <INDIVIDUAL>
                  <DATAID>1</DATAID><FIRST_NAME>ERIC</FIRST_NAME><SECOND_NAME>BADEGE</SECOND_NAME>
                  <UN_LIST_TYPE>DRC</UN_LIST_TYPE>
                </INDIVIDUAL>
              </INDIVIDUALS>
              <ENTITIES/>
            </CONSOLIDATED_LIST>
            """;
    private static final String CSL = "_id,source,entity_number,type,programs,name,title,addresses,alt_names\n"
            + "e1,Entity List (EL) - Bureau of Industry and Security,,Entity,,ACME TRADING LLC,,\"Moscow, RU\",ACME\n";
    private static final String FTM = "{\"id\": \"p1\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Ivan Petrov\"]},"
            + " \"datasets\": [\"eu_fsf\"]}\n";

    @Test
    void ofacSdnAloneAndWithEachCombinationOfAltAndAdd() throws Exception {
        assertSameHash("OFAC-SDN", parts("sdn", latin1(SDN)));
        assertSameHash("OFAC-SDN", parts("sdn", latin1(SDN), "alt", latin1(ALT)));
        assertSameHash("OFAC-SDN", parts("sdn", latin1(SDN), "add", latin1(ADD)));
        assertSameHash("OFAC-SDN", parts("sdn", latin1(SDN), "alt", latin1(ALT), "add", latin1(ADD)));
        // The parts are told apart: the same bytes as alt or as add are different content.
        assertThat(importers.contentHash("OFAC-SDN", streams(parts("sdn", latin1(SDN), "alt", latin1(ALT)))))
                .isNotEqualTo(importers.contentHash("OFAC-SDN", streams(parts("sdn", latin1(SDN), "add", latin1(ALT)))));
    }

    @Test
    void singleFileSources() throws Exception {
        assertSameHash("UN", parts("file", utf8(UN)));
        assertSameHash("US-CSL", parts("file", utf8(CSL)));
        // A gzipped CSL file is hashed as stored, compressed, as the importer hashes it.
        assertSameHash("US-CSL", parts("file", gzip(utf8(CSL))));
        assertSameHash("OPENSANCTIONS", parts("file", utf8(FTM)));
    }

    @Test
    void theFixtureLists() throws Exception {
        assertSameHash("OFAC-SDN", parts("sdn", Fixtures.bytes(Fixtures.SDN), "alt", Fixtures.bytes(Fixtures.ALT),
                "add", Fixtures.bytes(Fixtures.ADD)));
        assertSameHash("US-CSL", parts("file", Fixtures.bytes(Fixtures.CSL)));
        assertSameHash("UN", parts("file", Fixtures.bytes(Fixtures.UN)));
        assertSameHash("OPENSANCTIONS", parts("file", Fixtures.bytes(Fixtures.FTM.resolve("t1_entities.ftm.json"))));
    }

    @Test
    void partsASourceDoesNotHaveAreRefusedAsByRead() {
        assertThatThrownBy(() -> importers.contentHash("UN", streams(parts("sdn", utf8(UN)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> importers.contentHash("OFAC-SDN", streams(parts("alt", latin1(ALT)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> importers.contentHash("NOPE", streams(parts("file", utf8(UN)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static void assertSameHash(ListSources importers, String source, Map<String, byte[]> files) throws Exception {
        ImportResult parsed = importers.read(source, streams(files));
        assertThat(importers.contentHash(source, streams(files))).as(source + " " + files.keySet())
                .isEqualTo(parsed.sha256()).matches("[0-9a-f]{64}");
    }

    private void assertSameHash(String source, Map<String, byte[]> files) throws Exception {
        assertSameHash(importers, source, files);
    }
}
