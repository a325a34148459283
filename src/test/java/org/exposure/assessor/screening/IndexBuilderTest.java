package org.exposure.assessor.screening;

import org.exposure.assessor.audit.AuditTrail;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.exposure.assessor.lists.Alias;
import org.exposure.assessor.lists.AliasKind;
import org.exposure.assessor.lists.EntityType;
import org.exposure.assessor.lists.EntryFacts;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.ListFixtures;
import org.exposure.assessor.lists.ListStore;
import org.exposure.assessor.lists.Identifier;
import org.exposure.assessor.match.Identifiers;
import org.exposure.assessor.match.MatchAttributes;
import org.exposure.assessor.match.MatchCandidate;
import org.exposure.assessor.match.MatchIdentifier;
import org.exposure.assessor.match.MatchQuery;
import org.exposure.assessor.persistence.ListEntryEntity;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The index is read with plain JDBC instead of through the entities. What it holds must not change: the same
 * candidates (names, aliases without the weak ones, type, two-letter countries in upper case, programmes), the same
 * facts per entry, and in the same order, since the order of the candidates decides ties between names of equal
 * rank. The oracle is the entity path the index used before, kept here as it was.
 */
@QuarkusTest
class IndexBuilderTest {
    @Inject
    IndexBuilder builder;
    @Inject
    ListStore store;
    @Inject
    ObjectMapper mapper;
    @Inject
    org.exposure.assessor.config.AssessorConfig config;
    @Inject
    org.exposure.assessor.lists.ListChanges changes;

    // From no list in force, so that the versions in force are this test's own; the fixture lists the test profile
    // imports at start-up are put back for the tests that follow.
    @BeforeEach
    void noListInForce() {
        ListFixtures.removeAll();
    }

    @AfterEach
    void startupLists() {
        ListFixtures.restore();
    }

    @Test
    void sameCandidatesInTheSameOrderAsThroughTheEntities() {
        long run = System.nanoTime();
        store.store(result("OFAC-SDN", run, 400), AuditTrail.SYSTEM, ListStore.UPLOAD);
        store.store(result("US-CSL", run, 300), AuditTrail.SYSTEM, ListStore.UPLOAD);
        store.store(result("UN", run, 200), AuditTrail.SYSTEM, ListStore.UPLOAD);
        List<ListVersionEntity> versions = QuarkusTransaction.requiringNew()
                .call(() -> ListVersionEntity.<ListVersionEntity>list("inForce = true"));
        assertThat(versions).hasSize(3);

        IndexBuilder.Rows rows = QuarkusTransaction.requiringNew().call(() -> builder.read(versions));
        Oracle oracle = QuarkusTransaction.requiringNew().call(() -> throughEntities(versions));

        assertThat(rows.candidates()).hasSize(900).containsExactlyElementsOf(oracle.candidates());
        assertThat(rows.info()).isEqualTo(oracle.info());
        MatchCandidate sample = rows.candidates().stream().filter(c -> c.primaryName().equals("ENTRY 7 OF OFAC-SDN"))
                .findFirst().orElseThrow();
        assertThat(sample.aliases()).containsExactly("STRONG ALIAS 7");
        assertThat(sample.countries()).containsExactlyInAnyOrder("RU", "CN");
        assertThat(sample.programs()).containsExactly("RUSSIA-EO14024", "UKRAINE-EO13662");
        assertThat(sample.type()).isEqualTo("ENTITY");
        MatchCandidate withIds = rows.candidates().stream().filter(c -> c.primaryName().equals("ENTRY 8 OF OFAC-SDN"))
                .findFirst().orElseThrow();
        assertThat(withIds.attributes().identifiers()).containsExactly(new MatchIdentifier("BIC", "VTBRRUMM"),
                new MatchIdentifier("INN", "7702070139"));
    }

