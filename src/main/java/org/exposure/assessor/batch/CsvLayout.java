package org.exposure.assessor.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.exposure.assessor.intake.FieldError;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The flat CSV layout for the common case: {@code ref,type,name,aliases,country,region,hsCode,destinationCountry}.
 * A header row names the columns, in any order, and may leave out any but {@code type}. Aliases are separated by
 * {@code ;}. On a SUPPLIER row, hsCode and destinationCountry describe one export; a BANK row has neither. The
 * nested parts of suppliers and banks (owners, payments, correspondents) are for JSON Lines.
 */
public final class CsvLayout {
    public static final List<String> COLUMNS = List.of("ref", "type", "name", "aliases", "country", "region", "hsCode",
            "destinationCountry");
    private static final Map<String, String> BY_FOLDED = new LinkedHashMap<>();

    static {
        COLUMNS.forEach(c -> BY_FOLDED.put(c.toLowerCase(Locale.ROOT), c));
    }

    private final List<String> header;

    private CsvLayout(List<String> header) {
        this.header = header;
    }

    /** The layout of a header row, or the errors that make it unusable (unknown, repeated or missing columns). */
    public static CsvLayout of(List<String> headerRow, List<FieldError> errors) {
        List<String> header = new ArrayList<>();
        for (int i = 0; i < headerRow.size(); i++) {
            String raw = headerRow.get(i) == null ? "" : headerRow.get(i).strip();
            if (i == 0 && raw.startsWith("\uFEFF")) {
                raw = raw.substring(1);
            }
            String column = BY_FOLDED.get(raw.toLowerCase(Locale.ROOT));
            if (column == null) {
                errors.add(new FieldError("header[" + i + "]", "unknown column \"" + raw + "\": the columns are "
                        + String.join(",", COLUMNS)));
            } else if (header.contains(column)) {
                errors.add(new FieldError("header[" + i + "]", "repeats the column " + column));
            }
            header.add(column);
        }
        if (!header.contains("type")) {
            errors.add(new FieldError("header", "has no \"type\" column (GOODS, SUPPLIER or BANK on each row)"));
        }
        return errors.isEmpty() ? new CsvLayout(List.copyOf(header)) : null;
    }

    public static CsvLayout of(List<String> header) {
        List<FieldError> errors = new ArrayList<>();
        CsvLayout layout = of(header, errors);
        if (layout == null) {
            throw new IllegalArgumentException(errors.toString());
        }
        return layout;
    }

    public List<String> header() {
        return header;
    }

    /** The record's ref cell, if any: a rejected row is still reported with its ref. */
    public String ref(List<String> values) {
        int i = header.indexOf("ref");
        return i >= 0 && i < values.size() && values.get(i) != null && !values.get(i).isBlank() ? values.get(i).strip() : null;
    }

    /** The subject's JSON for one record, or the errors of a record that cannot be one. */
    public ObjectNode toJson(List<String> values, List<FieldError> errors) {
        if (values.size() > header.size()) {
            errors.add(new FieldError("(row)", "has " + values.size() + " values; the header has " + header.size() + " columns"));
            return null;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i) == null ? "" : values.get(i).strip();
            if (!v.isEmpty()) {
                cells.put(header.get(i), v);
            }
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode node = f.objectNode();
        String type = cells.get("type");
        if (type != null) {
            node.put("type", type.toUpperCase(Locale.ROOT));
        }
        for (String column : List.of("ref", "name", "country", "region")) {
            if (cells.containsKey(column)) {
                node.put(column, cells.get(column));
            }
        }
        if (cells.containsKey("aliases")) {
            ArrayNode aliases = node.putArray("aliases");
            for (String alias : cells.get("aliases").split(";")) {
                if (!alias.isBlank()) {
                    aliases.add(alias.strip());
                }
            }
        }
        String hs = cells.get("hsCode");
        String destination = cells.get("destinationCountry");
        String kind = type == null ? "" : type.toUpperCase(Locale.ROOT);
        switch (kind) {
            case "GOODS" -> {
                if (hs != null) {
                    node.put("hsCode", hs);
                }
                if (destination != null) {
                    node.put("destinationCountry", destination);
                }
            }
            case "SUPPLIER" -> {
                if (hs != null || destination != null) {
                    ObjectNode export = node.putArray("exports").addObject();
                    if (hs != null) {
                        export.put("hsCode", hs);
                    }
                    if (destination != null) {
                        export.put("destinationCountry", destination);
                    }
                }
            }
            case "BANK" -> {
                if (hs != null) {
                    errors.add(new FieldError("hsCode", "is not a column of a BANK row"));
                }
                if (destination != null) {
                    errors.add(new FieldError("destinationCountry", "is not a column of a BANK row"));
                }
            }
            default -> {
                // Validation reports the missing or unknown type with the same words as the JSON API.
            }
        }
        return errors.isEmpty() ? node : null;
    }

    /** A JSON path of the subject as the CSV column it came from: exports[0].hsCode is the hsCode column. */
    public static String column(String jsonPath) {
        if (jsonPath.startsWith("exports[0].")) {
            return jsonPath.substring("exports[0].".length());
        }
        if (jsonPath.startsWith("aliases[")) {
            return "aliases";
        }
        return jsonPath;
    }
}
