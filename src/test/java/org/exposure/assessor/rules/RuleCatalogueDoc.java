package org.exposure.assessor.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.exposure.assessor.testsupport.Engines;

/**
 * The rule catalogue tables of docs/rules.md: read by {@link RuleCatalogueDocTest}, and rewritten from the rules by
 * {@link #main} so that nobody has to copy metadata by hand. A catalogue table is any table whose header begins with
 * the columns of {@link #COLUMNS}; the cells after them (what makes a rule fire, how its severity rises) are prose and
 * are kept as they are.
 */
final class RuleCatalogueDoc {
    static final Path DOC = Path.of("docs", "rules.md");
    static final List<String> COLUMNS = List.of("id", "severity", "title", "legal basis");

    private static final Pattern SEPARATOR = Pattern.compile("^\\|[\\s:|-]+\\|$");
    private static final Pattern UNESCAPED_BAR = Pattern.compile("(?<!\\\\)\\|");

    /** One row of a catalogue table: the four compared cells and the prose cell after them; {@code line} is 1-based. */
    record Row(int line, String id, String severity, String title, String legalBasis, String rest) {
    }

    private RuleCatalogueDoc() {
    }

    static List<Row> read(Path doc) throws IOException {
        return parse(Files.readAllLines(doc, StandardCharsets.UTF_8));
    }

    /** Every row of every catalogue table, in the order of the document. */
    static List<Row> parse(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (!line.startsWith("|")) {
                inTable = false;
            } else if (isHeader(line)) {
                inTable = true;
            } else if (inTable && !SEPARATOR.matcher(line).matches()) {
                List<String> c = cells(line);
                while (c.size() < COLUMNS.size() + 1) {
                    c.add("");
                }
                rows.add(new Row(i + 1, c.get(0), c.get(1), c.get(2), c.get(3), c.get(COLUMNS.size())));
            }
        }
        return rows;
    }

    static boolean isHeader(String line) {
        if (!line.trim().startsWith("|")) {
            return false;
        }
        List<String> c = cells(line.trim());
        return c.size() >= COLUMNS.size() && c.subList(0, COLUMNS.size()).equals(COLUMNS);
    }

    /** The cells of a table row, trimmed, with {@code \|} read as a bar inside a cell. */
    static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
        List<String> out = new ArrayList<>();
        for (String cell : UNESCAPED_BAR.split(inner, -1)) {
            out.add(cell.replace("\\|", "|").trim());
        }
        return out;
    }

    /** What differs between the rules and the catalogue, one sentence each; empty when they agree. */
    static List<String> problems(List<RuleDefinition> rules, List<Row> rows) {
        List<String> out = new ArrayList<>();
        if (rows.isEmpty()) {
            out.add(DOC + " holds no table whose header begins with " + String.join(" | ", COLUMNS));
            return out;
        }
        Map<String, RuleDefinition> byId = new LinkedHashMap<>();
        rules.forEach(r -> byId.put(r.id(), r));
        Set<String> documented = new LinkedHashSet<>();
        for (Row row : rows) {
            String at = DOC + ":" + row.line() + " " + row.id();
            if (!documented.add(row.id())) {
                out.add(at + " is listed twice");
                continue;
            }
            RuleDefinition rule = byId.get(row.id());
            if (rule == null) {
                out.add(at + " is not a rule of the ruleset");
                continue;
            }
            String where = rule.file() + ":" + rule.line();
            compare(out, at, "severity", row.severity(), rule.severity() == null ? null : rule.severity().name(), where);
            compare(out, at, "title", row.title(), rule.title(), where);
            compare(out, at, "legal basis", row.legalBasis(), rule.legalBasis(), where);
        }
        byId.values().stream()
                .filter(r -> !documented.contains(r.id()))
                .forEach(r -> out.add(r.id() + " (" + r.file() + ":" + r.line() + ") is missing from " + DOC));
        return out;
    }

    private static void compare(List<String> out, String at, String what, String documented, String actual,
                                String where) {
        if (!documented.equals(actual)) {
            out.add(at + ": " + what + " is \"" + documented + "\" in the document, \"" + actual + "\" in " + where);
        }
    }

    /** The document with each catalogue table's rows rewritten from the rules; prose cells kept by id. */
    static List<String> rewrite(List<String> lines, List<RuleDefinition> rules) {
        Map<String, String> prose = new HashMap<>();
        parse(lines).forEach(r -> prose.put(r.id(), r.rest()));
        Map<String, String> fileOf = new HashMap<>();
        rules.forEach(r -> fileOf.put(r.id(), r.file()));
        Set<String> written = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add(lines.get(i));
            if (!isHeader(lines.get(i))) {
                continue;
            }
            int end = i + 1;
            String file = null;
            while (end < lines.size() && lines.get(end).trim().startsWith("|")) {
                String line = lines.get(end).trim();
                if (file == null && !SEPARATOR.matcher(line).matches()) {
                    file = fileOf.get(cells(line).get(0));
                }
                end++;
            }
            out.add("|" + "---|".repeat(cells(lines.get(i).trim()).size()));
            String tableFile = file;
            rules.stream().filter(r -> r.file().equals(tableFile)).sorted(Comparator.comparingInt(RuleDefinition::line))
                    .forEach(r -> {
                        out.add(row(r, prose.getOrDefault(r.id(), "")));
                        written.add(r.id());
                    });
            i = end - 1;
        }
        rules.stream().filter(r -> !written.contains(r.id())).map(RuleDefinition::file).distinct().forEach(file -> {
            out.add("");
            out.add("Rules of `" + file + "`:");
            out.add("");
            out.add("| " + String.join(" | ", COLUMNS) + " | fires when |");
            out.add("|" + "---|".repeat(COLUMNS.size() + 1));
            rules.stream().filter(r -> r.file().equals(file)).sorted(Comparator.comparingInt(RuleDefinition::line))
                    .forEach(r -> out.add(row(r, "")));
        });
        return out;
    }

    private static String row(RuleDefinition r, String prose) {
        List<String> c = List.of(r.id(), r.severity().name(), r.title(), r.legalBasis(), prose);
        return "| " + String.join(" | ", c.stream().map(s -> s.replace("|", "\\|")).toList()) + " |";
    }

    /** Rewrites the catalogue tables of docs/rules.md from the project's rules/; run from the project root. */
    public static void main(String[] args) throws IOException {
        List<RuleDefinition> rules = Engines.project().rules();
        List<String> lines = Files.exists(DOC) ? Files.readAllLines(DOC, StandardCharsets.UTF_8) : List.of();
        Files.write(DOC, rewrite(lines, rules), StandardCharsets.UTF_8);
        System.out.println("Wrote " + rules.size() + " rules to " + DOC);
    }
}
