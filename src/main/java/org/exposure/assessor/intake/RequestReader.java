package org.exposure.assessor.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exposure.assessor.intake.dto.SubjectDto;
import org.exposure.assessor.intake.dto.SupplierDto;
import org.exposure.assessor.intake.validation.IdentifierChecks;
import org.exposure.assessor.intake.validation.OwnershipChecks;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

/**
 * Reads and validates subjects, turning every defect into a field error with the field's path. Binding errors
 * (wrong type, unknown kind, unknown field) and constraint violations are reported the same way, so a client sees
 * one list of what to fix.
 */
@ApplicationScoped
public class RequestReader {
    private static final Set<String> KINDS = Set.of("GOODS", "SUPPLIER", "BANK");
    private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '([^']*)'");

    private final ObjectMapper mapper;
    private final Validator validator;

    public RequestReader(ObjectMapper mapper, Validator validator) {
        this.mapper = strict(mapper);
        this.validator = validator;
    }

    /**
     * The service's mapper without Jackson's coercions, for binding subjects: a number where a string, a date or a
     * code is expected is a client's mistake, not "20240101" or 20240101 days after 1970; a string is not a number
     * or true/false; an enum is named, not numbered.
     */
    static ObjectMapper strict(ObjectMapper base) {
        ObjectMapper strict = base.copy();
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType number : List.of(LogicalType.Float, LogicalType.Integer)) {
            strict.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Enum)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        strict.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // Not lenient: a number is not a count of days since 1970, and a date carries no time of day.
        strict.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        return strict;
    }

    /** The subject bound from {@code node}, or null with the errors added to {@code errors} under {@code prefix}. */
    public SubjectDto read(JsonNode node, String prefix, List<FieldError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(new FieldError(prefix == null || prefix.isEmpty() ? "(body)" : prefix,
                    "must be a JSON object with a \"type\" of GOODS, SUPPLIER or BANK"));
            return null;
        }
        JsonNode type = node.get("type");
        if (type == null || type.isNull()) {
            errors.add(new FieldError(join(prefix, "type"), "is required: one of GOODS, SUPPLIER, BANK"));
            return null;
        }
        if (!type.isTextual() || !KINDS.contains(type.asText())) {
            errors.add(new FieldError(join(prefix, "type"), "unknown subject type " + type + ": expected GOODS, SUPPLIER or BANK"));
            return null;
        }
        List<FieldError> numbers = new ArrayList<>();
        Numbers.check(node, prefix, numbers);
        if (!numbers.isEmpty()) {
            errors.addAll(numbers);
            return null;
        }
        SubjectDto dto;
        try {
            dto = mapper.treeToValue(node, SubjectDto.class);
        } catch (JsonProcessingException e) {
            errors.add(bindingError(prefix, e));
            return null;
        } catch (IllegalArgumentException e) {
            // Jackson's message describes its own workings; the client learns which subject could not be bound.
            errors.add(new FieldError(prefix == null || prefix.isEmpty() ? "(body)" : prefix, "cannot be read as a subject"));
            return null;
        }
        validate(dto, prefix, errors);
        if (dto instanceof SupplierDto supplier) {
            OwnershipChecks.check(supplier.name(), supplier.owners(), prefix, errors);
        }
        IdentifierChecks.check(dto, prefix, errors);
        return dto;
    }

    public void validate(Object dto, String prefix, List<FieldError> errors) {
        List<FieldError> found = new ArrayList<>();
        for (ConstraintViolation<Object> v : validator.validate(dto)) {
            found.add(new FieldError(join(prefix, path(v.getPropertyPath())), v.getMessage()));
        }
        found.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        errors.addAll(found);
    }

    /**
     * Renders a Bean Validation path as the JSON path: owners[0].owners[1].sharePercent. Bean Validation puts the
     * index of a list element on the node that follows the list (the element's property, or a
     * {@code <list element>} node for a constraint on the element itself), so the index is written before that
     * node's name.
     */
    private static String path(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                out.append('[').append(node.getKey()).append(']');
            }
            String name = node.getName();
            boolean element = name == null || name.startsWith("<");
            if (!element) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(name);
            }
        }
        return out.toString();
    }

    public static FieldError bindingError(String prefix, JsonProcessingException e) {
        // Databind wraps a parser limit hit inside an object (the batch) in a mapping exception; report the limit.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException limit) {
                e = limit;
                break;
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse && !(cause instanceof StreamConstraintsException)) {
                return parseError(prefix, parse);
            }
        }
        String field = e instanceof MismatchedInputException m ? JsonPaths.of(prefix, m.getPath()) : prefix;
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            field = JsonPaths.of(prefix, u.getPath());
            message = "unknown field \"" + u.getPropertyName() + "\"";
        } else if (e instanceof InvalidTypeIdException) {
            message = "unknown or missing subject type: expected GOODS, SUPPLIER or BANK";
        } else if (e instanceof InvalidFormatException f) {
            message = "cannot be " + describe(f.getValue()) + ": expected " + expected(f.getTargetType());
        } else if (e instanceof StreamConstraintsException) {
            field = prefix;
            // Jackson names its own configuration class in this message; keep only the limit.
            message = "is not accepted: " + clean(e.getOriginalMessage());
        } else if (e instanceof MismatchedInputException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Trailing token")) {
            field = prefix;
            message = "is not valid JSON: more content follows the end of the JSON value"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "has the wrong type: expected " + expected(m.getTargetType());
        } else if (e instanceof MismatchedInputException) {
            message = "has the wrong type or shape";
        } else {
            // Whatever else databind reports is about its own workings, not words for a client.
            message = "cannot be read";
        }
        return new FieldError(field == null || field.isEmpty() ? "(body)" : field, message);
    }

    /**
     * A syntax error of the JSON text in the service's words. A field given twice, and NaN or Infinity where a
     * number belongs, name the field (the parser knows where it stood); any other syntax error is the body's, with
     * its line and column.
     */
    public static FieldError parseError(String prefix, JsonParseException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String field = JsonPaths.of(prefix, e.getProcessor() == null ? null : e.getProcessor().getParsingContext());
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        if (original.startsWith("Duplicate")) {
            return new FieldError(field.isEmpty() ? "(body)" : field,
                    "appears twice in the same object" + where + "; give each field once");
        }
        Matcher token = NON_STANDARD.matcher(original);
        if (token.find()) {
            return new FieldError(field.isEmpty() ? "(body)" : field, "is not a number JSON allows (" + token.group(1)
                    + where + "): NaN and Infinity are not accepted; send a decimal number");
        }
        if (original.contains("ALLOW_")) {
            // Jackson suggests a switch of its own (leading zeros, a leading '+' or '.', comments, quotes).
            return new FieldError(field.isEmpty() ? "(body)" : field, "is not valid JSON" + where
                    + ": write numbers as JSON does (no leading zeros, '+' or '.'), strings in double quotes, no comments");
        }
        return new FieldError(prefix == null || prefix.isEmpty() ? "(body)" : prefix,
                "is not valid JSON" + where + ": " + clean(original));
    }

    /**
     * Jackson's own message without its internals: the source location it cannot show ("[Source: REDACTED
     * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 13]" becomes "line 1, column 13"),
     * the configuration it names ("from `StreamReadConstraints.getMaxNestingDepth()`") and the Java types it quotes.
     */
    public static String clean(String message) {
        if (message == null) {
            return "";
        }
        return message
                .replaceAll("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
                .replaceAll(",? *from `[^`]*`", "")
                .replaceAll("`(?:[\\w$]+\\.)*([\\w$]+)(?:\\[\\])?`", "$1")
                .replace("`", "");
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    public static String expected(Class<?> type) {
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder("one of ");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                values.append(i == 0 ? "" : ", ").append(constants[i]);
            }
            return values.toString();
        }
        String name = type.getSimpleName();
        return switch (name) {
            case "BigDecimal", "Integer", "int", "Long", "long", "Double", "double" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "LocalDate" -> "a date as YYYY-MM-DD";
            case "String" -> "a string";
            case "List" -> "an array";
            default -> type.isArray() || java.util.Collection.class.isAssignableFrom(type) ? "an array" : "an object";
        };
    }

    private static String join(String prefix, String field) {
        if (prefix == null || prefix.isEmpty()) {
            return field;
        }
        return field.isEmpty() ? prefix : prefix + "." + field;
    }
}