    /**
     * The identifiers column read by the streaming parser: each object's type, value and country as the data-binding
     * of the stored record gives them, taken by the matcher's kinds; duplicates once; anything unreadable none.
     */
    @Test
    void identifiersReadFromTheirColumn() {
        String[][] cases = {
                {"[]", ""},
                {"[{\"type\":\"SWIFT/BIC\",\"value\":\"VTBRRUMM\",\"country\":null}]", "BIC:VTBRRUMM"},
                {"[{\"country\":\"RU\",\"value\":\"1027739609391\",\"type\":\"Registration Number\"},"
                        + "{\"type\":\"Registration ID\",\"value\":\"1027739609391\",\"country\":\"RU\"}]",
                        "OGRN:1027739609391"},
                {"[{\"type\":\"Website\",\"value\":\"x.example\"},{\"type\":\"IMO\",\"value\":{\"n\":1}},"
                        + "{\"type\":\"Vessel Registration Identification\",\"value\":\"IMO 9187629\"}]", "IMO:9187629"},
                {"[{\"type\":\"SWIFT/BIC\",\"value\":\"VTBRQQMM\"}]", ""},
                {"{\"type\":\"SWIFT/BIC\"}", ""},
                {"[{\"type\":\"SWIFT/BIC\",", ""},
        };
        for (String[] c : cases) {
            List<String> got = builder.identifiers(c[0]).stream().map(i -> i.kind() + ":" + i.value()).toList();
            assertThat(got).as(c[0]).isEqualTo(c[1].isEmpty() ? List.of() : List.of(c[1].split(" ")));
        }
    }

