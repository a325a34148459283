package org.exposure.assessor.rules;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.model.codegen.ExecutableModelProject;
import org.exposure.assessor.domain.BankSubject;
import org.exposure.assessor.domain.Export;
import org.exposure.assessor.domain.Finding;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.Severity;
import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.domain.SupplierSubject;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.kie.internal.io.ResourceFactory;
import org.jboss.logging.Logger;

/**
 * The one boundary with Drools: compiles a ruleset once into a KieBase, checks that every rule carries the
 * catalogue's metadata, and evaluates subjects in a pooled session each (reset when disposed), collecting what fired.
 */
public final class RuleEngine {
    private static final Logger LOG = Logger.getLogger(RuleEngine.class);
    static final String GLOBAL_FINDINGS = "findings";
    static final String GLOBAL_REFERENCE = "ref";
    private static final List<String> REQUIRED = List.of("id", "title", "severity", "legalBasis", "remediation");

    private final KieBase kieBase;
    /**
     * Sessions are reset and reused rather than built for each subject: Drools keeps a disposed pooled session for
     * the next caller, which saves most of a session's set-up (measured in EngineBench).
     */
    private final KieSessionsPool sessions;
    private final RulesetFiles files;
    private final ReferenceData reference;
    private final Map<String, RuleDefinition> byQualifiedName;
    private final Map<String, RuleDefinition> byId;
    private final Set<String> globals;
    private final String built;

    private RuleEngine(KieBase kieBase, RulesetFiles files, ReferenceData reference,
                       Map<String, RuleDefinition> byQualifiedName, Set<String> globals, String built) {
        this.built = built;
        this.kieBase = kieBase;
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.files = files;
        this.reference = reference;
        this.byQualifiedName = Map.copyOf(byQualifiedName);
        this.byId = byQualifiedName.values().stream()
                .sorted(Comparator.comparing(RuleDefinition::id))
                .collect(Collectors.toMap(RuleDefinition::id, r -> r, (a, b) -> a, LinkedHashMap::new));
        this.globals = Set.copyOf(globals);
    }

    /**
     * Builds the engine from a ruleset, or fails with a {@link RulesetException} whose message names the file and
     * line of every problem: a compilation error, a rule without its metadata, a duplicate id, a broken code list.
     */
    public static RuleEngine load(RulesetFiles files) {
        return load(files, CompiledRulesStore.none());
    }

