package org.exposure.assessor.web;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.domain.SubjectType;
import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.dto.BankDto;
import org.exposure.assessor.intake.dto.GoodsDto;
import org.exposure.assessor.intake.dto.SupplierDto;
import org.exposure.assessor.intake.validation.CountryCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The new-assessment forms, derived from the API's own subject types: every field a client may send is a field of
 * the form, named by its JSON path ({@code owners[0].owners[1].sharePercent}), so that the API's validation, run
 * on the JSON the form makes, names the very input to mark. Nested parts (exports, payments, correspondents,
 * owners of owners at any depth) are rows added and removed by the server, which keeps the form usable without
 * scripts and the row numbers in step with the error paths.
 */
public final class SubjectForms {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?");
    private static final Map<Class<?>, List<Spec>> SPECS = new ConcurrentHashMap<>();
    /** At most this many rows in one list of the form: far beyond a form's use, and a bound on a posted form. */
    static final int MAX_ROWS = 200;

    /** Labels people read where the field's name alone would not say it. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("ref", "Your reference"), Map.entry("hsCode", "HS code"), Map.entry("hsCodes", "HS codes"),
            Map.entry("dualUseCode", "Dual-use control entry"), Map.entry("sharePercent", "Share (%)"),
            Map.entry("russiaPaymentShare", "Russia-related share of payments (0 to 1)"),
            Map.entry("usCorrespondentAccess", "US correspondent access"),
            Map.entry("connectedToSpfs", "Connected to SPFS"), Map.entry("amountUsd", "Amount (USD)"),
            Map.entry("valueUsd", "Value (USD)"), Map.entry("endUseStatement", "End-use statement obtained"),
            Map.entry("noReexportClause", "No-re-export-to-Russia clause"),
            Map.entry("lineOfBusiness", "Line of business (HS chapters)"), Map.entry("bic", "BIC (SWIFT code)"),
            Map.entry("sanctioned", "Stated as blocked"), Map.entry("endUser", "End user"),
            Map.entry("internationalExposure", "International exposure"), Map.entry("date", "Date"),
            Map.entry("residentialAddress", "Residential address"), Map.entry("incorporatedOn", "Incorporated on"),
            // evidence keys of the rules, shown on the assessment page
            Map.entry("chplTier", "CHPL tier"), Map.entry("chplLabel", "CHPL category"),
            Map.entry("chplExports", "Exports of CHPL goods"), Map.entry("blockedPercent", "Blocked share"),
            Map.entry("lawApplied", "Law applied"), Map.entry("ffiCountry", "FFI country"));
    /** How one row of a list is called. */
    private static final Map<String, String> ROW = Map.of("owners", "Owner", "exports", "Export", "payments", "Payment",
            "correspondents", "Correspondent");

    private SubjectForms() {
    }

    /** What a field of the form is, from its type in the API's subject records. */
    enum Kind { TEXT, LONG_TEXT, NUMBER, DATE, BOOL, ENUM, COUNTRY, LINES, GROUP, LIST }

    record Spec(String name, Kind kind, Class<?> type, boolean required, String help) {
        String label() {
            return SubjectForms.label(name);
        }
    }

    public static Class<?> recordOf(SubjectType kind) {
        return switch (kind) {
            case BANK -> BankDto.class;
            case SUPPLIER -> SupplierDto.class;
            case GOODS -> GoodsDto.class;
        };
    }

    static List<Spec> specs(Class<?> record) {
        return SPECS.computeIfAbsent(record, SubjectForms::readSpecs);
    }

