package org.exposure.assessor.screening;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.exposure.assessor.lists.match.MatchCandidate;
import org.exposure.assessor.lists.match.NameIndex;
import org.exposure.assessor.lists.match.NameNormalizer;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Builds the name index over a given set of list versions: how the index is made, not when ({@link ScreeningIndex}
 * decides that). It reads with plain JDBC only the columns the matcher needs, where loading {@code ListEntryEntity}
 * through Hibernate also read and managed each entry's original record, identifiers and remarks (the larger part of
 * a row) only to drop them; and it keeps one {@link NameNormalizer} for every build, whose ICU transliterator costs
 * about half a second to make in a fresh JVM.
 */
@ApplicationScoped
public class IndexBuilder {
    private static final Logger LOG = Logger.getLogger(IndexBuilder.class);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /**
     * The columns of {@code list_entry} the index needs. The WHERE clause is the one Hibernate sent for the entities
     * ({@code version_id IN (...)}, no ORDER BY), so the database returns the rows in the order it did then: the order
     * of the candidates decides ties between names of equal rank, and so must not change.
     */
    private static final String ROWS = "SELECT id, version_id, entry_id, list_name, entity_type, primary_name, "
            + "aliases_json, programs_json, countries_json, secondary_sanctions_risk FROM list_entry WHERE version_id IN ";

    /** Keyed by the stored row's id: an entry id alone is not unique (the CSL repeats it once per list). */
    record EntryInfo(String source, String entryId, String list, String versionId, boolean secondarySanctionsRisk) {
    }

    /**
     * An index over some list versions, with what each of its entries is, and where the time of the build went.
     *
     * @param readMillis  reading the rows and their JSON columns
     * @param indexMillis building the {@link NameIndex} (normalising every name, the token and trigram tables)
     */
    record Built(NameIndex index, Map<String, EntryInfo> info, long readMillis, long indexMillis) {
    }

    /** The entries of some versions as the matcher takes them, in the order the database returned them. */
    record Rows(List<MatchCandidate> candidates, Map<String, EntryInfo> info) {
    }

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final NameNormalizer normalizer;

    IndexBuilder(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.normalizer = new NameNormalizer();
    }

    /** An index with no entry. */
    NameIndex empty(double threshold, int candidateCap) {
        return NameIndex.build(List.of(), normalizer, threshold, candidateCap);
    }

    /** The index over every entry of {@code versions}, which must be stored. */
    Built build(List<ListVersionEntity> versions, double threshold, int candidateCap) {
        long start = System.nanoTime();
        Rows rows = read(versions);
        long read = System.nanoTime();
        // Names normalised on every core: most of a build in a fresh JVM, and the index is the same either way.
        NameIndex index = NameIndex.build(rows.candidates(), normalizer, threshold, candidateCap,
                Runtime.getRuntime().availableProcessors());
        long built = System.nanoTime();
        return new Built(index, rows.info(), (read - start) / 1_000_000, (built - read) / 1_000_000);
    }

    /** Every entry of {@code versions}. */
    Rows read(List<ListVersionEntity> versions) {
        List<MatchCandidate> candidates = new ArrayList<>();
        Map<String, EntryInfo> info = new HashMap<>();
        if (versions.isEmpty()) {
            return new Rows(candidates, info);
        }
        Map<UUID, ListVersionEntity> byId = new HashMap<>();
        versions.forEach(v -> byId.put(v.id, v));
        String sql = ROWS + "(" + String.join(", ", Collections.nCopies(byId.size(), "?")) + ")";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int p = 1;
            for (UUID id : byId.keySet()) {
                s.setObject(p++, id);
            }
            s.setFetchSize(1000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String id = r.getObject(1, UUID.class).toString();
                    ListVersionEntity v = byId.get(r.getObject(2, UUID.class));
                    candidates.add(new MatchCandidate(v.source, id, r.getString(6), aliases(r.getString(7)),
                            r.getString(5), countries(r.getString(9)), strings(r.getString(8))));
                    info.put(id, new EntryInfo(v.source, r.getString(3), r.getString(4), v.id.toString(), r.getBoolean(10)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the entries of the lists in force: " + e.getMessage(), e);
        }
        return new Rows(candidates, Map.copyOf(info));
    }

    /** Alias names, leaving out those the list itself calls weak (OFAC "weak a.k.a."). */
    private List<String> aliases(String json) {
        List<String> names = new ArrayList<>();
        try {
            for (JsonNode a : mapper.readTree(json)) {
                if (!a.path("weak").asBoolean(false) && a.hasNonNull("name")) {
                    names.add(a.get("name").asText());
                }
            }
        } catch (JsonProcessingException e) {
            LOG.warnf("unreadable aliases %s", json);
        }
        return names;
    }

    private Set<String> countries(String json) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : strings(json)) {
            if (c.length() == 2) {
                out.add(c.toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    private List<String> strings(String json) {
        try {
            return mapper.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
