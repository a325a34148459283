package org.exposure.assessor.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.exposure.assessor.intake.dto.SubjectDto;
import org.exposure.assessor.intake.dto.SupplierDto;
import org.exposure.assessor.intake.validation.OwnershipChecks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private final ObjectMapper mapper;
    private final Validator validator;

    public RequestReader(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
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
        SubjectDto dto;
        try {
            dto = mapper.treeToValue(node, SubjectDto.class);
        } catch (JsonProcessingException e) {
            errors.add(bindingError(prefix, e));
            return null;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(prefix, "cannot be read: " + e.getMessage()));
            return null;
        }
        validate(dto, prefix, errors);
        if (dto instanceof SupplierDto supplier) {
            OwnershipChecks.check(supplier.name(), supplier.owners(), prefix, errors);
        }
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
        } else {
            message = "is not valid JSON: " + clean(e.getOriginalMessage());
        }
        return new FieldError(field == null || field.isEmpty() ? "(body)" : field, message);
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
