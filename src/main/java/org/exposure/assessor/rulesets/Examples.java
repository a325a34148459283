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
 * An example may say which parties the screening found on a list ({@code matches}), so that the rules that act on
 * a listed party can be shown too; only what those rules read is given (the party, the list, the entry, the score),
 * not how the matcher would have scored a name.
 */
public final class Examples {
    /** An example file: a YAML file in a folder named examples, anywhere under the ruleset's root. */
    private static final Pattern FILE = Pattern.compile("(.+/)?examples/[^/]+\\.ya?ml");
    private static final Set<String> KEYS = Set.of("name", "subject", "assessedOn", "matches", "mustFire", "mustNotFire");
    private static final Set<String> MATCH_KEYS = Set.of("party", "role", "name", "source", "list", "entryId", "score",
            "programs", "secondarySanctionsRisk");
    private static final Set<String> ROLES = Set.of("SUBJECT", "OWNER", "CORRESPONDENT", "COUNTERPARTY", "CONSIGNEE",
            "END_USER");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Examples() {
    }

    /**
     * One example as written. {@code file} is prefixed rules/ as every message of the service names a ruleset file;
     * {@code line} is where the example begins.
     */
    public record Example(String file, int line, String name, JsonNode subject, LocalDate assessedOn,
                          List<Match> matches, List<String> mustFire, List<String> mustNotFire) {
        /** How a message names it: the file, the line and the name. */
        String label() {
            return "example \"" + name + "\"";
        }
    }

    /**
     * A party the screening found on a list, as the example gives it: {@code party} is where it is in the subject
     * ("subject", "owners[0]", "payments[1].counterparty"), {@code role} what it is there.
     */
    public record Match(String party, String role, String name, String source, String list, String entryId,
                        double score, List<String> programs, boolean secondarySanctionsRisk) {
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
                errors.add(key + ": is not a key of an example (name, subject, assessedOn, matches, mustFire, "
                        + "mustNotFire)");
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
        List<Match> matches = matches(node.get("matches"), errors);
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
        examples.add(new Example(file, line, name, subject, assessedOn, matches, mustFire, mustNotFire));
    }

    private static List<Match> matches(JsonNode list, List<String> errors) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            errors.add("matches: must be a list of matches, each with party, role, name, source and entryId");
            return List.of();
        }
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            String at = "matches[" + i + "]";
            if (!m.isObject()) {
                errors.add(at + ": must be a mapping with party, role, name, source and entryId");
                continue;
            }
            int before = errors.size();
            m.fieldNames().forEachRemaining(key -> {
                if (!MATCH_KEYS.contains(key)) {
                    errors.add(at + "." + key + ": is not a key of a match (party, role, name, source, list, entryId, "
                            + "score, programs, secondarySanctionsRisk)");
                }
            });
            String role = text(m, "role");
            if (role == null || !ROLES.contains(role)) {
                errors.add(at + ".role: must be one of " + String.join(", ", new java.util.TreeSet<>(ROLES)));
            }
            String party = text(m, "party");
            if (party == null && "SUBJECT".equals(role)) {
                party = "subject";
            } else if (party == null) {
                errors.add(at + ".party: is required for a party other than the subject, e.g. owners[0]");
            }
            for (String key : List.of("name", "source", "entryId")) {
                if (text(m, key) == null) {
                    errors.add(at + "." + key + ": is required");
                }
            }
            double score = 1.0;
            if (m.has("score")) {
                if (!m.get("score").isNumber() || m.get("score").asDouble() < 0 || m.get("score").asDouble() > 1) {
                    errors.add(at + ".score: must be a number from 0 to 1");
                } else {
                    score = m.get("score").asDouble();
                }
            }
            List<String> programs = new ArrayList<>();
            if (m.has("programs")) {
                if (!m.get("programs").isArray()) {
                    errors.add(at + ".programs: must be a list of programme names");
                } else {
                    m.get("programs").forEach(p -> programs.add(p.asText()));
                }
            }
            if (m.has("secondarySanctionsRisk") && !m.get("secondarySanctionsRisk").isBoolean()) {
                errors.add(at + ".secondarySanctionsRisk: must be true or false");
            }
            if (errors.size() == before) {
                out.add(new Match(party, role, text(m, "name"), text(m, "source"), text(m, "list"), text(m, "entryId"),
                        score, List.copyOf(programs), m.path("secondarySanctionsRisk").asBoolean(false)));
            }
        }
        return out;
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
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
