package org.exposure.assessor.rulesets;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.exposure.assessor.rules.RulesetProblem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The examples compliance officers write beside the rules: {@code examples/*.yaml} in a rule folder, each file a
 * list of cases with a subject (the JSON body of one assessment, written as YAML), an optional day of assessment and
 * the rule ids that must fire and must stay silent. Read here; {@link ExampleRunner} runs them.
 * <p>
 * The examples give the rules no list matches: the rules that need a party to be on a sanctions list are pinned by
 * the Java tests, not here.
 */
public final class Examples {
    /** An example file: a YAML file in a folder named examples, anywhere under the ruleset's root. */
    private static final Pattern FILE = Pattern.compile("(.+/)?examples/[^/]+\\.ya?ml");
    private static final Set<String> KEYS = Set.of("name", "subject", "assessedOn", "mustFire", "mustNotFire");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Examples() {
    }

    /**
     * One example as written. {@code file} is prefixed rules/ as every message of the service names a ruleset file;
     * {@code line} is where the example begins.
     */
    public record Example(String file, int line, String name, JsonNode subject, LocalDate assessedOn,
                          List<String> mustFire, List<String> mustNotFire) {
        /** How a message names it: the file, the line and the name. */
        String label() {
            return "example \"" + name + "\"";
        }
    }

    /** What the example files of a ruleset hold: the examples that read, and a problem for each that does not. */
    public record Read(List<Example> examples, List<RulesetProblem> problems) {
    }

    public static boolean isExampleFile(String path) {
        return FILE.matcher(path).matches();
    }

    /** Every example of the ruleset's files (path from the root to content), in path order. */
    public static Read read(Map<String, String> files) {
        List<Example> examples = new ArrayList<>();
        List<RulesetProblem> problems = new ArrayList<>();
        new TreeMap<>(files).forEach((path, content) -> {
            if (isExampleFile(path)) {
                readFile("rules/" + path, content, examples, problems);
            }
        });
        return new Read(examples, problems);
    }

    private static void readFile(String file, String content, List<Example> examples, List<RulesetProblem> problems) {
        try (JsonParser parser = YAML.getFactory().createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(problem(file, null, "is empty: it should hold a list of examples"));
                return;
            }
            if (first != JsonToken.START_ARRAY) {
                problems.add(problem(file, line(parser), "must be a list of examples (\"- name: ...\"), not a "
                        + describe(first)));
                return;
            }
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int line = line(parser);
                JsonNode node = YAML.readTree(parser);
                example(file, line, index++, node, examples, problems);
            }
        } catch (IOException e) {
            // The YAML does not parse: its parser says where.
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            Integer line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? j.getLocation().getLineNr() : null;
            problems.add(problem(file, line, "is not valid YAML: " + message));
        }
    }

    private static void example(String file, int line, int index, JsonNode node, List<Example> examples,
                                List<RulesetProblem> problems) {
        if (node == null || !node.isObject()) {
            problems.add(problem(file, line, "example " + (index + 1) + " must be a mapping with name, subject, "
                    + "mustFire and mustNotFire"));
            return;
        }
        String name = node.path("name").isTextual() && !node.get("name").asText().isBlank()
                ? node.get("name").asText().strip() : null;
        String label = name == null ? "example " + (index + 1) : "example \"" + name + "\"";
        List<String> errors = new ArrayList<>();
        if (name == null) {
            errors.add("name: is required (a short text naming the case)");
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                errors.add(key + ": is not a key of an example (name, subject, assessedOn, mustFire, mustNotFire)");
            }
        });
        JsonNode subject = node.get("subject");
        if (subject == null || !subject.isObject()) {
            errors.add("subject: is required: the JSON body of one assessment, as YAML");
        }
        LocalDate assessedOn = null;
        JsonNode on = node.get("assessedOn");
        if (on != null && !on.isNull()) {
            try {
                assessedOn = LocalDate.parse(on.asText());
            } catch (DateTimeParseException e) {
                errors.add("assessedOn: must be a date as 2024-05-01, got " + on.asText());
            }
        }
        List<String> mustFire = ids(node, "mustFire", errors);
        List<String> mustNotFire = ids(node, "mustNotFire", errors);
        if (mustFire.isEmpty() && mustNotFire.isEmpty() && errors.isEmpty()) {
            errors.add("mustFire, mustNotFire: name at least one rule id, else the example checks nothing");
        }
        for (String id : mustFire) {
            if (mustNotFire.contains(id)) {
                errors.add("mustNotFire: " + id + " is also in mustFire");
            }
        }
        if (!errors.isEmpty()) {
            errors.forEach(e -> problems.add(problem(file, line, label + ": " + e)));
            return;
        }
        examples.add(new Example(file, line, name, subject, assessedOn, mustFire, mustNotFire));
    }

    private static List<String> ids(JsonNode example, String key, List<String> errors) {
        JsonNode list = example.get(key);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            errors.add(key + ": must be a list of rule ids, as [GOODS-CHPL-T1]");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode id : list) {
            if (!id.isTextual() || id.asText().isBlank()) {
                errors.add(key + ": every entry must be a rule id, got " + id);
            } else {
                out.add(id.asText().strip());
            }
        }
        return out;
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "mapping";
            case VALUE_STRING -> "text";
            default -> "single value";
        };
    }

    static RulesetProblem problem(String file, Integer line, String message) {
        return new RulesetProblem(RulesetProblem.Kind.EXAMPLE, file, line, message);
    }
}
