package org.exposure.assessor.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.exposure.assessor.rules.ListMatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/**
 * The content hash of a list entry, to which a false-positive dismissal is bound: when a later list version changes
 * what the entry says (a name, an alias, a programme, a remark, an identifier, an address country, the entity type),
 * the hash changes and the dismissal no longer applies. What does not change the meaning does not change the hash:
 * the order of aliases or programmes, the key order of the stored JSON, the version the entry sits in, the original
 * record's formatting.
 *
 * <p>The hash is SHA-256 (hex) over the fields below, each as canonical JSON (object keys sorted, array elements
 * sorted by their canonical text), separated by a NUL character: source, entry id, entity type, sublist, primary
 * name, aliases, programmes, countries, identifiers, remarks, datasets, secondary-sanctions flag. A version's
 * entries never change once stored, so a hash is computed once per entry and version.
 */
@ApplicationScoped
public class EntryHashes {
    private static final int CACHE_LIMIT = 100_000;
    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private final DataSource dataSource;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    EntryHashes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The content hash of the entry a match names. */
    public String of(ListMatch m) {
        if (m.isTransactionBan()) {
            // A row of the ruleset's own reference file: its content is what the match carries.
            return hash(List.of(m.source(), m.entryId(), nz(m.list()), nz(m.primaryName()),
                    canonical(CANONICAL.valueToTree(m.programs()))));
        }
        String key = m.versionId() + "\u0000" + m.entryId();
        String known = cache.get(key);
        if (known != null) {
            return known;
        }
        String computed = read(m.source(), UUID.fromString(m.versionId()), m.entryId());
        if (cache.size() >= CACHE_LIMIT) {
            // Versions go out of force and their entries with them; starting afresh is simpler than an LRU here.
            cache.clear();
        }
        cache.put(key, computed);
        return computed;
    }

    private String read(String source, UUID versionId, String entryId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT entity_type, "
                + "list_name, primary_name, aliases_json, programs_json, countries_json, identifiers_json, remarks_json, "
                + "datasets_json, secondary_sanctions_risk FROM list_entry WHERE version_id = ? AND entry_id = ?")) {
            ps.setObject(1, versionId);
            ps.setString(2, entryId);
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("list entry " + source + " " + entryId + " of version " + versionId
                            + " is not stored");
                }
                List<String> fields = new ArrayList<>();
                fields.add(source);
                fields.add(entryId);
                fields.add(nz(r.getString(1)));
                fields.add(nz(r.getString(2)));
                fields.add(nz(r.getString(3)));
                for (int col = 4; col <= 9; col++) {
                    fields.add(canonicalJson(r.getString(col)));
                }
                fields.add(Boolean.toString(r.getBoolean(10)));
                return hash(fields);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read list entry " + source + " " + entryId + ": " + e.getMessage(), e);
        }
    }

    static String canonicalJson(String json) {
        if (json == null) {
            return "";
        }
        try {
            return canonical(CANONICAL.readTree(json));
        } catch (JsonProcessingException e) {
            // Stored by ListStore, so always JSON; if not, the text itself is the content.
            return json;
        }
    }

    static String canonical(JsonNode node) {
        return sorted(node).toString();
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String n : names) {
                out.set(n, sorted(node.get(n)));
            }
            return out;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                items.add(sorted(it.next()));
            }
            items.sort((a, b) -> a.toString().compareTo(b.toString()));
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            items.forEach(out::add);
            return out;
        }
        return node;
    }

    static String hash(List<String> fields) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    sha.update((byte) 0);
                }
                sha.update(fields.get(i).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