    /** The streaming reads of the JSON columns give what the data-binding calls used before gave, for arrays. */
    @Test
    void jsonColumnsReadAsTheDataBindingReadThem() throws Exception {
        for (String json : List.of("[]", "[{\"name\":\"A\",\"kind\":\"AKA\",\"weak\":false}]",
                "[{\"name\":\"A\",\"weak\":true},{\"name\":\"B\"},{\"weak\":false},{\"name\":null}]",
                "[{\"name\":\"C\",\"weak\":\"true\"},{\"name\":\"D\",\"weak\":\" false \"},{\"name\":7,\"weak\":0}]",
                "[{\"name\":\"E\",\"weak\":1},{\"name\":{\"x\":[1]},\"weak\":[true]},\"F\",[1],null,"
                        + "{\"name\":\"G\",\"extra\":{\"name\":\"no\"}}]",
                "[{\"name\":\"\u0412\u0422\u0411 \\\"\u0411\u0430\u043d\u043a\\\"\"}]", "[{\"name\":\"broken\"")) {
            List<String> expected = new ArrayList<>();
            try {
                for (JsonNode a : mapper.readTree(json)) {
                    if (!a.path("weak").asBoolean(false) && a.hasNonNull("name")) {
                        expected.add(a.get("name").asText());
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                expected.clear();
            }
            assertThat(builder.aliases(json)).as(json).isEqualTo(expected);
        }
        for (String json : List.of("[]", "[\"RU\",\"cn\",\"Russia\"]", "[\"a\",1,true,2.5]", "[{\"x\":1}]", "[[\"RU\"]]",
                "[\"RU\"", "")) {
            List<String> expected;
            try {
                expected = mapper.readValue(json, new TypeReference<List<String>>() {
                });
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                expected = List.of();
            }
            assertThat(builder.strings(json)).as(json).isEqualTo(expected == null ? List.of() : expected);
        }
    }

    /**
     * The index begun at the start-up event over the versions then in force is the one a build for the same versions
     * returns, and it is the same as one built then; for other versions it is not used.
     */
    @Test
    void indexBuiltAheadIsTakenForTheSameVersionsOnly() {
        long run = System.nanoTime();
        store.store(result("OFAC-SDN", run, 300), AuditTrail.SYSTEM, ListStore.UPLOAD);
        store.store(result("UN", run, 100), AuditTrail.SYSTEM, ListStore.UPLOAD);
        List<ListVersionEntity> versions = QuarkusTransaction.requiringNew()
                .call(() -> ListVersionEntity.<ListVersionEntity>list("inForce = true"));
        double threshold = config.lists().match().threshold();
        int cap = config.lists().match().candidateCap();

        builder.prepareEarly();
        IndexBuilder.Built ahead = builder.build(versions, threshold, cap);
        IndexBuilder.Built now = builder.build(versions, threshold, cap);
        assertThat(ahead.prepared()).isTrue();
        assertThat(now.prepared()).isFalse();
        assertThat(ahead.info()).isEqualTo(now.info());
        assertThat(ahead.index().nameCount()).isEqualTo(now.index().nameCount());
        for (String q : List.of("ENTRY 7 OF OFAC-SDN", "STRONG ALIAS 42", "ENTRY 99 OF UN", "WEAK ALIAS 3")) {
            assertThat(ahead.index().search(MatchQuery.of(q), 0.5, 50).matches()).as(q)
                    .isEqualTo(now.index().search(MatchQuery.of(q), 0.5, 50).matches());
        }

        // The start-up import put another version in force: the build begun ahead is not taken.
        builder.prepareEarly();
        store.store(result("US-CSL", run, 50), AuditTrail.SYSTEM, ListStore.UPLOAD);
        List<ListVersionEntity> after = QuarkusTransaction.requiringNew()
                .call(() -> ListVersionEntity.<ListVersionEntity>list("inForce = true"));
        IndexBuilder.Built other = builder.build(after, threshold, cap);
        assertThat(other.prepared()).isFalse();
        assertThat(other.info()).hasSize(450);
    }

    /**
     * The dates of birth, nationalities and cities an importer keeps reach the candidates; an entry without them (as
     * every entry of a version stored before they were kept) has none. Re-importing entries that now carry them is no
     * change: the content hash leaves them out, being read from the original record it covers.
     */
    @Test
    void factsReachTheCandidatesAndAreNoChangeOfContent() {
        long run = System.nanoTime();
        store.store(result("UN", run, 20), AuditTrail.SYSTEM, ListStore.UPLOAD);
        ListStore.Stored withFacts = store.store(withFacts(result("UN", run + 1, 20)), AuditTrail.SYSTEM,
                ListStore.UPLOAD);
        assertThat(withFacts.created()).isTrue();
        org.exposure.assessor.lists.ListChanges.ChangeSet set = QuarkusTransaction.requiringNew()
                .call(() -> changes.forVersion(withFacts.version().id)).orElseThrow();
        assertThat(set.total()).isZero();

        List<ListVersionEntity> versions = QuarkusTransaction.requiringNew()
                .call(() -> ListVersionEntity.<ListVersionEntity>list("inForce = true"));
        IndexBuilder.Rows rows = QuarkusTransaction.requiringNew().call(() -> builder.read(versions));
        MatchCandidate zero = rows.candidates().stream().filter(c -> c.primaryName().equals("ENTRY 0 OF UN"))
                .findFirst().orElseThrow();
        assertThat(zero.attributes().birthDates()).containsExactlyInAnyOrder("1952-10-07", "1953");
        assertThat(zero.attributes().nationalities()).containsExactly("RU");
        assertThat(zero.attributes().cities()).containsExactly("Leningrad");
        MatchCandidate one = rows.candidates().stream().filter(c -> c.primaryName().equals("ENTRY 1 OF UN"))
                .findFirst().orElseThrow();
        assertThat(one.attributes()).isSameAs(MatchAttributes.NONE);
        // read by entry id (a version's named entries) too
        List<MatchCandidate> named = QuarkusTransaction.requiringNew()
                .call(() -> builder.read(withFacts.version(), List.of("20")));
        assertThat(named).singleElement().satisfies(c -> assertThat(c.attributes().cities()).containsExactly("Leningrad"));
        // stored as null where the list gives none, so that most rows carry nothing more
        List<String> stored = QuarkusTransaction.requiringNew().call(() -> ListEntryEntity.<ListEntryEntity>list(
                "versionId = ?1 order by entryId", withFacts.version().id).stream().map(e -> e.factsJson).toList());
        assertThat(stored).filteredOn(java.util.Objects::nonNull).hasSize(10);
    }

    /** The facts column read by the streaming parser, kept identifiers and unreadable or odd JSON included. */
    @Test
    void factsColumnRead() {
        MatchAttributes withId = new MatchAttributes(List.of(new org.exposure.assessor.match.MatchIdentifier("imo",
                "9176187")), Set.of(), Set.of(), Set.of());
        MatchAttributes read = builder.withFacts(withId,
                "{\"birthDates\":[\"1952\"],\"nationalities\":[\"ru\",\"CN\"],\"cities\":[\"Kyiv\"],\"x\":{\"a\":[1]}}");
        assertThat(read.identifiers()).isEqualTo(withId.identifiers());
        assertThat(read.birthDates()).containsExactly("1952");
        assertThat(read.nationalities()).containsExactlyInAnyOrder("RU", "CN");
        assertThat(read.cities()).containsExactly("Kyiv");
        for (String odd : new String[] {null, "", "[]", "{}", "{\"birthDates\":[", "{\"cities\":\"Kyiv\"}", "nope"}) {
            assertThat(builder.withFacts(withId, odd)).as(String.valueOf(odd)).isSameAs(withId);
        }
        assertThat(builder.withFacts(MatchAttributes.NONE, "{\"birthDates\":[null,{\"y\":1},\"1960\"]}").birthDates())
                .containsExactly("1960");
    }

    /** Every other entry with a date of birth (two: a date and a range's year), a nationality and a city. */
    private static ImportResult withFacts(ImportResult r) {
        List<ListEntry> entries = new ArrayList<>();
        for (int i = 0; i < r.entries().size(); i++) {
            ListEntry e = r.entries().get(i);
            entries.add(i % 2 != 0 ? e : new ListEntry(e.source(), e.id(), e.name(), e.aliases(), e.type(),
                    e.programs(), e.countries(), e.identifiers(), e.remarks(), e.secondarySanctionsRisk(), e.list(),
                    e.datasets(), e.evidence(), new EntryFacts(List.of("1952-10-07", "1953"), List.of("RU"),
                    List.of("Leningrad"))));
        }
        return new ImportResult(r.source(), entries, r.problems(), r.published(), r.sha256(), r.counts(),
                r.removedIds());
    }

    @Test
    void noVersionNoCandidate() {
        assertThat(builder.read(List.of()).candidates()).isEmpty();
        assertThat(builder.build(List.of(), 0.86, 25).info()).isEmpty();
    }

    private static ImportResult result(String source, long run, int n) {
        List<ListEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Alias> aliases = List.of(new Alias("STRONG ALIAS " + i, AliasKind.AKA, false),
                    new Alias("WEAK ALIAS " + i, AliasKind.AKA, true));
            // Countries as the lists write them: codes in either case and names that are not codes.
            List<String> countries = List.of("RU", "cn", "Russia");
            // Identifiers as the lists give them: one the matcher compares, one it does not, one failing its check.
            List<Identifier> ids = i % 4 == 0 ? List.of(new Identifier("SWIFT/BIC", "VTBRRUMM", null),
                    new Identifier("Website", "www.example.com", null), new Identifier("Tax ID No.", "7702070139", "RU"),
                    new Identifier("Legal Entity Number", "253400HA6URWT39X2983", null)) : List.of();
            entries.add(new ListEntry(source, String.valueOf(n - i), "ENTRY " + i + " OF " + source, aliases,
                    i % 3 == 0 ? EntityType.INDIVIDUAL : EntityType.ENTITY, List.of("RUSSIA-EO14024", "UKRAINE-EO13662"),
                    countries, ids, List.of("remark " + i), i % 5 == 0, source.equals("US-CSL") ? "Entity List" : null,
                    List.of(), Map.of("name", "ENTRY " + i)));
        }
        return new ImportResult(source, entries, List.of(), null, "test-" + source + "-" + run, Map.of(), List.of());
    }

    private record Oracle(List<MatchCandidate> candidates, Map<String, IndexBuilder.EntryInfo> info) {
    }

    /** ScreeningIndex.reload as it read the lists before IndexBuilder. */
    private Oracle throughEntities(List<ListVersionEntity> versions) throws Exception {
        Map<UUID, ListVersionEntity> byId = new HashMap<>();
        versions.forEach(v -> byId.put(v.id, v));
        List<MatchCandidate> candidates = new ArrayList<>();
        Map<String, IndexBuilder.EntryInfo> info = new HashMap<>();
        for (ListEntryEntity e : ListEntryEntity.<ListEntryEntity>list("versionId in ?1", byId.keySet())) {
            ListVersionEntity v = byId.get(e.versionId);
            List<String> aliases = new ArrayList<>();
            for (JsonNode a : mapper.readTree(e.aliasesJson)) {
                if (!a.path("weak").asBoolean(false) && a.hasNonNull("name")) {
                    aliases.add(a.get("name").asText());
                }
            }
            Set<String> countries = new LinkedHashSet<>();
            for (String c : mapper.readValue(e.countriesJson, new TypeReference<List<String>>() {
            })) {
                if (c.length() == 2) {
                    countries.add(c.toUpperCase(Locale.ROOT));
                }
            }
            List<String> programs = mapper.readValue(e.programsJson, new TypeReference<List<String>>() {
            });
            Set<MatchIdentifier> ids = new LinkedHashSet<>();
            for (JsonNode i : mapper.readTree(e.identifiersJson)) {
                MatchIdentifier id = Identifiers.listed(i.path("type").asText(null), i.path("value").asText(null),
                        i.path("country").asText(null));
                if (id != null) {
                    ids.add(id);
                }
            }
            candidates.add(new MatchCandidate(v.source, e.id.toString(), e.primaryName, aliases, e.entityType, countries,
                    programs, ids.isEmpty() ? MatchAttributes.NONE
                            : new MatchAttributes(List.copyOf(ids), Set.of(), Set.of(), Set.of())));
            info.put(e.id.toString(), new IndexBuilder.EntryInfo(v.source, e.entryId, e.listName, v.id.toString(),
                    e.secondarySanctionsRisk));
        }
        return new Oracle(candidates, Map.copyOf(info));
    }
}
