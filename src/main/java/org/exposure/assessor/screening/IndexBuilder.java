package org.exposure.assessor.screening;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.lists.ListStore;
import org.exposure.assessor.match.Identifiers;
import org.exposure.assessor.match.MatchAttributes;
import org.exposure.assessor.match.MatchCandidate;
import org.exposure.assessor.match.MatchIdentifier;
import org.exposure.assessor.match.NameIndex;
import org.exposure.assessor.match.NameNormalizer;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.exposure.assessor.support.Futures;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Builds the name index over a given set of list versions: how the index is made, not when it is asked for
 * ({@link ScreeningIndex} decides that). It reads with plain JDBC only the columns the matcher needs, where loading
 * {@code ListEntryEntity} through Hibernate also read and managed each entry's original record, identifiers and
 * remarks (the larger part of a row) only to drop them; it keeps one {@link NameNormalizer} for every build, made
 * on a thread of its own as start-up begins; and it begins, as start-up begins, the index over the versions then in
 * force, which is the one asked for at a restart with the same lists (see {@link #prepareEarly}).
 */
@ApplicationScoped
public class IndexBuilder {
    private static final Logger LOG = Logger.getLogger(IndexBuilder.class);

    /**
     * The columns of {@code list_entry} the index needs. The WHERE clause is the one Hibernate sent for the entities
     * ({@code version_id IN (...)}, no ORDER BY), so the database returns the rows in the order it did then: the order
     * of the candidates decides ties between names of equal rank, and so must not change.
     */
    private static final String ROWS = "SELECT id, version_id, entry_id, list_name, entity_type, primary_name, "
            + "aliases_json, programs_json, countries_json, secondary_sanctions_risk, identifiers_json, facts_json "
            + "FROM list_entry "
            + "WHERE version_id IN ";

    /** Keyed by the stored row's id: an entry id alone is not unique (the CSL repeats it once per list). */
    record EntryInfo(String source, String entryId, String list, String versionId, boolean secondarySanctionsRisk) {
    }

    /**
     * An index over some list versions, with what each of its entries is, and where the time of the build went.
     *
     * @param readMillis  reading the rows and their JSON columns
     * @param indexMillis building the {@link NameIndex} (normalising every name, the token and trigram tables)
     * @param prepared    whether it was built ahead, from the start-up event on (see {@link #prepareEarly})
     */
    record Built(NameIndex index, Map<String, EntryInfo> info, long readMillis, long indexMillis, boolean prepared) {
    }

    /** The entries of some versions as the matcher takes them, in the order the database returned them. */
    record Rows(List<MatchCandidate> candidates, Map<String, EntryInfo> info) {
    }

    private final DataSource dataSource;
    private final ListStore store;
    private final AssessorConfig config;
    private final JsonFactory json;
    /**
     * One normaliser for every build. Making it costs about a second of CPU in a fresh JVM (ICU's transliterators,
     * and the Han-to-pinyin table for the Chinese legal forms), so it is made on a thread of its own from the
     * moment this bean is, which {@link #prepareEarly} makes happen as start-up begins: it overlaps the start-up
     * import instead of coming after it.
     */
    private final CompletableFuture<NameNormalizer> normalizer = new CompletableFuture<>();

    IndexBuilder(DataSource dataSource, ObjectMapper mapper, ListStore store, AssessorConfig config) {
        this.dataSource = dataSource;
        this.store = store;
        this.config = config;
        this.json = mapper.getFactory();
        Thread thread = new Thread(() -> {
            try {
                normalizer.complete(new NameNormalizer());
            } catch (Throwable e) {
                normalizer.completeExceptionally(e);
            }
        }, "name-normalizer-init");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * An index being built ahead for the versions that were in force when start-up began. The entries of a version
     * never change once stored, so an index over the same versions is the same whenever it is built; building it
     * from the start-up event on lets it overlap the start-up import (which at a restart finds the same files and
     * changes nothing) and the ruleset compile, instead of beginning after them when the index is asked for.
     */
    private record Prepared(Set<UUID> versions, double threshold, int candidateCap, CompletableFuture<Built> built,
                            AtomicBoolean wanted) {
    }

    private final AtomicReference<Prepared> prepared = new AtomicReference<>();

    /**
     * The first step of the start-up, beside the ruleset compile: begins building the index over the versions in force
     * now, for {@link #build} to take if it is asked for the same versions.
     */
    public void prepareEarly() {
        double threshold = config.lists().match().threshold();
        int candidateCap = config.lists().match().candidateCap();
        List<ListVersionEntity> versions;
        try {
            versions = QuarkusTransaction.requiringNew().call(store::inForce);
        } catch (RuntimeException e) {
            LOG.debugf("no index built ahead: cannot read the versions in force (%s)", e.getMessage());
            return;
        }
        if (versions.isEmpty()) {
            return;
        }
        Prepared p = new Prepared(ids(versions), threshold, candidateCap, new CompletableFuture<>(), new AtomicBoolean(true));
        prepared.set(p);
        Thread thread = new Thread(() -> {
            try {
                p.built().complete(buildNow(versions, threshold, candidateCap, p.wanted(), true));
            } catch (Throwable e) {
                p.built().completeExceptionally(e);
            }
        }, "screening-index-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    private static Set<UUID> ids(List<ListVersionEntity> versions) {
        Set<UUID> ids = new HashSet<>();
        versions.forEach(v -> ids.add(v.id));
        return ids;
    }

    NameNormalizer normalizer() {
        return Futures.join(normalizer);
    }

    /** An index with no entry. */
    NameIndex empty(double threshold, int candidateCap) {
        return NameIndex.build(List.of(), normalizer(), threshold, candidateCap);
    }

    /**
     * The index over every entry of {@code versions}, which must be stored: the one built ahead at start-up if it
     * was for exactly these versions and settings, else built now.
     */
    Built build(List<ListVersionEntity> versions, double threshold, int candidateCap) {
        Prepared p = prepared.getAndSet(null);
        if (p != null) {
            if (p.versions().equals(ids(versions)) && p.threshold() == threshold && p.candidateCap() == candidateCap) {
                try {
                    return p.built().join();
                } catch (CompletionException e) {
                    LOG.warnf("The screening index built ahead at start-up failed (%s); building it again", e.getCause());
                }
            } else {
                // The start-up import put other versions in force: what was built ahead is of no use.
                p.wanted().set(false);
            }
        }
        return buildNow(versions, threshold, candidateCap, new AtomicBoolean(true), false);
    }

    /** Builds the index; stops early, with null, once {@code wanted} is false. */
    private Built buildNow(List<ListVersionEntity> versions, double threshold, int candidateCap, AtomicBoolean wanted,
                           boolean ahead) {
        long start = System.nanoTime();
        Rows rows = read(versions);
        long read = System.nanoTime();
        if (!wanted.get()) {
            return null;
        }
        // Names normalised on every core: most of a build in a fresh JVM, and the index is the same either way.
        NameIndex index = NameIndex.build(rows.candidates(), normalizer(), threshold, candidateCap,
                Runtime.getRuntime().availableProcessors());
        long built = System.nanoTime();
        return new Built(index, rows.info(), (read - start) / 1_000_000, (built - read) / 1_000_000, ahead);
    }

    /** The entries of one version with these entry ids (ids it does not hold are passed over). */
    List<MatchCandidate> read(ListVersionEntity version, Collection<String> entryIds) {
        List<MatchCandidate> candidates = new ArrayList<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(entryIds));
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + 500));
            String sql = ROWS + "(?) AND entry_id IN (" + String.join(", ", Collections.nCopies(part.size(), "?")) + ")";
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, version.id);
                for (int i = 0; i < part.size(); i++) {
                    s.setString(i + 2, part.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        candidates.add(new MatchCandidate(version.source, r.getString(3), r.getString(6),
                                aliases(r.getString(7)), r.getString(5), countries(r.getString(9)),
                                strings(r.getString(8)), withFacts(attributes(r.getString(11)), r.getString(12))));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read entries of list version " + version.id + ": "
                        + e.getMessage(), e);
            }
        }
        return candidates;
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
                            r.getString(5), countries(r.getString(9)), strings(r.getString(8)),
                            withFacts(attributes(r.getString(11)), r.getString(12))));
                    info.put(id, new EntryInfo(v.source, r.getString(3), r.getString(4), v.id.toString(), r.getBoolean(10)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the entries of the lists in force: " + e.getMessage(), e);
        }
        return new Rows(candidates, Map.copyOf(info));
    }

    /*
     * The JSON columns are read with Jackson's streaming parser rather than as trees or bound lists: 30,000 rows with
     * three columns each made Jackson's data-binding code hot in a fresh JVM (in one recorded restart the JIT spent
     * 1.6 s compiling Jackson methods), for arrays of a fixed, simple shape written by ListStore. For arrays the results are those of
     * the data-binding calls the index used before (mapper.readTree / readValue(List<String>)); IndexBuilderTest
     * checks them against those calls.
     */

    /**
     * Alias names, leaving out those the list itself calls weak (OFAC "weak a.k.a."): the {@code name} of each
     * object of the array whose {@code weak} is not true. Unreadable JSON gives none.
     */
    List<String> aliases(String text) {
        List<String> names = new ArrayList<>();
        try (JsonParser p = json.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_ARRAY) {
                if (t != null) {
                    p.skipChildren();
                }
                return List.of();
            }
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                String name = null;
                boolean weak = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if (field.equals("name")) {
                        name = v.isScalarValue() && v != JsonToken.VALUE_NULL ? p.getText() : v == JsonToken.VALUE_NULL ? null : "";
                    } else if (field.equals("weak")) {
                        weak = isTrue(p, v);
                    }
                    p.skipChildren();
                }
                if (!weak && name != null) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            LOG.warnf("unreadable aliases %s", text);
            return List.of();
        }
        return names;
    }

    /** The identifiers of an entry the matcher compares; nothing else known (see {@link #identifiers}). */
    private MatchAttributes attributes(String identifiersJson) {
        List<MatchIdentifier> ids = identifiers(identifiersJson);
        return ids.isEmpty() ? MatchAttributes.NONE : new MatchAttributes(ids, Set.of(), Set.of(), Set.of());
    }

    /**
     * The identifiers of the {@code identifiers_json} column (objects of {@code type}, {@code value} and
     * {@code country}, as ListStore writes them) that the matcher compares, by the kind {@link Identifiers#listed}
     * gives each: the others (web sites, call signs, the lists' own reference numbers) and values failing their kind's
     * check are left out. Duplicates (the same number given twice, as SDN and CSL rows often do) count once.
     * Unreadable JSON gives none.
     */
    List<MatchIdentifier> identifiers(String text) {
        if (text == null || text.length() <= 2) {
            return List.of();
        }
        Set<MatchIdentifier> out = new LinkedHashSet<>();
        try (JsonParser p = json.createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return List.of();
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                String type = null;
                String value = null;
                String country = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    String s = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    switch (field) {
                        case "type" -> type = s;
                        case "value" -> value = s;
                        case "country" -> country = s;
                        default -> p.skipChildren();
                    }
                }
                MatchIdentifier id = Identifiers.listed(type, value, country);
                if (id != null) {
                    out.add(id);
                }
            }
        } catch (IOException e) {
            LOG.warnf("unreadable identifiers %s", text);
            return List.of();
        }
        return List.copyOf(out);
    }

    /**
     * {@code attributes} with the dates of birth, nationalities and cities of the {@code facts_json} column added
     * (its identifiers kept): the column as ListStore writes it, an object of three arrays of strings. A null column
     * (no facts, or a version stored before the column existed) or unreadable JSON adds nothing.
     */
    MatchAttributes withFacts(MatchAttributes attributes, String text) {
        if (text == null) {
            return attributes;
        }
        List<String> birthDates = List.of();
        List<String> nationalities = List.of();
        List<String> cities = List.of();
        try (JsonParser p = json.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return attributes;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "birthDates" -> birthDates = strings(p);
                    case "nationalities" -> nationalities = strings(p);
                    case "cities" -> cities = strings(p);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            LOG.warnf("unreadable facts %s", text);
            return attributes;
        }
        if (birthDates.isEmpty() && nationalities.isEmpty() && cities.isEmpty()) {
            return attributes;
        }
        Set<String> iso = new LinkedHashSet<>();
        nationalities.forEach(n -> iso.add(n.toUpperCase(Locale.ROOT)));
        return new MatchAttributes(attributes.identifiers(), union(attributes.birthDates(), birthDates),
                union(attributes.nationalities(), iso), union(attributes.cities(), cities));
    }

    private static Set<String> union(Set<String> a, Collection<String> b) {
        if (a.isEmpty()) {
            return new LinkedHashSet<>(b);
        }
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }

    /** The strings of the array the parser is at (other scalars as their text); skips anything else. */
    private static List<String> strings(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new IOException("unterminated array");
            }
            if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                out.add(p.getText());
            } else {
                p.skipChildren();
            }
        }
        return out;
    }

    /** As JsonNode.asBoolean(false): true, a non-zero integer, or the text "true". */
    private static boolean isTrue(JsonParser p, JsonToken v) throws IOException {
        return switch (v) {
            case VALUE_TRUE -> true;
            case VALUE_NUMBER_INT -> p.getBigIntegerValue().signum() != 0;
            case VALUE_STRING -> "true".equals(p.getText().trim());
            default -> false;
        };
    }

    private Set<String> countries(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : strings(text)) {
            if (c.length() == 2) {
                out.add(c.toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** An array of strings (scalars taken as their text); anything else, or unreadable JSON, gives none. */
    List<String> strings(String text) {
        List<String> out = new ArrayList<>();
        try (JsonParser p = json.createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return List.of();
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null || !t.isScalarValue() || t == JsonToken.VALUE_NULL) {
                    return List.of();
                }
                out.add(p.getText());
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }
}
