package org.exposure.assessor.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exposure.assessor.api.dto.AssessmentView;
import org.exposure.assessor.api.dto.FiredRuleView;
import org.exposure.assessor.api.dto.WarningView;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A stored assessment as people read it: each fired rule with the part of the subject it came from, a list match
 * with its names, score and the features behind the score, an ownership chain as a tree with direct and effective
 * stakes, and every other fact the rule saw in words rather than JSON. Built from the API's own view of the
 * assessment, so the page shows exactly what the API returns.
 */
public final class AssessmentDisplay {
    private static final Pattern PART = Pattern.compile("([A-Za-z]+)\\[(\\d+)]");
    private static final Map<String, String> PARTS = Map.of("exports", "Export", "payments", "Payment",
            "correspondents", "Correspondent", "owners", "Owner");
    /** Evidence keys shown in their own blocks, or saying nothing a person needs. */
    private static final Set<String> SHOWN_APART = Set.of("path", "match", "blockedOwners", "role");

    private AssessmentDisplay() {
    }

    public record Fact(String label, String value) {
    }

    public record Feature(String feature, String value, String contribution, String detail) {
    }

    /** A list match as a rule saw it. */
    public record MatchBlock(String role, String name, String list, String entryId, String primaryName, String matchedName,
                             String score, String programs, boolean secondaryRisk, List<Feature> features) {
    }

    /** An owner found blocked in a chain, as the ownership rule saw it. */
    public record BlockedOwner(String name, String part, String share, String because) {
    }

    public record Ownership(String blockedPercent, String threshold, List<BlockedOwner> owners) {
    }

    public record RuleCard(String ruleId, String title, String severity, String legalBasis, String explanation,
                           String remediation, String part, List<Fact> source, MatchBlock match, Ownership ownership,
                           List<Fact> evidence) {
    }

    /** One owner in the ownership tree; depth 0 owns the subject directly. */
    public record OwnerRow(int depth, String indent, String part, String name, String country, String share,
                           String effective, String stated, String listed, boolean flagged) {
    }

    public record MatchRow(String id, String part, String name, String source, String entryId, String matchedName,
                           String score, String severity, String state) {
    }

    public record VersionRow(String source, String versionId, String published, String imported, String age,
                             String ageToday, boolean stale) {
    }

    public record Table(String title, List<String> columns, List<List<String>> rows) {
    }

    public record RuleGroup(String heading, List<RuleCard> cards) {
    }

    public record Display(String id, String title, String kind, String ref, String riskLevel, String assessedAt,
                          String submittedBy, List<RuleCard> subjectRules, List<RuleCard> partRules,
                          List<WarningView> warnings, List<Fact> subjectFacts, List<Table> parts, List<OwnerRow> owners,
                          List<MatchRow> matches, String screening, List<Fact> screeningFacts, List<VersionRow> lists,
                          String rulesetVersion, String supersedes) {
        public boolean clear() {
            return subjectRules.isEmpty() && partRules.isEmpty();
        }

        public int ruleCount() {
            return subjectRules.size() + partRules.size();
        }

        /** The fired rules in two groups: about the subject itself, and through one of its parts. */
        public List<RuleGroup> groups() {
            List<RuleGroup> groups = new ArrayList<>();
            if (!subjectRules.isEmpty()) {
                groups.add(new RuleGroup("About the subject", subjectRules));
            }
            if (!partRules.isEmpty()) {
                groups.add(new RuleGroup("Through its parts (exports, payments, correspondents, owners)", partRules));
            }
            return groups;
        }
    }

