package org.exposure.assessor.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.exposure.assessor.domain.Severity;
import org.exposure.assessor.rules.RuleDefinition;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesInForce;
import org.exposure.assessor.security.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The rule catalogue of the loaded ruleset, and each rule with its metadata and DRL: the rule's own text, and its
 * whole file with the rule marked, since a rule calls the functions and reads the facts its file declares.
 */
@Path("/rules")
@Produces(MediaType.TEXT_HTML)
public class RulesPage {
    /**
     * What the subjects of each folder of the ruleset are (docs/rules.md): the folder is where a rule's facts come
     * from, which the compiled rule does not otherwise say.
     */
    private static final Map<String, String> KINDS = Map.of(
            "goods", "Goods (GOODS subjects and suppliers' exports)",
            "supplier", "Supplier",
            "bank", "Bank",
            "ownership", "Supplier's owners",
            "lists", "Any subject's own name (list matches)");

    private final Pages pages;
    private final RulesInForce rules;

    RulesPage(Pages pages, RulesInForce rules) {
        this.pages = pages;
        this.rules = rules;
    }

    /** A rule as the catalogue shows it. */
    public record RuleRow(String id, String title, String severity, String legalBasis, String folder, String kind,
                          String file, int line) {
    }

    /** A choice of the catalogue's filters. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A line of a DRL file, and whether it belongs to the rule shown. */
    public record DrlLine(int number, String text, boolean here) {
    }

    /** A rule's page. */
    public record RuleDetail(RuleRow rule, String name, String remediation, String source, List<DrlLine> file) {
    }

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance rules(Page page, List<RuleRow> rules, int total, List<Option> kinds,
                                             List<Option> severities, String version, String shortVersion, String origin);

        static native TemplateInstance rule(Page page, RuleDetail detail, String version, String shortVersion);
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    public TemplateInstance rules(@QueryParam("kind") String kind, @QueryParam("severity") String severity) {
        RuleEngine engine = rules.current();
        List<RuleRow> all = engine.rules().stream().map(RulesPage::row)
                .sorted(Comparator.comparing(RuleRow::file).thenComparing(RuleRow::id)).toList();
        String k = kind == null ? "" : kind.strip();
        String s = severity == null ? "" : severity.strip().toUpperCase(Locale.ROOT);
        List<RuleRow> shown = all.stream().filter(r -> k.isEmpty() || r.folder().equals(k))
                .filter(r -> s.isEmpty() || r.severity().equals(s)).toList();
        Map<String, String> kinds = new LinkedHashMap<>();
        all.forEach(r -> kinds.putIfAbsent(r.folder(), r.kind()));
        List<Option> kindOptions = kinds.entrySet().stream()
                .map(e -> new Option(e.getKey(), e.getValue(), e.getKey().equals(k))).toList();
        List<Option> severityOptions = Arrays.stream(Severity.values())
                .map(v -> new Option(v.name(), v.name(), v.name().equals(s))).toList();
        return Templates.rules(pages.page("Rules", "rules"), shown, all.size(), kindOptions, severityOptions,
                engine.version(), shortVersion(engine.version()), engine.origin());
    }

    /** The ruleset's hash as people compare it: its first twelve hex digits. */
    static String shortVersion(String version) {
        String hex = version.startsWith("sha256:") ? version.substring("sha256:".length()) : version;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANALYST)
    public TemplateInstance rule(@PathParam("id") String id) {
        RuleEngine engine = rules.current();
        RuleDefinition r = engine.rule(id).orElseThrow(() -> WebError.notFound("Rule " + id));
        RuleRow row = row(r);
        return Templates.rule(pages.page("Rule " + r.id(), "rules"),
                new RuleDetail(row, r.name(), r.remediation(), r.source(), fileLines(engine, r)), engine.version(),
                shortVersion(engine.version()));
    }

    private static RuleRow row(RuleDefinition r) {
        return new RuleRow(r.id(), r.title(), r.severity() == null ? "—" : r.severity().name(), r.legalBasis(),
                folder(r.file()), kind(r.file()), r.file(), r.line());
    }

    /** The subjects a rule is about, from its folder of the ruleset ("rules/goods/goods.drl"). */
    static String kind(String file) {
        String folder = folder(file);
        return KINDS.getOrDefault(folder, folder.isEmpty() ? "—"
                : folder.substring(0, 1).toUpperCase(Locale.ROOT) + folder.substring(1));
    }

    /** The folder of the ruleset a rule's file is in: "goods" for "rules/goods/goods.drl". */
    static String folder(String file) {
        String[] parts = file.split("/");
        return parts.length >= 3 ? parts[parts.length - 2] : "";
    }

    /** The rule's DRL file line by line, the rule's own lines marked; empty when the file is not known. */
    private static List<DrlLine> fileLines(RuleEngine engine, RuleDefinition r) {
        String path = r.file().startsWith("rules/") ? r.file().substring("rules/".length()) : r.file();
        String text = engine.files().get(path);
        if (text == null || r.line() < 1) {
            return List.of();
        }
        int length = r.source() == null ? 1 : (int) r.source().lines().count();
        String[] lines = text.split("\n", -1);
        List<DrlLine> out = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            out.add(new DrlLine(n, lines[i].replace("\r", ""), n >= r.line() && n < r.line() + length));
        }
        return out;
    }
}
