package org.exposure.assessor.lists;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a stored list entry says, in a canonical form that two versions of a list can be compared in: the fields a
 * change set names ({@link #FIELDS}), each as a JSON value from which everything cosmetic is taken out. Every text is
 * trimmed and its runs of whitespace made one space; lists (aliases, programmes, identifiers, countries, addresses,
 * remarks, datasets) are sorted; objects have their keys sorted. A publisher that re-orders its records, an entry's
 * aliases or programmes, or re-flows its whitespace thus gives the same content, and the same {@link #hash}.
 *
 * <p>It is computed from the columns as {@link ListStore} stores them (not from the {@link ListEntry} record), so that
 * the hash written at import and the one recomputed later for a version stored before the hash column existed are the
 * same by construction.
 *
 * <p>The original record ({@link ListEntry#evidence()}) is split in two: the addresses, which no adapter keeps as an
 * entry field (each keeps them under its own key: see {@link #isAddress}), and {@code record}, the other fields the
 * adapter read, less those it copied into an entry field already (the name, the aliases, the programmes...; see
 * {@link #isMirror}), which would otherwise report every change twice. A field the adapter repeats (two dates of
 * birth, two addresses) is joined with {@code " | "}; its parts are sorted too, since their order is the file's.
 */
public final class EntryContent {
    /** The fields a change names, in the order they are reported. */
    public static final List<String> FIELDS = List.of("name", "aliases", "type", "programs", "remarks",
            "secondarySanctionsRisk", "identifiers", "countries", "addresses", "list", "datasets", "record");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String REPEATED = " | ";
    private static final Pattern REPEATED_SPLIT = Pattern.compile(" \\| ");
    private static final Pattern CSL_LIST_SPLIT = Pattern.compile(";");

    private EntryContent() {
    }

    /**
     * One entry as {@code list_entry} stores it: the JSON columns as text.
     *
     * @param source the list source id, which says how the original record names its fields
     */
    public record Stored(String source, String name, String type, String listName, String aliasesJson,
                         String programsJson, String countriesJson, String identifiersJson, String remarksJson,
                         String datasetsJson, boolean secondarySanctionsRisk, String originalJson) {
        public Stored {
            Objects.requireNonNull(source, "source");
        }
    }

    /** The canonical value of every field of {@link #FIELDS}, in that order. */
    public static Map<String, JsonNode> fields(Stored e) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        out.put("name", text(e.name()));
        out.put("aliases", canonical(parse(e.aliasesJson())));
        out.put("type", text(e.type()));
        out.put("programs", canonical(parse(e.programsJson())));
        out.put("remarks", canonical(parse(e.remarksJson())));
        out.put("secondarySanctionsRisk", NODES.booleanNode(e.secondarySanctionsRisk()));
        out.put("identifiers", canonical(parse(e.identifiersJson())));
        out.put("countries", canonical(parse(e.countriesJson())));
        JsonNode original = parse(e.originalJson());
        ArrayNode addresses = NODES.arrayNode();
        Map<String, String> record = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            String value = f.getValue().isTextual() ? f.getValue().textValue() : f.getValue().toString();
            if (isAddress(e.source(), key)) {
                for (String part : repeatedParts(value)) {
                    if (ListEntry.US_CSL.equals(e.source())) {
                        // The CSL's addresses column holds every address of the row, ';'-separated.
                        for (String one : CSL_LIST_SPLIT.split(part)) {
                            addIfText(addresses, one);
                        }
                    } else {
                        addIfText(addresses, part);
                    }
                }
            } else if (!isMirror(e.source(), key)) {
                List<String> parts = repeatedParts(value);
                List<String> collapsed = new ArrayList<>(parts.size());
                parts.forEach(p -> collapsed.add(collapse(p)));
                collapsed.sort(null);
                record.put(key, String.join(REPEATED, collapsed));
            }
        }
        out.put("addresses", sortedArray(addresses));
        out.put("list", text(e.listName()));
        out.put("datasets", canonical(parse(e.datasetsJson())));
        ObjectNode rec = NODES.objectNode();
        record.forEach(rec::put);
        out.put("record", rec);
        return out;
    }

    /** SHA-256 (hex) of the canonical content: equal for two entries exactly when {@link #fields} are equal. */
    public static String hash(Stored e) {
        return hash(fields(e));
    }

    /** SHA-256 (hex) of canonical fields as {@link #fields} gives them. */
    public static String hash(Map<String, JsonNode> fields) {
        ObjectNode all = NODES.objectNode();
        fields.forEach(all::set);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(all.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
        }
    }

    /**
     * The original-record keys under which an adapter keeps addresses: OFAC's add.csv rows ({@code add:<add_num>}),
     * the CSL's {@code addresses} column, the UN's {@code ADDRESS}, the EU's {@code address}, the UK's
     * {@code Address} and the FollowTheMoney property {@code address}.
     */
    static boolean isAddress(String source, String key) {
        return switch (source) {
            case ListEntry.OFAC_SDN -> key.startsWith("add:");
            case ListEntry.US_CSL -> key.equals("addresses");
            case ListEntry.UN -> key.equals("ADDRESS");
            case ListEntry.EU_FSF, ListEntry.OPENSANCTIONS -> key.equals("address");
            case ListEntry.UK_SL -> key.equals("Address");
            default -> false;
        };
    }

    /**
     * The original-record keys whose content an adapter copied whole into an entry field, so that a change there is
     * reported by that field alone: the id, the name, the aliases and (OFAC, CSL) the programmes, remarks, type and
     * call sign as the entry fields hold them. Keys an adapter reads only in part (the CSL's {@code ids}, which also
     * carries dates and the gender; the UK's name types) stay in {@code record}.
     */
    static boolean isMirror(String source, String key) {
        return switch (source) {
            case ListEntry.OFAC_SDN -> key.startsWith("alt:") || switch (key) {
                case "ent_num", "name", "type", "programs", "remarks", "call_sign" -> true;
                default -> false;
            };
            case ListEntry.US_CSL -> switch (key) {
                case "_id", "source", "name", "alt_names", "programs" -> true;
                default -> false;
            };
            case ListEntry.UN -> key.equals("DATAID") || key.equals("ALIAS");
            case ListEntry.EU_FSF -> key.equals("nameAlias");
            case ListEntry.OPENSANCTIONS -> key.equals("id") || key.equals("caption");
            default -> false;
        };
    }

    /** Trimmed, with every run of whitespace (line ends, tabs, no-break spaces) as one space. */
    public static String collapse(String s) {
        if (s == null) {
            return null;
        }
        if (isCollapsed(s)) {
            return s; // most values: no copy
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isCollapsed(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == n - 1 || s.charAt(i + 1) == ' ') {
                    return false;
                }
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> repeatedParts(String value) {
        return value.contains(REPEATED) ? List.of(REPEATED_SPLIT.split(value)) : List.of(value);
    }

    private static void addIfText(ArrayNode to, String s) {
        String c = collapse(s);
        if (!c.isEmpty()) {
            to.add(c);
        }
    }

    private static JsonNode text(String s) {
        return s == null ? NODES.nullNode() : NODES.textNode(collapse(s));
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return NODES.nullNode();
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // ListStore writes these columns from Jackson, so this is not expected; the text is then the content.
            return NODES.textNode(json);
        }
    }

    /** Texts collapsed, arrays sorted by their elements' canonical text, object keys sorted; recursively. */
    static JsonNode canonical(JsonNode node) {
        if (node.isTextual()) {
            String t = node.textValue();
            String c = collapse(t);
            return c == t ? node : NODES.textNode(c);
        }
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String n : names) {
                out.set(n, canonical(node.get(n)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode items = NODES.arrayNode();
            node.forEach(item -> items.add(canonical(item)));
            return sortedArray(items);
        }
        return node;
    }

    private static ArrayNode sortedArray(ArrayNode items) {
        if (items.size() < 2) {
            return items;
        }
        List<JsonNode> list = new ArrayList<>(items.size());
        List<String> keys = new ArrayList<>(items.size());
        items.forEach(list::add);
        Integer[] order = new Integer[list.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            keys.add(list.get(i).toString());
        }
        java.util.Arrays.sort(order, (a, b) -> keys.get(a).compareTo(keys.get(b)));
        ArrayNode out = NODES.arrayNode();
        for (Integer i : order) {
            out.add(list.get(i));
        }
        return out;
    }
}