    public static Display of(AssessmentView a, ObjectMapper mapper) {
        JsonNode subject = a.subject();
        Map<String, String> listed = listedParts(a.matches());
        List<RuleCard> own = a.firedRules().stream().map(r -> card(r, subject, mapper)).toList();
        List<RuleCard> through = a.firedThrough().stream().map(r -> card(r, subject, mapper)).toList();
        String name = subject.path("name").asText("");
        String kind = subject.path("type").asText("");
        String title = !name.isBlank() ? name
                : "GOODS".equals(kind) ? "HS " + hs(subject.path("hsCode").asText("")) + " to " + subject.path("destinationCountry").asText("?")
                : "(no name)";
        List<Fact> facts = new ArrayList<>();
        List<Table> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = subject.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            JsonNode v = f.getValue();
            if (key.equals("type") || key.equals("owners")) {
                continue;
            }
            if (v.isArray() && !v.isEmpty() && v.get(0).isObject()) {
                parts.add(table(key, v));
            } else if (v.isObject()) {
                flatten(SubjectForms.label(key), v, facts);
            } else {
                facts.add(new Fact(SubjectForms.label(key), text(key, v)));
            }
        }
        List<OwnerRow> owners = new ArrayList<>();
        ownerRows(subject.path("owners"), "owners", 0, BigDecimal.ONE, listed, owners);
        List<MatchRow> matches = new ArrayList<>();
        if (a.matches() != null) {
            for (JsonNode m : a.matches()) {
                matches.add(new MatchRow(m.path("id").asText(), partLabel(m.path("path").asText("subject")),
                        m.path("name").asText(), m.path("source").asText(), m.path("entryId").asText(),
                        m.path("matchedName").asText(), score(m.path("score")), m.path("severity").asText(), matchState(m)));
            }
        }
        List<Fact> screening = new ArrayList<>();
        String status = "Not recorded";
        if (a.screening() != null) {
            status = WebFormats.sentence(a.screening().path("status").asText("UNKNOWN"));
            screening.add(new Fact("Names screened", a.screening().path("names").asText("0")));
            screening.add(new Fact("Lists used", join(a.screening().path("sources"))));
            if (a.screening().has("missingSources") && !a.screening().path("missingSources").isEmpty()) {
                screening.add(new Fact("Lists not in force", join(a.screening().path("missingSources"))));
            }
            if (a.screening().has("staleSources") && !a.screening().path("staleSources").isEmpty()) {
                screening.add(new Fact("Lists out of date", join(a.screening().path("staleSources"))));
            }
        }
        List<VersionRow> lists = new ArrayList<>();
        long sinceAssessed = java.time.Duration.between(a.assessedAt(), Instant.now()).toDays();
        if (a.listVersions() != null) {
            for (JsonNode v : a.listVersions()) {
                lists.add(new VersionRow(v.path("source").asText(), v.path("versionId").asText(),
                        v.hasNonNull("publishedAt") ? day(v.path("publishedAt").asText()) : "not given",
                        when(v.path("importedAt").asText()), days(v.path("ageDays")),
                        v.path("ageDays").isNumber() ? days(v.path("ageDays").asLong() + sinceAssessed) : "",
                        v.path("stale").asBoolean()));
            }
        }
        return new Display(a.id().toString(), title, WebFormats.sentence(kind), a.ref(), a.riskLevel().name(),
                PageText.time(a.assessedAt()), a.submittedBy(), own, through, a.warnings(), facts, parts, owners, matches,
                status, screening, lists, a.rulesetVersion(), a.supersedes() == null ? null : a.supersedes().toString());
    }

    private static RuleCard card(FiredRuleView r, JsonNode subject, ObjectMapper mapper) {
        Map<String, Object> evidence = r.evidence() == null ? Map.of() : r.evidence();
        String path = String.valueOf(evidence.getOrDefault("path", "subject"));
        List<Fact> source = new ArrayList<>();
        if (!path.equals("subject") && !path.equals("owners")) {
            JsonNode part = at(subject, path);
            if (part != null && part.isObject()) {
                flatten("", part, source);
            }
        }
        MatchBlock match = null;
        if (evidence.get("match") instanceof Map<?, ?> m) {
            JsonNode node = mapper.valueToTree(m);
            List<Feature> features = new ArrayList<>();
            for (JsonNode f : node.path("features")) {
                features.add(new Feature(f.path("feature").asText(), number(f.path("value")), number(f.path("contribution")),
                        f.path("detail").asText()));
            }
            match = new MatchBlock(WebFormats.sentence(String.valueOf(evidence.getOrDefault("role", ""))),
                    String.valueOf(evidence.getOrDefault("name", "")), node.path("list").asText(),
                    node.path("entryId").asText(), node.path("primaryName").asText(), node.path("matchedName").asText(),
                    score(node.path("score")), join(node.path("programs")), node.path("secondarySanctionsRisk").asBoolean(),
                    features);
        }
        Ownership ownership = null;
        if (evidence.get("blockedOwners") instanceof List<?> blocked) {
            List<BlockedOwner> owners = new ArrayList<>();
            for (Object o : blocked) {
                JsonNode n = mapper.valueToTree(o);
                owners.add(new BlockedOwner(n.path("name").asText(), partLabel(n.path("path").asText()),
                        percent(n.path("sharePercent")), n.path("blockedBecause").asText()));
            }
            ownership = new Ownership(percent(mapper.valueToTree(evidence.get("blockedPercent"))),
                    percent(mapper.valueToTree(evidence.get("threshold"))), owners);
        }
        List<Fact> facts = new ArrayList<>();
        for (Map.Entry<String, Object> e : evidence.entrySet()) {
            if (SHOWN_APART.contains(e.getKey()) || (match != null && e.getKey().equals("name"))
                    || (ownership != null && (e.getKey().equals("blockedPercent") || e.getKey().equals("threshold")))) {
                continue;
            }
            JsonNode v = mapper.valueToTree(e.getValue());
            if (v.isObject()) {
                flatten(SubjectForms.label(e.getKey()), v, facts);
            } else {
                facts.add(new Fact(SubjectForms.label(e.getKey()), text(e.getKey(), v)));
            }
        }
        // What the part itself says is shown once, as where the finding came from.
        facts.removeAll(source);
        return new RuleCard(r.ruleId(), r.title(), r.severity().name(), r.legalBasis(), r.explanation(), r.remediation(),
                partLabel(path), source, match, ownership, facts);
    }

    /** The owners as a tree: each with its direct share and the share it holds through the chain above it. */
    private static void ownerRows(JsonNode owners, String path, int depth, BigDecimal above, Map<String, String> listed,
                                  List<OwnerRow> out) {
        if (!owners.isArray()) {
            return;
        }
        for (int i = 0; i < owners.size(); i++) {
            JsonNode o = owners.get(i);
            String part = path + "[" + i + "]";
            BigDecimal share = o.path("sharePercent").isNumber() ? o.path("sharePercent").decimalValue() : null;
            BigDecimal effective = share == null ? null : above.multiply(share);
            String stated = o.path("sanctioned").isBoolean() ? (o.path("sanctioned").asBoolean() ? "stated blocked" : "stated not blocked") : "";
            String list = listed.getOrDefault(part, "");
            out.add(new OwnerRow(depth, String.format(Locale.ROOT, "%.1frem", depth * 1.6), partLabel(part),
                    o.path("name").asText(), o.path("country").asText(""), share == null ? "" : plain(share) + " %",
                    effective == null ? "" : plain(effective.round(new MathContext(6, RoundingMode.HALF_EVEN))) + " %",
                    stated, list, !list.isEmpty() || o.path("sanctioned").asBoolean(false)));
            ownerRows(o.path("owners"), part + ".owners", depth + 1,
                    share == null ? BigDecimal.ZERO : above.multiply(share).divide(BigDecimal.valueOf(100)), listed, out);
        }
    }

    /** For each part with a list match: which list entries it matched. */
    private static Map<String, String> listedParts(JsonNode matches) {
        Map<String, Set<String>> by = new HashMap<>();
        if (matches != null) {
            for (JsonNode m : matches) {
                if (m.hasNonNull("dismissal")) {
                    continue;
                }
                by.computeIfAbsent(m.path("path").asText(), k -> new LinkedHashSet<>())
                        .add(m.path("source").asText() + " " + m.path("entryId").asText() + " (" + m.path("matchedName").asText() + ")");
            }
        }
        Map<String, String> out = new HashMap<>();
        by.forEach((k, v) -> out.put(k, "listed: " + String.join("; ", v)));
        return out;
    }

    private static String matchState(JsonNode m) {
        if (m.hasNonNull("dismissal")) {
            JsonNode d = m.path("dismissal");
            return "dismissed as a false positive" + (d.hasNonNull("decidedBy") ? " by " + d.path("decidedBy").asText() : "")
                    + (d.hasNonNull("expiresAt") ? " until " + day(d.path("expiresAt").asText()) : "");
        }
        if (m.hasNonNull("reopened")) {
            return "counts again: " + m.path("reopened").asText();
        }
        return "counts";
    }

    private static Table table(String key, JsonNode rows) {
        List<String> columns = new ArrayList<>();
        List<Map<String, String>> flat = new ArrayList<>();
        for (JsonNode row : rows) {
            List<Fact> facts = new ArrayList<>();
            flatten("", row, facts);
            Map<String, String> m = new LinkedHashMap<>();
            for (Fact f : facts) {
                m.put(f.label(), f.value());
                if (!columns.contains(f.label())) {
                    columns.add(f.label());
                }
            }
            flat.add(m);
        }
        List<List<String>> out = new ArrayList<>();
        int i = 1;
        for (Map<String, String> m : flat) {
            List<String> cells = new ArrayList<>();
            cells.add(String.valueOf(i++));
            columns.forEach(c -> cells.add(m.getOrDefault(c, "")));
            out.add(cells);
        }
        List<String> header = new ArrayList<>();
        header.add("#");
        header.addAll(columns);
        return new Table(SubjectForms.label(key), header, out);
    }

    /** Nested objects as "Consignee name", "Consignee country"...: read by people, never shown as JSON. */
    private static void flatten(String prefix, JsonNode node, List<Fact> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String label = prefix.isEmpty() ? SubjectForms.label(f.getKey()) : prefix + " " + SubjectForms.label(f.getKey()).toLowerCase(Locale.ROOT);
            if (f.getValue().isObject()) {
                flatten(label, f.getValue(), out);
            } else if (f.getValue().isArray() && !f.getValue().isEmpty() && f.getValue().get(0).isObject()) {
                out.add(new Fact(label, f.getValue().size() + " " + (f.getValue().size() == 1 ? "entry" : "entries")));
            } else {
                out.add(new Fact(label, text(f.getKey(), f.getValue())));
            }
        }
    }

    private static String text(String key, JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "yes" : "no";
        }
        if (v.isNumber()) {
            return key.toLowerCase(Locale.ROOT).contains("percent") ? percent(v) : plain(v.decimalValue());
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : v) {
                items.add(item.isObject() ? summary(item) : partLabel(text(key, item)));
            }
            return String.join(", ", items);
        }
        String s = v.asText();
        String k = key.toLowerCase(Locale.ROOT);
        if (k.contains("hscode")) {
            return hs(s);
        }
        if (k.contains("country") && s.matches("[A-Z]{2}")) {
            String name = new Locale("", s).getDisplayCountry(Locale.ENGLISH);
            return name.isEmpty() || name.equals(s) ? s : name + " (" + s + ")";
        }
        if (s.matches("[A-Z][A-Z]+(_[A-Z]+)+")) {
            return WebFormats.spaced(s); // FREIGHT_FORWARDER → freight forwarder
        }
        return s.matches("[A-Za-z]+\\[\\d+](\\.[A-Za-z]+\\[\\d+])*") ? partLabel(s) : s;
    }

    private static String summary(JsonNode object) {
        List<Fact> facts = new ArrayList<>();
        flatten("", object, facts);
        List<String> parts = new ArrayList<>();
        facts.forEach(f -> parts.add(f.label().toLowerCase(Locale.ROOT) + " " + f.value()));
        return String.join("; ", parts);
    }

    /** "exports[2]" → "Export 3", "owners[0].owners[1]" → "Owner 1 › owner 2"; anything else as it is. */
    static String partLabel(String path) {
        if (path == null || path.isEmpty() || path.equals("subject")) {
            return "The subject";
        }
        if (path.equals("owners")) {
            return "The ownership";
        }
        Matcher m = PART.matcher(path);
        List<String> parts = new ArrayList<>();
        int end = 0;
        while (m.find()) {
            if (m.start() != end && m.start() != end + 1) {
                return path;
            }
            String name = PARTS.getOrDefault(m.group(1), WebFormats.sentence(m.group(1)));
            parts.add((parts.isEmpty() ? name : name.toLowerCase(Locale.ROOT)) + " " + (Integer.parseInt(m.group(2)) + 1));
            end = m.end();
        }
        return parts.isEmpty() || end != path.length() ? path : String.join(" › ", parts);
    }

    private static JsonNode at(JsonNode subject, String path) {
        JsonNode node = subject;
        for (String segment : path.split("\\.")) {
            Matcher m = PART.matcher(segment);
            if (m.matches()) {
                node = node.path(m.group(1)).path(Integer.parseInt(m.group(2)));
            } else {
                node = node.path(segment);
            }
        }
        return node.isMissingNode() ? null : node;
    }

    private static String join(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(i -> items.add(i.asText()));
        return String.join(", ", items);
    }

    private static String score(JsonNode v) {
        return v.isNumber() ? String.format(Locale.ROOT, "%.3f", v.asDouble()) : "";
    }

    private static String number(JsonNode v) {
        return v.isNumber() ? String.format(Locale.ROOT, "%.3f", v.asDouble()) : v.asText("");
    }

    private static String percent(JsonNode v) {
        return v != null && v.isNumber() ? plain(v.decimalValue()) + " %" : "";
    }

    private static String plain(BigDecimal d) {
        String s = d.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static String hs(String code) {
        return code.matches("\\d{6}") ? code.substring(0, 4) + "." + code.substring(4) : code;
    }

    private static String day(String iso) {
        return iso.length() >= 10 ? iso.substring(0, 10) : iso;
    }

    private static String when(String iso) {
        try {
            return PageText.time(Instant.parse(iso));
        } catch (RuntimeException e) {
            return iso;
        }
    }

    private static String days(JsonNode ageDays) {
        return ageDays.isNumber() ? days(ageDays.asLong()) : "";
    }

    private static String days(long d) {
        return d == 1 ? "1 day" : d + " days";
    }
}