    private static List<Spec> readSpecs(Class<?> record) {
        List<Spec> specs = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals("type")) {
                continue; // set by the form's kind
            }
            Field field;
            try {
                field = record.getDeclaredField(c.getName());
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
            Schema schema = field.getAnnotation(Schema.class);
            boolean required = field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class);
            String help = schema == null ? "" : firstSentence(schema.description());
            Class<?> type = c.getType();
            Kind kind;
            Class<?> of = type;
            if (type == String.class) {
                kind = field.isAnnotationPresent(CountryCode.class) ? Kind.COUNTRY
                        : c.getName().equals("description") ? Kind.LONG_TEXT : Kind.TEXT;
            } else if (type == BigDecimal.class || type == Integer.class || type == Double.class) {
                kind = Kind.NUMBER;
            } else if (type == Boolean.class) {
                kind = Kind.BOOL;
            } else if (type == LocalDate.class) {
                kind = Kind.DATE;
            } else if (type.isEnum()) {
                kind = Kind.ENUM;
            } else if (type.isRecord()) {
                kind = Kind.GROUP;
            } else if (List.class.isAssignableFrom(type)) {
                Type element = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                Class<?> elementClass = (Class<?>) (element instanceof ParameterizedType p ? p.getRawType() : element);
                of = elementClass;
                kind = elementClass.isRecord() ? Kind.LIST : Kind.LINES;
            } else {
                throw new IllegalStateException("no form field for " + type + " (" + record.getSimpleName() + "." + c.getName() + ")");
            }
            specs.add(new Spec(c.getName(), kind, of, required, help));
        }
        return List.copyOf(specs);
    }

    // ---- From the posted form to the subject's JSON -------------------------------------------------------

    /**
     * The subject's JSON from the form's fields. With {@code compact}, blank fields, empty rows and empty groups are
     * left out, as a client would leave them out; without, empty rows stay (a row just added).
     */
    public static ObjectNode read(Class<?> record, Map<String, List<String>> form, boolean compact) {
        return read(record, "", form, compact, new ArrayList<>());
    }

    /**
     * As {@link #read(Class, Map, boolean)}, compact, with a value that cannot be what its field takes (text in a
     * number) reported in {@code errors} in the API's words and left out, so that the API's validation of the
     * rest is reported with it: a person sees every mistake at once, not one kind at a time.
     */
    public static ObjectNode read(Class<?> record, Map<String, List<String>> form, List<FieldError> errors) {
        return read(record, "", form, true, errors);
    }

    private static ObjectNode read(Class<?> record, String prefix, Map<String, List<String>> form, boolean compact,
                                   List<FieldError> errors) {
        ObjectNode node = JSON.objectNode();
        for (Spec s : specs(record)) {
            String path = prefix + s.name();
            switch (s.kind()) {
                case GROUP -> {
                    ObjectNode group = read(s.type(), path + ".", form, compact, errors);
                    if (!group.isEmpty()) {
                        node.set(s.name(), group);
                    }
                }
                case LIST -> {
                    ArrayNode rows = JSON.arrayNode();
                    for (int i : indices(form, path)) {
                        ObjectNode row = read(s.type(), path + "[" + i + "].", form, compact, errors);
                        if (!(compact && row.isEmpty())) {
                            rows.add(row);
                        }
                    }
                    if (!rows.isEmpty() || (!compact && form.containsKey(path + "[]"))) {
                        node.set(s.name(), rows);
                    }
                }
                case LINES -> {
                    ArrayNode lines = JSON.arrayNode();
                    value(form, path).ifPresent(text -> text.lines().map(String::strip).filter(l -> !l.isEmpty())
                            .forEach(lines::add));
                    if (!lines.isEmpty()) {
                        node.set(s.name(), lines);
                    }
                }
                case NUMBER -> value(form, path).ifPresent(v -> {
                    JsonNode n = number(v);
                    if (n.isNumber() || !compact) {
                        node.set(s.name(), n);
                    } else {
                        errors.add(new FieldError(path, "cannot be \"" + v + "\": expected a number"));
                    }
                });
                case BOOL -> value(form, path).ifPresent(v -> node.set(s.name(), switch (v) {
                    case "true" -> JSON.booleanNode(true);
                    case "false" -> JSON.booleanNode(false);
                    default -> JSON.textNode(v); // the API then says what it expects
                }));
                case COUNTRY -> value(form, path).ifPresent(v -> node.put(s.name(), v.toUpperCase(Locale.ROOT)));
                default -> value(form, path).ifPresent(v -> node.put(s.name(), v));
            }
        }
        return node;
    }

    /** A number as the API reads it; text that is not one stays text, for the API to name the field. */
    private static JsonNode number(String v) {
        try {
            return JSON.numberNode(new BigDecimal(v));
        } catch (NumberFormatException e) {
            return JSON.textNode(v);
        }
    }

    private static Optional<String> value(Map<String, List<String>> form, String path) {
        List<String> values = form.get(path);
        if (values == null || values.isEmpty() || values.get(0) == null) {
            return Optional.empty();
        }
        String v = values.get(0).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** The row numbers the form has for the list at {@code path}, in order. */
    private static TreeSet<Integer> indices(Map<String, List<String>> form, String path) {
        TreeSet<Integer> found = new TreeSet<>();
        String start = path + "[";
        for (String name : form.keySet()) {
            if (name.startsWith(start)) {
                int end = name.indexOf(']', start.length());
                if (end > start.length() && end - start.length() <= 4) {
                    try {
                        int i = Integer.parseInt(name.substring(start.length(), end));
                        if (i < MAX_ROWS) {
                            found.add(i);
                        }
                    } catch (NumberFormatException ignored) {
                        // not a row of this list
                    }
                }
            }
        }
        return found;
    }

    /** Adds an empty row to the list at {@code path} (e.g. {@code owners[0].owners}); false if there is none. */
    public static boolean addRow(Class<?> record, ObjectNode subject, String path) {
        Optional<Located> at = locate(record, subject, path);
        if (at.isEmpty() || at.get().spec().kind() != Kind.LIST) {
            return false;
        }
        JsonNode existing = at.get().parent().get(at.get().spec().name());
        ArrayNode rows = existing instanceof ArrayNode a ? a : at.get().parent().putArray(at.get().spec().name());
        if (rows.size() >= MAX_ROWS) {
            return false;
        }
        rows.addObject();
        return true;
    }

    /** Removes the row at {@code path} (e.g. {@code exports[1]}); false if there is none. */
    public static boolean removeRow(Class<?> record, ObjectNode subject, String path) {
        Matcher m = Pattern.compile("(.*)\\[(\\d+)]$").matcher(path);
        if (!m.matches()) {
            return false;
        }
        Optional<Located> at = locate(record, subject, m.group(1));
        if (at.isEmpty() || at.get().spec().kind() != Kind.LIST
                || !(at.get().parent().get(at.get().spec().name()) instanceof ArrayNode rows)) {
            return false;
        }
        int i = Integer.parseInt(m.group(2));
        if (i >= rows.size()) {
            return false;
        }
        rows.remove(i);
        return true;
    }

    private record Located(ObjectNode parent, Spec spec) {
    }

    /** The object holding the field a path names, and the field's spec, following rows and groups. */
    private static Optional<Located> locate(Class<?> record, ObjectNode subject, String path) {
        String[] segments = path.split("\\.");
        ObjectNode node = subject;
        Class<?> type = record;
        for (int k = 0; k < segments.length; k++) {
            Matcher m = SEGMENT.matcher(segments[k]);
            if (!m.matches()) {
                return Optional.empty();
            }
            String name = m.group(1);
            Optional<Spec> spec = specs(type).stream().filter(s -> s.name().equals(name)).findFirst();
            if (spec.isEmpty()) {
                return Optional.empty();
            }
            if (k == segments.length - 1 && m.group(2) == null) {
                return Optional.of(new Located(node, spec.get()));
            }
            JsonNode next = node.get(name);
            if (m.group(2) != null) {
                if (!(next instanceof ArrayNode rows) || Integer.parseInt(m.group(2)) >= rows.size()
                        || !(rows.get(Integer.parseInt(m.group(2))) instanceof ObjectNode row)) {
                    return Optional.empty();
                }
                next = row;
            } else if (spec.get().kind() == Kind.GROUP && next == null) {
                next = node.putObject(name);
            }
            if (!(next instanceof ObjectNode object)) {
                return Optional.empty();
            }
            node = object;
            type = spec.get().type();
        }
        return Optional.empty();
    }

    // ---- From the subject's JSON and the errors to what the page shows --------------------------------------

    /** One choice of a select. */
    public record Option(String value, String label, boolean selected) {
    }

    /**
     * One line of the form, in document order: an input, or the opening or closing of a group of inputs (a part
     * such as the consignee, a list such as the owners, or one row of a list), or a button adding or removing a
     * row. A flat sequence renders nested parts at any depth without recursion in the template.
     */
    public record Item(String kind, String id, String name, String label, String help, String input, String value,
                       List<Option> options, boolean required, String error, int depth, String action) {
        public boolean isField() {
            return kind.equals("field");
        }

        public boolean isOpen() {
            return kind.equals("open");
        }

        public boolean isClose() {
            return kind.equals("close");
        }

        public boolean isAdd() {
            return kind.equals("add");
        }

        /** Names and one-per-line lists get two columns: they are the longest values people type. */
        public boolean isDouble() {
            return "textarea".equals(input) || "name".equals(name) || (name != null && name.endsWith(".name"));
        }
    }

    /** An error for the summary above the form: the field as people call it, what is wrong, and its input's id. */
    public record ErrorLine(String field, String message, String anchor) {
    }

    /** "owners[0].owners[1].sharePercent" → "Owner 1 › owner 2 › Share (%)". */
    static String errorLabel(String path) {
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("\\.")) {
            Matcher m = SEGMENT.matcher(segment);
            if (!m.matches()) {
                return path;
            }
            if (m.group(2) != null && ROW.containsKey(m.group(1))) {
                String row = ROW.get(m.group(1));
                parts.add((parts.isEmpty() ? row : row.toLowerCase(Locale.ROOT)) + " " + (Integer.parseInt(m.group(2)) + 1));
            } else if (m.group(2) != null) {
                parts.add(label(m.group(1)) + " (line " + (Integer.parseInt(m.group(2)) + 1) + ")");
            } else {
                parts.add(label(m.group(1)));
            }
        }
        return String.join(" › ", parts);
    }

    public record View(List<Item> items, List<ErrorLine> errors) {
    }

    public static View view(Class<?> record, JsonNode subject, List<FieldError> errors) {
        Map<String, List<String>> byPath = new LinkedHashMap<>();
        for (FieldError e : errors) {
            byPath.computeIfAbsent(e.field(), k -> new ArrayList<>()).add(e.message());
        }
        List<Item> items = new ArrayList<>();
        Map<String, String> anchors = new LinkedHashMap<>();
        items(record, subject, "", 0, byPath, anchors, items);
        List<ErrorLine> lines = new ArrayList<>();
        for (FieldError e : errors) {
            lines.add(new ErrorLine(errorLabel(e.field()), e.message(), anchors.get(e.field())));
        }
        return new View(items, lines);
    }

    private static void items(Class<?> record, JsonNode values, String prefix, int depth, Map<String, List<String>> errors,
                              Map<String, String> anchors, List<Item> out) {
        for (Spec s : specs(record)) {
            String path = prefix + s.name();
            String id = id(path);
            JsonNode value = values == null ? null : values.get(s.name());
            List<String> messages = new ArrayList<>(errors.getOrDefault(path, List.of()));
            if (s.kind() == Kind.LINES) {
                // One line of a one-per-line field ("hsCodes[1]") has no input of its own: the field shows it.
                for (Map.Entry<String, List<String>> e : errors.entrySet()) {
                    Matcher line = Pattern.compile(Pattern.quote(path) + "\\[(\\d+)]").matcher(e.getKey());
                    if (line.matches()) {
                        e.getValue().forEach(msg -> messages.add("line " + (Integer.parseInt(line.group(1)) + 1) + ": " + msg));
                        anchors.put(e.getKey(), id);
                    }
                }
            }
            String error = messages.isEmpty() ? null : String.join("; ", messages);
            if (error != null) {
                anchors.put(path, id);
            }
            switch (s.kind()) {
                case GROUP -> {
                    out.add(new Item("open", id, path, s.label(), s.help(), "group", null, List.of(), false, error, depth, null));
                    items(s.type(), value, path + ".", depth + 1, errors, anchors, out);
                    out.add(close(depth));
                }
                case LIST -> {
                    out.add(new Item("open", id, path, s.label(), s.help(), "list", null, List.of(), false, error, depth, null));
                    String row = ROW.getOrDefault(s.name(), "Row");
                    if (value instanceof ArrayNode rows) {
                        for (int i = 0; i < rows.size(); i++) {
                            String rowPath = path + "[" + i + "]";
                            String rowError = errors.containsKey(rowPath) ? String.join("; ", errors.get(rowPath)) : null;
                            if (rowError != null) {
                                anchors.put(rowPath, id(rowPath));
                            }
                            String caption = row + " " + (i + 1) + caption(rows.get(i));
                            // The row's button says which row it removes ("Remove owner 2"), for a screen reader too.
                            String remove = "Remove " + row.toLowerCase(Locale.ROOT) + " " + (i + 1);
                            out.add(new Item("open", id(rowPath), rowPath, caption, null, "row", remove, List.of(), false,
                                    rowError, depth + 1, rowPath));
                            items(s.type(), rows.get(i), rowPath + ".", depth + 2, errors, anchors, out);
                            out.add(close(depth + 1));
                        }
                    }
                    String owner = prefix.isEmpty() ? "" : " of " + errorLabel(prefix.substring(0, prefix.length() - 1)).toLowerCase(Locale.ROOT);
                    out.add(new Item("add", id + "-add", path, "Add " + article(row) + " " + row.toLowerCase(Locale.ROOT) + owner,
                            null, null, null, List.of(), false, null, depth, path));
                    out.add(close(depth));
                }
                default -> out.add(field(s, path, id, value, error, depth));
            }
        }
    }

    private static Item field(Spec s, String path, String id, JsonNode value, String error, int depth) {
        String text = value == null || value.isNull() ? "" : switch (s.kind()) {
            case NUMBER -> value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
            case LINES -> {
                StringBuilder b = new StringBuilder();
                value.forEach(v -> b.append(b.isEmpty() ? "" : "\n").append(v.asText()));
                yield b.toString();
            }
            default -> value.asText();
        };
        List<Option> options = List.of();
        String input = switch (s.kind()) {
            case NUMBER -> "number";
            case DATE -> "date";
            case LONG_TEXT, LINES -> "textarea";
            case COUNTRY -> "country";
            case BOOL -> {
                options = List.of(new Option("", "Unknown", text.isEmpty()), new Option("true", "Yes", text.equals("true")),
                        new Option("false", "No", text.equals("false")));
                yield "select";
            }
            case ENUM -> {
                List<Option> o = new ArrayList<>();
                o.add(new Option("", s.required() ? "Choose…" : "Unknown", text.isEmpty()));
                for (Object c : s.type().getEnumConstants()) {
                    String name = ((Enum<?>) c).name();
                    o.add(new Option(name, WebFormats.sentence(name), name.equals(text)));
                }
                options = List.copyOf(o);
                yield "select";
            }
            default -> "text";
        };
        String help = s.kind() == Kind.LINES ? (s.help().isEmpty() ? "One per line." : s.help() + " One per line.") : s.help();
        return new Item("field", id, path, s.label(), help, input, text, options, s.required(), error, depth, null);
    }

    private static Item close(int depth) {
        return new Item("close", null, null, null, null, null, null, List.of(), false, null, depth, null);
    }

    /** "Owner 2 — Ivan Petrov": the row's name, when it has one, so that rows deep in a chain can be told apart. */
    private static String caption(JsonNode row) {
        String name = row.path("name").asText("");
        if (name.isBlank()) {
            name = row.path("hsCode").asText("");
        }
        return name.isBlank() ? "" : " — " + name;
    }


    private static String article(String word) {
        return "AEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    /** The label of a field (or of a rule's evidence key) for people. */
    static String label(String key) {
        return LABELS.getOrDefault(key, words(key));
    }

    static String id(String path) {
        return "f-" + path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    /** "destinationCountry" → "Destination country". */
    static String words(String camel) {
        String spaced = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String firstSentence(String description) {
        if (description == null || description.isBlank()) {
            return "";
        }
        Matcher m = Pattern.compile("^(.+?[.;])(\\s|$)").matcher(description.strip());
        String first = m.find() ? m.group(1) : description.strip();
        return first.endsWith(";") ? first.substring(0, first.length() - 1) + "." : first;
    }

    /** The country codes with their English names, for the country inputs' suggestions. */
    public static List<Option> countries() {
        return COUNTRIES;
    }

    private static final List<Option> COUNTRIES = Arrays.stream(Locale.getISOCountries())
            .map(code -> new Option(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH), false))
            .sorted(Comparator.comparing(Option::label)).toList();
}
