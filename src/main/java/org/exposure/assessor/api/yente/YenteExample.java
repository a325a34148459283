package org.exposure.assessor.api.yente;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.validation.Codes;
import org.exposure.assessor.screening.ScreeningIndex;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One query of a yente match request (an entity "example": an optional id, an FtM schema and its properties), read
 * into what this matcher takes: the names to screen, the type, the countries and the attributes. What it reads back
 * cleaned is echoed in the response's {@code query}, as yente echoes the entity it built.
 *
 * @param id         the caller's id of the example, echoed; may be null
 * @param schema     the FtM schema as given
 * @param type       the matcher's type for it, or null when the schema says nothing of it (Thing, LegalEntity...)
 * @param names      the names to screen, each on its own
 * @param countries  ISO alpha-2 codes, upper case
 * @param facts      identifiers, dates of birth, nationalities
 * @param properties the properties as read, cleaned (countries in lower-case alpha-2, as FtM writes them)
 */
record YenteExample(String id, String schema, String type, List<String> names, Set<String> countries,
                    ScreeningIndex.Facts facts, Map<String, List<String>> properties) {

    /** The most names one query may hold: each is screened on its own. */
    static final int MAX_NAMES = 50;
    /** The most characters of one property value, as GET /api/v1/screen allows for a name. */
    static final int MAX_VALUE = 500;

    /** FtM schemata the matcher has a type for; any other FtM schema is screened without one. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("Person", "INDIVIDUAL"),
            Map.entry("Company", "ENTITY"),
            Map.entry("Organization", "ENTITY"),
            Map.entry("PublicBody", "ENTITY"),
            Map.entry("Vessel", "VESSEL"),
            Map.entry("Airplane", "AIRCRAFT"));
    /** FtM schemata a match query may name without a type for the matcher. */
    private static final Set<String> UNTYPED = Set.of("Thing", "LegalEntity", "Asset", "Vehicle");

    /** FtM properties that carry an identifier, by the matcher's kind. */
    static final Map<String, String> IDENTIFIERS = Map.ofEntries(
            Map.entry("swiftBic", "BIC"),
            Map.entry("imoNumber", "IMO"),
            Map.entry("innCode", "INN"),
            Map.entry("ogrnCode", "OGRN"),
            Map.entry("leiCode", "LEI"),
            Map.entry("registrationNumber", "REGISTRATION"),
            Map.entry("taxNumber", "TAX_ID"),
            Map.entry("vatCode", "TAX_ID"),
            Map.entry("passportNumber", "PASSPORT"),
            Map.entry("idNumber", "NATIONAL_ID"));
    /** FtM properties holding countries; all are countries the party is tied to, as the matcher takes them. */
    private static final Set<String> COUNTRIES = Set.of("country", "jurisdiction", "nationality", "citizenship",
            "mainCountry", "registrationCountry", "flag", "birthCountry");
    private static final Set<String> NATIONALITIES = Set.of("nationality", "citizenship");
    /** An FtM date as this matcher compares birth dates: a year, a month or a day. */
    private static final Pattern DATE = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");

    /**
     * Country names in English (as FtM also accepts them: "Russia" is read as {@code ru}), upper-cased, to their
     * alpha-2 code; built once.
     */
    private static final Map<String, String> COUNTRY_NAMES = countryNames();

    private static Map<String, String> countryNames() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String code : Locale.getISOCountries()) {
            m.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toUpperCase(Locale.ROOT), code);
        }
        // Short forms lists and clients use that the JDK's English names do not match.
        m.put("RUSSIA", "RU");
        m.put("IRAN", "IR");
        m.put("SYRIA", "SY");
        m.put("NORTH KOREA", "KP");
        m.put("SOUTH KOREA", "KR");
        m.put("VENEZUELA", "VE");
        m.put("UNITED STATES OF AMERICA", "US");
        m.put("USA", "US");
        m.put("UK", "GB");
        return Map.copyOf(m);
    }

    /** The alpha-2 code (upper case) of an FtM country value, or null when it is none. */
    static String country(String value) {
        String v = value.strip();
        if (v.length() == 2 && Codes.isCountry(v)) {
            return Codes.country(v);
        }
        return COUNTRY_NAMES.get(v.toUpperCase(Locale.ROOT));
    }

    /** Whether the matcher can screen an example of this FtM schema, with a type ({@link #TYPES}) or without. */
    static boolean knownSchema(String schema) {
        return TYPES.containsKey(schema) || UNTYPED.contains(schema);
    }

    /**
     * Reads one example; problems are added to {@code errors} with their path ({@code queries.q1.schema}) and the
     * example is then null.
     */
    static YenteExample read(String key, JsonNode node, List<FieldError> errors) {
        String at = "queries." + key;
        int before = errors.size();
        if (node == null || !node.isObject()) {
            errors.add(new FieldError(at, "must be an entity example: {\"schema\": ..., \"properties\": {...}}"));
            return null;
        }
        String id = null;
        JsonNode idNode = node.get("id");
        if (idNode != null && !idNode.isNull()) {
            if (!idNode.isTextual()) {
                errors.add(new FieldError(at + ".id", "must be a string"));
            } else {
                id = idNode.asText();
            }
        }
        JsonNode schemaNode = node.get("schema");
        String schema = null;
        if (schemaNode == null || schemaNode.isNull() || !schemaNode.isTextual() || schemaNode.asText().isBlank()) {
            errors.add(new FieldError(at + ".schema", "is required: an FtM schema such as Person, Company, "
                    + "Organization, LegalEntity, Vessel or Airplane"));
        } else if (!knownSchema(schemaNode.asText().strip())) {
            errors.add(new FieldError(at + ".schema", "must be one of " + new java.util.TreeSet<>(allSchemata())
                    + " (a schema this matcher can screen)"));
        } else {
            schema = schemaNode.asText().strip();
        }
        JsonNode props = node.get("properties");
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (props == null || !props.isObject()) {
            errors.add(new FieldError(at + ".properties", "is required: an object of property name to values"));
        } else {
            props.fields().forEachRemaining(e -> {
                List<String> list = strings(at + ".properties." + e.getKey(), e.getValue(), errors);
                if (!list.isEmpty()) {
                    values.put(e.getKey(), list);
                }
            });
        }
        if (errors.size() > before) {
            return null;
        }
        return interpret(at, id, schema, values, errors);
    }

    private static Set<String> allSchemata() {
        Set<String> s = new LinkedHashSet<>(TYPES.keySet());
        s.addAll(UNTYPED);
        return s;
    }

    /** A property's values: FtM takes one string or a list of strings (nulls and blanks are dropped). */
    private static List<String> strings(String at, JsonNode v, List<FieldError> errors) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isTextual() || v.isNumber()) {
            add(at, v.asText(), out, errors);
        } else if (v.isArray()) {
            for (JsonNode x : v) {
                if (x.isTextual() || x.isNumber()) {
                    add(at, x.asText(), out, errors);
                } else if (!x.isNull()) {
                    errors.add(new FieldError(at, "values must be strings"));
                    return out;
                }
            }
        } else {
            errors.add(new FieldError(at, "must be a string or a list of strings"));
        }
        return out;
    }

    private static void add(String at, String s, List<String> out, List<FieldError> errors) {
        if (s.length() > MAX_VALUE) {
            errors.add(new FieldError(at, "values must be at most " + MAX_VALUE + " characters"));
        } else if (!s.isBlank()) {
            out.add(s.strip());
        }
    }

    private static YenteExample interpret(String at, String id, String schema, Map<String, List<String>> props,
                                          List<FieldError> errors) {
        int before = errors.size();
        String type = TYPES.get(schema);
        // FtM's own rule: a name, else the parts of a person's name joined.
        List<String> names = new ArrayList<>(new LinkedHashSet<>(props.getOrDefault("name", List.of())));
        if (names.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (String p : List.of("firstName", "secondName", "middleName", "fatherName", "lastName")) {
                parts.addAll(props.getOrDefault(p, List.of()));
            }
            if (!parts.isEmpty()) {
                names.add(String.join(" ", parts));
            }
        }
        if (names.isEmpty() && IDENTIFIERS.keySet().stream().anyMatch(p -> !props.getOrDefault(p, List.of()).isEmpty())) {
            // No name but an identifier (a bank by its BIC, a ship by its IMO number): screened by identifiers alone.
            names.add("");
        }
        if (names.isEmpty()) {
            errors.add(new FieldError(at + ".properties.name",
                    "is required (or firstName / lastName for a Person, or an identifier such as swiftBic)"));
            return null;
        }
        if (names.size() > MAX_NAMES) {
            errors.add(new FieldError(at + ".properties.name", "at most " + MAX_NAMES + " names per query"));
            return null;
        }
        Map<String, List<String>> cleaned = new LinkedHashMap<>(props);
        Set<String> countries = new LinkedHashSet<>();
        Set<String> nationalities = new LinkedHashSet<>();
        for (String p : COUNTRIES) {
            List<String> vs = props.get(p);
            if (vs == null) {
                continue;
            }
            List<String> codes = new ArrayList<>();
            for (String v : vs) {
                String c = country(v);
                if (c == null) {
                    errors.add(new FieldError(at + ".properties." + p,
                            "'" + v + "' is not a country: give an ISO 3166-1 alpha-2 code such as ru"));
                    continue;
                }
                codes.add(c.toLowerCase(Locale.ROOT));
                countries.add(c);
                if (NATIONALITIES.contains(p)) {
                    nationalities.add(c);
                }
            }
            cleaned.put(p, codes);
        }
        Set<String> birthDates = new LinkedHashSet<>();
        for (String v : props.getOrDefault("birthDate", List.of())) {
            // A full timestamp's date part is the date; FtM keeps dates at the precision given.
            String d = v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v;
            if (!DATE.matcher(d).matches()) {
                errors.add(new FieldError(at + ".properties.birthDate",
                        "'" + v + "' is not a date: give YYYY, YYYY-MM or YYYY-MM-DD"));
            } else {
                birthDates.add(d);
            }
        }
        Map<String, Set<String>> identifiers = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : IDENTIFIERS.entrySet()) {
            for (String v : props.getOrDefault(e.getKey(), List.of())) {
                // As the matcher compares identifiers: upper case, without spaces or punctuation between the parts.
                String value = v.replaceAll("[\\s\\-./]", "").toUpperCase(Locale.ROOT);
                if (!value.isEmpty()) {
                    identifiers.computeIfAbsent(e.getValue(), k -> new LinkedHashSet<>()).add(value);
                }
            }
        }
        if (errors.size() > before) {
            return null;
        }
        // Persons only: the matcher compares a date of birth and a nationality of people, not of companies.
        boolean person = "INDIVIDUAL".equals(type);
        ScreeningIndex.Facts facts = new ScreeningIndex.Facts(Map.copyOf(identifiers), person ? birthDates : Set.of(),
                person ? nationalities : Set.of(), Set.of());
        return new YenteExample(id, schema, type, List.copyOf(names), Set.copyOf(countries), facts, cleaned);
    }
}