    /**
     * As {@link #load(RulesetFiles)}, reading the compiled rules from {@code store} when a previous load kept them
     * there, and keeping them there after a compile.
     */
    public static RuleEngine load(RulesetFiles files, CompiledRulesStore store) {
        // A broken code list does not stop the compile: whoever validates a ruleset learns of every problem at once.
        ReferenceData reference = null;
        RulesetException referenceFailure = null;
        try {
            reference = ReferenceData.load(files.files());
        } catch (RulesetException e) {
            referenceFailure = e.problems().isEmpty()
                    ? new RulesetException(e.getMessage(), List.of(new RulesetProblem(RulesetProblem.Kind.REFERENCE_DATA,
                            null, null, e.getMessage())), e)
                    : e;
        }
        Map<String, String> drl = new LinkedHashMap<>();
        files.files().forEach((path, content) -> {
            if (path.endsWith(".drl")) {
                drl.put(path, content);
            }
        });
        if (drl.isEmpty()) {
            throw new RulesetException("the ruleset at " + files.origin() + " holds no .drl file");
        }
        Built built;
        try {
            built = compile(files, drl, store);
        } catch (RulesetException e) {
            throw referenceFailure == null ? e : combined(referenceFailure, e);
        }
        KieBase kieBase = built.kieBase();
        Map<String, SourceLocation> locations = locate(drl);
        List<String> problems = new ArrayList<>();
        List<RulesetProblem> structured = new ArrayList<>();
        Map<String, RuleDefinition> byName = new LinkedHashMap<>();
        Map<String, RuleDefinition> seenIds = new LinkedHashMap<>();
        Set<String> globals = new HashSet<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Global g : pkg.getGlobalVariables()) {
                globals.add(g.getName());
            }
            for (Rule rule : pkg.getRules()) {
                String qualified = pkg.getName() + "." + rule.getName();
                SourceLocation at = locations.getOrDefault(qualified, new SourceLocation("?", 0, ""));
                String where = "rules/" + at.file() + ":" + at.line() + " rule \"" + rule.getName() + "\"";
                String file = "?".equals(at.file()) ? null : "rules/" + at.file();
                Map<String, String> meta = new LinkedHashMap<>();
                for (String key : REQUIRED) {
                    String value = text(rule.getMetaData().get(key));
                    if (value == null || value.isBlank()) {
                        problems.add(where + " lacks @" + key + "(...)");
                        structured.add(new RulesetProblem(RulesetProblem.Kind.METADATA, file, at.line(),
                                "rule \"" + rule.getName() + "\" lacks @" + key + "(...)"));
                    }
                    meta.put(key, value);
                }
                Severity severity = null;
                if (meta.get("severity") != null) {
                    try {
                        severity = Severity.valueOf(meta.get("severity").toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        String bad = " has @severity(" + meta.get("severity")
                                + "), expected one of INFO, LOW, MEDIUM, HIGH, SEVERE, BLOCKED";
                        problems.add(where + bad);
                        structured.add(new RulesetProblem(RulesetProblem.Kind.METADATA, file, at.line(),
                                "rule \"" + rule.getName() + "\"" + bad));
                    }
                }
                RuleDefinition def = new RuleDefinition(meta.get("id"), rule.getName(), meta.get("title"), severity,
                        meta.get("legalBasis"), meta.get("remediation"), "rules/" + at.file(), at.line(), at.source());
                if (def.id() != null) {
                    RuleDefinition other = seenIds.putIfAbsent(def.id(), def);
                    if (other != null) {
                        String repeats = " repeats @id(" + def.id() + ") of " + other.file() + ":" + other.line();
                        problems.add(where + repeats);
                        structured.add(new RulesetProblem(RulesetProblem.Kind.DUPLICATE_ID, file, at.line(),
                                "rule \"" + rule.getName() + "\"" + repeats));
                    }
                }
                byName.put(qualified, def);
            }
        }
        if (!problems.isEmpty()) {
            RulesetException unusable = new RulesetException("the ruleset at " + files.origin() + " is not usable:\n  "
                    + String.join("\n  ", problems), structured);
            throw referenceFailure == null ? unusable : combined(referenceFailure, unusable);
        }
        if (referenceFailure != null) {
            throw referenceFailure;
        }
        return new RuleEngine(kieBase, files, reference, byName, globals, built.how());
    }

    /** Both failures in one exception: the reference data's first, as a load without DRL problems reports it. */
    private static RulesetException combined(RulesetException reference, RulesetException rules) {
        List<RulesetProblem> all = new ArrayList<>(reference.problems());
        all.addAll(rules.problems());
        return new RulesetException(reference.getMessage() + "\n" + rules.getMessage(), all, rules);
    }

    /**
     * Compiles the DRL files into a KieBase with Drools' executable model: every constraint and consequence becomes
     * Java (lambdas) compiled in memory when the ruleset is loaded, rather than MVEL interpreted on every
     * evaluation. All files go in one batch, so that a file may use what another declares. This also leaves out
     * the constraint JIT of the interpreted form, whose bytecode in Drools 10.2 breaks memberOf, str[...] and calls
     * to interface static methods after 20 evaluations (ConstraintOperatorsTest holds the operators to their answers
     * over many evaluations). The compile runs whenever a ruleset is loaded, so a new ruleset needs no build.
     */
    private static Built compile(RulesetFiles files, Map<String, String> drl, CompiledRulesStore store) {
        ClassLoader loader = classLoader();
        String key = digest(drl);
        synchronized (COMPILED) {
            Compiled hit = COMPILED.get(key);
            if (hit != null && hit.loader() == loader) {
                return new Built(hit.kieBase(), "compiled earlier in this process");
            }
        }
        Built built;
        KieBase kieBase = fromStore(store, key, loader);
        if (kieBase != null) {
            built = new Built(kieBase, "compiled classes read from " + store.directory());
        } else {
            built = new Built(compile(files, drl, loader, key, store), "compiled");
        }
        synchronized (COMPILED) {
            COMPILED.put(key, new Compiled(loader, built.kieBase()));
        }
        return built;
    }

    /**
     * The last few compiled KieBases by the content of their DRL files: a ruleset that changes only its reference
     * data (or is loaded again) needs no second compile, the slow part of a load. A KieBase is immutable once built
     * and each engine keeps its own session pool, so engines may share one. Bound to the class loader the rules were
     * compiled against: another one (a restarted application in the same JVM) has other fact classes.
     */
    private static final Map<String, Compiled> COMPILED = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
            return size() > 4;
        }
    };

    private record Compiled(ClassLoader loader, KieBase kieBase) {
    }

    /** Forgets the KieBases compiled in this process, as a new process starts (tests of the store). */
    static void forgetCompiled() {
        synchronized (COMPILED) {
            COMPILED.clear();
        }
    }

    /** A KieBase and how this load came by it, for the start-up log. */
    private record Built(KieBase kieBase, String how) {
    }

    private static final AtomicLong COMPILES = new AtomicLong();

    /** SHA-256 over every DRL file's path and content, with lengths so that no two layouts read alike. */
    private static String digest(Map<String, String> drl) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(drl).forEach((path, content) -> {
                byte[] p = path.getBytes(StandardCharsets.UTF_8);
                byte[] c = content.getBytes(StandardCharsets.UTF_8);
                sha.update((p.length + ":" + c.length + ":").getBytes(StandardCharsets.UTF_8));
                sha.update(p);
                sha.update(c);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The KieBase from the classes a previous load kept in {@code store}, or null when there are none or they do not
     * load (a damaged file is removed, and the caller compiles). Loading defines the generated classes in a class
     * loader of their own below {@code loader}; nothing is compiled.
     */
    private static KieBase fromStore(CompiledRulesStore store, String key, ClassLoader loader) {
        if (!store.enabled()) {
            return null;
        }
        String name = store.name(key);
        byte[] kjar = store.read(name).orElse(null);
        if (kjar == null) {
            return null;
        }
        KieServices ks = KieServices.Factory.get();
        // One at a time: a kjar carries the release id it was compiled under, and two loads of the same file at once
        // would replace and remove each other's module in the repository.
        synchronized (CompiledRulesStore.class) {
            ReleaseId id = null;
            try {
                KieModule module = ks.getRepository().addKieModule(ks.getResources().newByteArrayResource(kjar));
                id = module.getReleaseId();
                KieContainer container = ks.newKieContainer(id, loader);
                List<Message> errors = container.verify().getMessages(Message.Level.ERROR);
                if (!errors.isEmpty()) {
                    throw new IllegalStateException(String.join("; ", errors(errors).stream().map(RuleEngine::compileLine).toList()));
                }
                KieBase kieBase = container.newKieBase(ks.newKieBaseConfiguration());
                return kieBase;
            } catch (RuntimeException | LinkageError e) {
                LOG.warnf("The compiled ruleset %s does not load (%s): removed, compiling the rules", 
                        store.directory().resolve(name), e.toString());
                store.discard(name);
                return null;
            } finally {
                if (id != null) {
                    ks.getRepository().removeKieModule(id);
                }
            }
        }
    }

    private static KieBase compile(RulesetFiles files, Map<String, String> drl, ClassLoader loader, String key,
                                   CompiledRulesStore store) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        // A release id of its own for each compile, so that compiles running at once do not replace each other's
        // module in the repository, nor a compile the module of a kjar read from a store (which keeps the id it
        // was compiled under in another process).
        ReleaseId id = ks.newReleaseId("org.exposure.assessor", "ruleset", key.substring(0, 16) + "-" + COMPILES.incrementAndGet()
                + "-" + UUID.randomUUID());
        kfs.generateAndWritePomXML(id);
        drl.forEach((path, content) -> kfs.write(SOURCE_ROOT + path, content.getBytes(StandardCharsets.UTF_8)));
        KieBuilder builder = ks.newKieBuilder(kfs, loader).buildAll(ExecutableModelProject.class);
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
        if (!messages.isEmpty()) {
            // The executable model reports some errors against the Java it generated (a consequence's) or without a
            // line (an unknown type). The DRL compiler names the rule's file and line, so its messages are the ones
            // given, compiled only on this path; the generated code's are left for what only it rejects.
            List<RulesetProblem> errors = drlErrors(drl);
            if (errors.isEmpty()) {
                errors = errors(messages);
            }
            throw new RulesetException("the ruleset at " + files.origin() + " does not compile:\n  "
                    + String.join("\n  ", errors.stream().map(RuleEngine::compileLine).toList()), errors);
        }
        KieBaseConfiguration conf = ks.newKieBaseConfiguration();
        try {
            KieContainer container = ks.newKieContainer(id, loader);
            KieBase kieBase = container.newKieBase(conf);
            if (store.enabled()) {
                store.write(store.name(key), ((InternalKieModule) builder.getKieModule()).getBytes());
            }
            return kieBase;
        } finally {
            // The KieBase holds what it needs; the repository would otherwise keep every ruleset ever loaded.
            ks.getRepository().removeKieModule(id);
        }
    }

    /** The errors of the DRL compiler (the one that interprets constraints), as a KieBuilder's messages read. */
    private static List<RulesetProblem> drlErrors(Map<String, String> drl) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        drl.forEach((path, content) -> batch.add(ResourceFactory.newByteArrayResource(content.getBytes(StandardCharsets.UTF_8))
                .setSourcePath("rules/" + path), ResourceType.DRL));
        batch.build();
        List<RulesetProblem> errors = new ArrayList<>();
        for (KnowledgeBuilderResult r : builder.getResults(ResultSeverity.ERROR)) {
            // The file, the first line the result names (none: -1 in the message), no column.
            String path = r.getResource() == null || r.getResource().getSourcePath() == null ? null
                    : r.getResource().getSourcePath();
            int line = r.getLines() == null || r.getLines().length == 0 ? -1 : r.getLines()[0];
            errors.add(new RulesetProblem(RulesetProblem.Kind.COMPILE, path, line, r.getMessage().strip()));
        }
        return errors;
    }

    /** A compile problem as the start-up log words it: file:line:column message, -1 for an unknown line. */
    private static String compileLine(RulesetProblem p) {
        return (p.file() == null ? "?" : p.file()) + ":" + (p.line() == null ? -1 : p.line()) + ":0 " + p.message();
    }

    private static final String SOURCE_ROOT = "src/main/resources/rules/";

    /** As a KieBuilder's messages read, with the path from the ruleset's root: the file, the line (-1 for none). */
    private static List<RulesetProblem> errors(List<Message> messages) {
        List<RulesetProblem> errors = new ArrayList<>();
        for (Message m : messages) {
            String path = m.getPath();
            if (path != null && path.startsWith("src/main/resources/")) {
                path = path.substring("src/main/resources/".length());
            }
            errors.add(new RulesetProblem(RulesetProblem.Kind.COMPILE, path, m.getLine(), m.getText().strip()));
        }
        return errors;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : RuleEngine.class.getClassLoader();
    }

    private record SourceLocation(String file, int line, String source) {
    }

    /** Where each rule is written, found by parsing the DRL again: the compiled rule does not keep its text. */
    private static Map<String, SourceLocation> locate(Map<String, String> drl) {
        Map<String, SourceLocation> out = new LinkedHashMap<>();
        drl.forEach((path, content) -> {
            try {
                PackageDescr pkg = new DrlParser(LanguageLevelOption.DRL6).parse(false, new StringReader(content));
                for (RuleDescr rule : pkg.getRules()) {
                    out.put(pkg.getName() + "." + rule.getName(),
                            new SourceLocation(path, rule.getLine(), sourceOf(content, rule)));
                }
            } catch (DroolsParserException e) {
                // Cannot happen for a ruleset that compiled; leave the location unknown rather than fail start-up.
            }
        });
        return out;
    }

    /**
     * The rules of a ruleset's DRL files as their metadata says, read by the DRL parser without compiling (a compile
     * is seconds of CPU): for showing a stored or candidate ruleset. A value that is missing, or a severity off the
     * scale, is null here; {@link #load} is what rejects them. A file that does not parse contributes nothing.
     * Ordered by id, then file and line.
     */
    public static List<RuleDefinition> describe(Map<String, String> files) {
        List<RuleDefinition> out = new ArrayList<>();
        new TreeMap<>(files).forEach((path, content) -> {
            if (!path.endsWith(".drl")) {
                return;
            }
            PackageDescr pkg;
            try {
                pkg = new DrlParser(LanguageLevelOption.DRL6).parse(false, new StringReader(content));
            } catch (DroolsParserException | RuntimeException e) {
                return;
            }
            if (pkg == null) {
                return;
            }
            for (RuleDescr rule : pkg.getRules()) {
                Map<String, String> meta = new LinkedHashMap<>();
                for (String key : REQUIRED) {
                    var annotation = rule.getAnnotation(key);
                    String value = annotation == null ? null : unescape(text(annotation.getSingleValue()));
                    meta.put(key, value == null || value.isBlank() ? null : value);
                }
                Severity severity = null;
                if (meta.get("severity") != null) {
                    try {
                        severity = Severity.valueOf(meta.get("severity").toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        severity = null;
                    }
                }
                out.add(new RuleDefinition(meta.get("id"), rule.getName(), meta.get("title"), severity,
                        meta.get("legalBasis"), meta.get("remediation"), "rules/" + path, rule.getLine(),
                        sourceOf(content, rule)));
            }
        });
        out.sort(Comparator.comparing((RuleDefinition r) -> r.id() == null ? "" : r.id())
                .thenComparing(RuleDefinition::file).thenComparingInt(RuleDefinition::line));
        return out;
    }

    /** A metadata value as the compiler reads it: the parser leaves a quoted string's escapes (\" and \\) as written. */
    private static String unescape(String value) {
        if (value == null || value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && (value.charAt(i + 1) == '"' || value.charAt(i + 1) == '\\')) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String sourceOf(String content, RuleDescr rule) {
        int start = rule.getStartCharacter();
        int end = rule.getEndCharacter();
        if (start >= 0 && end > start && end <= content.length()) {
            return content.substring(start, end).strip();
        }
        // Fall back to the lines from the rule's header to its closing "end".
        String[] lines = content.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = Math.max(0, rule.getLine() - 1); i < lines.length; i++) {
            out.append(lines[i]).append('\n');
            if (lines[i].strip().equals("end")) {
                break;
            }
        }
        return out.toString().strip();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Runs every rule over one subject and returns the findings in firing order. */
    public List<Finding> evaluate(Subject subject) {
        return evaluate(subject, List.of());
    }

    /** As {@link #evaluate(Subject)}, with the subject's parties' matches against the sanctions lists as facts. */
    public List<Finding> evaluate(Subject subject, List<ListMatch> matches) {
        return evaluate(subject, matches, LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * As {@link #evaluate(Subject, List)}, assessed on {@code assessedOn}: a payment or shipment without a date of its
     * own is judged under the law in force that day.
     */
    public List<Finding> evaluate(Subject subject, List<ListMatch> matches, LocalDate assessedOn) {
        return evaluate(subject, matches, Set.of(), assessedOn);
    }

    /**
     * As {@link #evaluate(Subject, List, LocalDate)}; {@code confirmed}: matches a reviewer confirmed as true matches,
     * which count whatever their score.
     */
    public List<Finding> evaluate(Subject subject, List<ListMatch> matches, Set<ListMatch> confirmed, LocalDate assessedOn) {
        FindingCollector collector = new FindingCollector(byQualifiedName);
        KieSession session = sessions.newKieSession();
        try {
            if (globals.contains(GLOBAL_FINDINGS)) {
                session.setGlobal(GLOBAL_FINDINGS, collector);
            }
            if (globals.contains(GLOBAL_REFERENCE)) {
                session.setGlobal(GLOBAL_REFERENCE, reference);
            }
            // A party's approximate match (under the confirmation score) is a PossibleMatch, not a ListMatch: the
            // rules that block or grade a listed party see only matches that are certain enough.
            BigDecimal confirmedAt = reference.decimal(Parameters.MATCH_CONFIRMED);
            List<ListMatch> certain = new ArrayList<>(matches.size());
            List<PossibleMatch> possible = new ArrayList<>();
            for (ListMatch m : matches) {
                if ("SUBJECT".equals(m.role()) || m.isTransactionBan() || confirmed.contains(m)
                        || BigDecimal.valueOf(m.score()).compareTo(confirmedAt) >= 0) {
                    certain.add(m);
                } else {
                    possible.add(new PossibleMatch(m, confirmedAt));
                }
            }
            insertFacts(session, subject, certain, possible, assessedOn);
            certain.forEach(session::insert);
            possible.forEach(session::insert);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return List.copyOf(collector.findings());
    }

    private void insertFacts(KieSession session, Subject subject, List<ListMatch> matches, List<PossibleMatch> possible,
                             LocalDate assessedOn) {
        session.insert(subject);
        if (subject instanceof GoodsSubject goods) {
            session.insert(GoodsLine.of(goods, assessedOn, reference));
        } else if (subject instanceof SupplierSubject supplier) {
            session.insert(new SupplierFact(supplier, reference));
            List<Export> exports = supplier.exports() == null ? List.of() : supplier.exports();
            for (int i = 0; i < exports.size(); i++) {
                session.insert(GoodsLine.of(exports.get(i), i, supplier.country(), assessedOn, reference));
            }
            if (supplier.owners() != null && !supplier.owners().isEmpty()) {
                // An owner matched to an SDN entry is a blocked person for the 50 % rule, as one marked sanctioned.
                Map<String, String> listed = new LinkedHashMap<>();
                for (ListMatch m : matches) {
                    if ("OWNER".equals(m.role()) && m.isSdn()) {
                        listed.putIfAbsent(m.path(), m.getLabel());
                    }
                }
                Map<String, String> possibly = new LinkedHashMap<>();
                for (PossibleMatch m : possible) {
                    if ("OWNER".equals(m.getRole()) && m.isSdn() && !listed.containsKey(m.getPath())) {
                        possibly.putIfAbsent(m.getPath(), m.getDescription());
                    }
                }
                session.insert(OwnershipFact.of(supplier.owners(), reference, listed, possibly));
            }
        } else if (subject instanceof BankSubject bank) {
            List<PaymentFact> payments = new ArrayList<>();
            for (int i = 0; i < bank.payments().size(); i++) {
                payments.add(new PaymentFact(bank.payments().get(i), i, assessedOn, reference));
            }
            session.insert(new BankFact(bank, payments, reference));
            payments.forEach(session::insert);
            for (int i = 0; i < bank.correspondents().size(); i++) {
                session.insert(new CorrespondentFact(bank.correspondents().get(i), i));
            }
        }
    }

    public String version() {
        return files.version();
    }

    /** How this engine's rules were built: "compiled", or read from a store of compiled rules, or reused. */
    public String built() {
        return built;
    }

    public String origin() {
        return files.origin();
    }

    /** The ruleset's files (DRL and reference data) by path relative to its root. */
    public Map<String, String> files() {
        return files.files();
    }

    public ReferenceData reference() {
        return reference;
    }

    /** Every rule of the loaded ruleset, ordered by id. */
    public List<RuleDefinition> rules() {
        return List.copyOf(byId.values());
    }

    public Optional<RuleDefinition> rule(String id) {
        return Optional.ofNullable(byId.get(id));
    }

}
