package org.exposure.assessor.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.exposure.assessor.audit.AuditTrail;
import org.exposure.assessor.lists.ofac.OfacSdnImporter;
import org.exposure.assessor.persistence.ListEntryEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The change sets on the whole OFAC SDN snapshot (sdn.csv with alt.csv and add.csv, 14,965 entries): what they find
 * and what storing a version with one costs. Prints the times; the default build leaves it out (snapshots profile).
 */
@QuarkusTest
@Tag(Snapshots.TAG)
class ListChangesSnapshotTest {
    @Inject
    ListStore store;
    @Inject
    ListChanges changes;

    @AfterEach
    void backToTheFixtures() {
        ListFixtures.restore();
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void theFullSdnChangedReorderedAndStrippedOfItsAliases() throws Exception {
        ListFixtures.removeAll();
        byte[] sdn = Files.readAllBytes(Snapshots.require("ofac/sdn_2024-05-03.csv"));
        byte[] alt = Files.readAllBytes(Snapshots.require("ofac/alt_2025-12_watchman.csv"));
        byte[] add = Files.readAllBytes(Snapshots.require("ofac/add_2025-12_watchman.csv"));
        OfacSdnImporter importer = new OfacSdnImporter();
        ImportResult full = importer.importFrom(in(sdn), in(alt), in(add));

        // The cost of the entry hashes alone, in memory, on the parsed list (after a warm-up round).
        hashAll(full);
        long t = System.nanoTime();
        hashAll(full);
        long hashMs = ms(t);

        // 1. The first version: nothing to compare with.
        t = System.nanoTime();
        ListStore.Stored first = store.store(full, AuditTrail.SYSTEM, ListStore.UPLOAD);
        long firstMs = ms(t);
        assertThat(first.version().inForce).isTrue();
        assertThat(changes.forVersion(first.version().id)).isEmpty();

        // 2. The same lists with its rows in reverse order, 3 rows gone and 2 remarks with the EO 14114 remark added.
        List<String> rows = new ArrayList<>(List.of(new String(sdn, StandardCharsets.ISO_8859_1).split("\r\n")));
        String eof = rows.remove(rows.size() - 1);
        assertThat(eof).isEqualTo("\u001a");
        List<String> removed = List.of(rows.remove(100), rows.remove(5000), rows.remove(9000));
        List<String> marked = new ArrayList<>();
        int edited = 0;
        for (int i = 0; i < rows.size() && edited < 2; i++) {
            String r = rows.get(i);
            if (r.endsWith(".\"") && !r.contains("Secondary sanctions risk")) {
                rows.set(i, r.substring(0, r.length() - 2) + "; Secondary sanctions risk: section 11 of Executive "
                        + "Order 14024, as amended by Executive Order 14114.\"");
                marked.add(r.substring(0, r.indexOf(',')));
                edited++;
            }
        }
        Collections.reverse(rows);
        rows.add(eof);
        ImportResult next = importer.importFrom(in(String.join("\r\n", rows).getBytes(StandardCharsets.ISO_8859_1)),
                in(alt), in(add));
        t = System.nanoTime();
        ListStore.Stored second = store.store(next, AuditTrail.SYSTEM, ListStore.UPLOAD);
        long secondMs = ms(t);
        ListChanges.ChangeSet set = changes.forVersion(second.version().id).orElseThrow();
        assertThat(set.removed()).isEqualTo(3);
        assertThat(set.added()).isZero();
        assertThat(set.changed()).isEqualTo(2);
        assertThat(set.watchState()).isEqualTo(ListChanges.PENDING);
        assertThat(changes.changes(set.id(), ListChanges.Kind.REMOVED, 0, 10)).extracting(ListChanges.Change::entryId)
                .containsExactlyInAnyOrderElementsOf(removed.stream().map(r -> r.substring(0, r.indexOf(','))).toList());
        assertThat(changes.changes(set.id(), ListChanges.Kind.CHANGED, 0, 10)).allSatisfy(c -> {
            assertThat(marked).contains(c.entryId());
            assertThat(c.fields()).containsExactly("remarks", "secondarySanctionsRisk");
        });

        // 3. sdn.csv alone: every entry with an alias or an address changes.
        ImportResult bare = importer.importFrom(in(sdn));
        t = System.nanoTime();
        ListStore.Stored third = store.store(bare, AuditTrail.SYSTEM, ListStore.UPLOAD);
        long thirdMs = ms(t);
        ListChanges.ChangeSet many = changes.forVersion(third.version().id).orElseThrow();
        assertThat(many.added()).isEqualTo(3);
        assertThat(many.changed()).isGreaterThan(10_000);

        // 4. The same once more as if stored before entry hashes: the versions compared from their columns.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> ListEntryEntity
                .update("contentHash = null where versionId in ?1", List.of(first.version().id, third.version().id)));
        t = System.nanoTime();
        ListStore.Stored back = store.store(full, AuditTrail.SYSTEM, ListStore.UPLOAD);
        long backMs = ms(t);
        assertThat(back.version().id).isEqualTo(first.version().id);
        ListChanges.ChangeSet again = changes.forVersion(first.version().id).orElseThrow();
        assertThat(again.fromVersionId()).isEqualTo(third.version().id);
        // Back from sdn.csv alone: the entries whose content the alias and address rows change (computed here in
        // memory from the parsed files, apart from the store), nothing else. Some alias rows add nothing: an alias
        // equal to the name is not kept.
        java.util.Map<String, String> bareHashes = new java.util.HashMap<>();
        for (ListEntry e : bare.entries()) {
            bareHashes.put(e.id(), hash(e));
        }
        long differ = full.entries().stream().filter(e -> !hash(e).equals(bareHashes.get(e.id()))).count();
        assertThat(again.added() + again.removed()).isZero();
        assertThat(again.changed()).isEqualTo(differ).isGreaterThan(12_000);

        System.out.printf(Locale.ROOT, "%nOFAC SDN snapshot, %d entries: entry hashes in memory %d ms; stored as the first "
                        + "version (no change set) %d ms; with a change set of %d (3 removed, 2 changed) %d ms; with one "
                        + "of %d changes %d ms; put back, against a version without hashes, %d changes %d ms%n",
                full.entryCount(), hashMs, firstMs, set.total(), secondMs, many.total(), thirdMs, again.total(), backMs);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static void hashAll(ImportResult r) {
        for (ListEntry e : r.entries()) {
            hash(e);
        }
    }

    /** The entry's content hash from its fields serialised as the store writes them. */
    private static String hash(ListEntry e) {
        try {
            return EntryContent.hash(new EntryContent.Stored(e.source(), e.name(), e.type().name(), e.list(),
                    JSON.writeValueAsString(e.aliases()), JSON.writeValueAsString(e.programs()),
                    JSON.writeValueAsString(e.countries()), JSON.writeValueAsString(e.identifiers()),
                    JSON.writeValueAsString(e.remarks()), JSON.writeValueAsString(e.datasets()),
                    e.secondarySanctionsRisk(), JSON.writeValueAsString(e.evidence())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }

    private static java.io.InputStream in(byte[] b) {
        return new java.io.ByteArrayInputStream(b);
    }
}
