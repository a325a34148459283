package org.exposure.assessor.api;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.exposure.assessor.api.dto.RulesetVersionViews;
import org.exposure.assessor.assessment.RulesetTrial;
import org.exposure.assessor.audit.Actors;
import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.Problem;
import org.exposure.assessor.intake.ProblemException;
import org.exposure.assessor.intake.ProblemMappers;
import org.exposure.assessor.intake.ProblemType;
import org.exposure.assessor.rules.RuleDefinition;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesetFiles;
import org.exposure.assessor.rulesets.CompileGate;
import org.exposure.assessor.rulesets.RulesetActivations;
import org.exposure.assessor.rulesets.RulesetArchive;
import org.exposure.assessor.rulesets.RulesetDiff;
import org.exposure.assessor.rulesets.RulesetFollower;
import org.exposure.assessor.rulesets.RulesetRegistry;
import org.exposure.assessor.rulesets.RulesetStore;
import org.exposure.assessor.rulesets.RulesetValidator;
import org.exposure.assessor.rulesets.StoredRulesetVersions;
import org.exposure.assessor.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/api/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rulesets", description = "Every ruleset version this installation ran, and the validation of a candidate.")
public class RulesetsResource {
    private static final Set<String> ZIP_TYPES = Set.of("application/zip", "application/x-zip-compressed");

    private final RulesetStore store;
    private final RulesetRegistry registry;
    private final RulesetValidator validator;
    private final StoredRulesetVersions versions;
    private final RulesetTrial trials;

    private final RulesetActivations activations;
    private final RulesetFollower follower;
    private final Actors actors;

    RulesetsResource(RulesetStore store, RulesetRegistry registry, RulesetValidator validator,
                     StoredRulesetVersions versions, RulesetTrial trials, RulesetActivations activations,
                     RulesetFollower follower, Actors actors) {
        this.activations = activations;
        this.follower = follower;
        this.actors = actors;
        this.store = store;
        this.registry = registry;
        this.validator = validator;
        this.versions = versions;
        this.trials = trials;
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Every stored ruleset version",
            description = "Newest first, with who registered it, when, why, where it came from and how many files it has; and which one this instance decides with.")
    public RulesetVersionViews.Versions list() {
        String inForce = registry.inForce();
        return new RulesetVersionViews.Versions(inForce, store.all().stream().map(v -> view(v, inForce)).toList());
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Path("/{version}")
    @Operation(summary = "One stored ruleset version",
            description = "Its files (path, size, SHA-256) and its rules (id, title, severity, as the DRL metadata says). "
                    + "With file=PATH, that file's content instead; with against=OTHER, what changed from OTHER to this version: "
                    + "files added, removed, and each changed file as a unified diff.")
    @APIResponse(responseCode = "200", description = "RulesetVersionDetail; RulesetFileContent with file; RulesetDiff with against.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {
                    RulesetVersionViews.Detail.class, RulesetVersionViews.FileContent.class, RulesetVersionViews.Diff.class})))
    @APIResponse(responseCode = "400", description = "file and against given together.")
    @APIResponse(responseCode = "404", description = "No stored version has this id, or the one of against; or the version has no such file.")
    public Object get(@PathParam("version") String version,
                      @Parameter(description = "A file's path from the ruleset's root, e.g. goods/goods.drl.") @QueryParam("file") String file,
                      @Parameter(description = "Another stored version to compare with (the base of the diff).") @QueryParam("against") String against) {
        if (file != null && against != null) {
            throw ProblemException.validation(List.of(new FieldError("file", "cannot be given with against"),
                    new FieldError("against", "cannot be given with file")));
        }
        RulesetStore.Version stored = store.find(version)
                .orElseThrow(() -> ProblemException.notFound("no stored ruleset version " + version
                        + " (GET /api/v1/rulesets lists them)"));
        if (file != null) {
            String content = store.content(version, file).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                    "ruleset version " + version + " has no file " + file, List.of(new FieldError("file", "no such file in the version"))));
            RulesetStore.StoredFile meta = store.files(version).stream().filter(f -> f.path().equals(file)).findFirst().orElseThrow();
            return new RulesetVersionViews.FileContent(version, file, meta.size(), meta.sha256(), content);
        }
        if (against != null) {
            if (store.find(against).isEmpty()) {
                throw new ProblemException(ProblemType.NOT_FOUND, "no stored ruleset version " + against + " to compare with",
                        List.of(new FieldError("against", "no stored ruleset version has this id")));
            }
            Map<String, String> base = store.contents(against);
            Map<String, String> other = store.contents(version);
            RulesetDiff.Files diff = RulesetDiff.between(base, other);
            Set<String> before = ids(RuleEngine.describe(base));
            Set<String> after = ids(RuleEngine.describe(other));
            return new RulesetVersionViews.Diff(version, against, diff.added(), diff.removed(),
                    diff.changed().stream().map(c -> new RulesetVersionViews.ChangedFile(c.path(), c.diff())).toList(),
                    after.stream().filter(id -> !before.contains(id)).sorted().toList(),
                    before.stream().filter(id -> !after.contains(id)).sorted().toList());
        }
        List<RulesetVersionViews.File> files = store.files(version).stream()
                .map(f -> new RulesetVersionViews.File(f.path(), f.size(), f.sha256())).toList();
        List<RulesetVersionViews.Rule> rules = RuleEngine.describe(store.contents(version)).stream()
                .map(r -> new RulesetVersionViews.Rule(r.id(), r.title(), r.severity(), r.file(), r.line())).toList();
        return new RulesetVersionViews.Detail(view(stored, registry.inForce()), files, rules);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/validate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Validate a candidate ruleset",
            description = "The body is a zip (application/zip) of a rules/ directory, or of the ruleset's files at its root. "
                    + "The candidate is compiled and checked as a start-up would load it, and its examples are run; nothing is "
                    + "stored and the ruleset in force stays. The report lists every problem with its file, line and kind, the "
                    + "candidate's rules, and the rules it adds, removes or changes against the ruleset in force. "
                    + "At most " + RulesetArchive.MAX_ENTRIES + " entries and " + RulesetArchive.MAX_BYTES + " bytes inflated; one "
                    + "validation at a time per instance.")
    @RequestBody(content = @Content(mediaType = "application/zip", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "The report; valid tells whether the candidate would load with every example passing.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RulesetValidator.Report.class)))
    @APIResponse(responseCode = "400", description = "Not a zip; an entry with an absolute path, a '..', a name given twice or content that is not UTF-8; no .drl file. The errors name the entry.")
    @APIResponse(responseCode = "413", description = "More than " + RulesetArchive.MAX_ENTRIES + " entries, or more than " + RulesetArchive.MAX_BYTES + " bytes once inflated.")
    @APIResponse(responseCode = "415", description = "The body is not sent as application/zip.")
    @APIResponse(responseCode = "503", description = "Another validation is compiling on this instance; Retry-After says when to try again.")
    public Response validate(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body,
                             @Parameter(description = "Also try the candidate, when valid, on this many of the last stored assessments (1 to "
                                     + RulesetTrial.MAX + "), side by side with the ruleset in force.") @QueryParam("trial") String trial,
                             @Context UriInfo uri) {
        int last = trialSize(trial, 0);
        Map<String, String> files = readZip(contentType, body);
        try {
            return Response.ok(validator.validate(files, last), MediaType.APPLICATION_JSON).build();
        } catch (RulesetArchive.Refused e) {
            throw refused(e);
        } catch (RulesetValidator.Busy e) {
            return busy(e, uri);
        }
    }

    /** The ruleset's files from a zip body, or the problem that says why not. */
    private static Map<String, String> readZip(String contentType, InputStream body) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!ZIP_TYPES.contains(type)) {
            throw new ProblemException(ProblemType.RULESET_ARCHIVE, 415, "send the ruleset as a zip archive with "
                    + "Content-Type: application/zip", List.of(new FieldError("Content-Type", "must be application/zip, got "
                    + (type.isEmpty() ? "none" : type))));
        }
        try {
            return RulesetArchive.read(body);
        } catch (RulesetArchive.Refused e) {
            throw refused(e);
        }
    }

    private static ProblemException refused(RulesetArchive.Refused e) {
        ProblemType problem = e.tooLarge() ? ProblemType.RULESET_ARCHIVE_TOO_LARGE : ProblemType.RULESET_ARCHIVE;
        String where = e.entry().equals("(body)") ? "the archive " : "entry " + e.entry() + " ";
        return new ProblemException(problem, where + e.getMessage() + "; nothing was validated",
                List.of(new FieldError(e.entry(), e.getMessage())));
    }

    private static Response busy(RulesetValidator.Busy e, UriInfo uri) {
        ProblemType busy = ProblemType.RULESET_VALIDATION_BUSY;
        return Response.status(busy.status()).type(ProblemMappers.PROBLEM_JSON)
                .header("Retry-After", String.valueOf(CompileGate.RETRY_AFTER_SECONDS))
                .entity(Problem.of(busy, e.getMessage() + "; retry in " + CompileGate.RETRY_AFTER_SECONDS + " seconds",
                        uri.getRequestUri().getRawPath(), List.of()))
                .build();
    }

    /** A report's problems as a problem's field errors: the file and line, the kind and message. */
    private static List<FieldError> errors(RulesetValidator.Report report) {
        return report.problems().stream()
                .map(p -> new FieldError(p.file() == null ? "(ruleset)" : p.file() + (p.line() == null ? "" : ":" + p.line()),
                        p.kind() + ": " + p.message())).toList();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{version}/trial")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Try a stored ruleset version on past cases",
            description = "The last stored assessments are made again from what they stored (subject, list versions, "
                    + "recorded dismissals, day), once with the ruleset in force and once with this version, so that only the "
                    + "rules differ; nothing is stored. The report counts, per rule, how many assessments it fired for with "
                    + "each (rules whose count differs), per risk level how many are at it with each, and lists every assessment "
                    + "decided otherwise with the rules added and removed. A candidate not yet stored is tried through "
                    + "POST /api/v1/rulesets/validate?trial=N.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RulesetTrial.Report.class)))
    @APIResponse(responseCode = "400", description = "last is not a number from 1 to " + RulesetTrial.MAX + ".")
    @APIResponse(responseCode = "404", description = "No stored ruleset version has this id.")
    public RulesetTrial.Report trial(@PathParam("version") String version,
                                     @Parameter(description = "How many of the last stored assessments (default 500, at most "
                                             + RulesetTrial.MAX + ").") @QueryParam("last") String last) {
        int n = trialSize(last, 500);
        if (store.find(version).isEmpty()) {
            throw ProblemException.notFound("no stored ruleset version " + version + " (GET /api/v1/rulesets lists them)");
        }
        RuleEngine candidate = versions.engine(version)
                .orElseThrow(() -> ProblemException.notFound("no stored ruleset version " + version));
        return trials.run(candidate, n);
    }

    @Schema(name = "RulesetStored", description = "The version stored (created: false when it was stored before) and its validation.")
    public record Stored(String version, boolean created, RulesetValidator.Report validation) {
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Store a candidate ruleset as a version",
            description = "The body is a zip as for validate. A candidate that is valid (it loads and every example passes) is "
                    + "stored as a version with who stored it and the comment; nothing is put in force: that is an activation "
                    + "(POST /api/v1/rulesets/{version}/activations), approved by a second admin.")
    @RequestBody(content = @Content(mediaType = "application/zip", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Stored.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Stored.class)))
    @APIResponse(responseCode = "200", description = "That version was stored before.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Stored.class)))
    @APIResponse(responseCode = "400", description = "No comment; or the archive cannot be used (as for validate).")
    @APIResponse(responseCode = "422", description = "The candidate is not valid; its problems are listed.")
    public Response store(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body,
                          @Parameter(description = "Why this version: what changed and on what legal ground.") @QueryParam("comment") String comment,
                          @Context UriInfo uri) {
        if (comment == null || comment.isBlank()) {
            throw ProblemException.validation(List.of(new FieldError("comment", "is required: what changed and why")));
        }
        Map<String, String> files = readZip(contentType, body);
        RulesetValidator.Report report;
        try {
            report = validator.validate(files);
        } catch (RulesetArchive.Refused e) {
            throw refused(e);
        } catch (RulesetValidator.Busy e) {
            return busy(e, uri);
        }
        if (!report.valid()) {
            throw new ProblemException(ProblemType.RULESET_INVALID, "the candidate is not valid: " + report.problems().size()
                    + " problem(s); nothing was stored", errors(report));
        }
        boolean created = registry.register(RulesetFiles.of("uploaded by " + actors.current(), files), actors.current(),
                comment.strip());
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(new Stored(report.version(), created, report)).build();
    }

    @Schema(name = "RulesetActivationRequest")
    public record ActivationRequest(@Schema(description = "Why this version should decide from now on.", required = true) String comment) {
    }

    @Schema(name = "RulesetActivationDecision")
    public record ActivationDecision(@Schema(description = "true: put it in force; false: refuse it.", required = true) Boolean approve,
                                     String note) {
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{version}/activations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Propose a stored ruleset version for activation",
            description = "The version must load and pass its examples. Another admin must approve it "
                    + "(POST /api/v1/rulesets/activations/{id}/approval); it then decides on every instance, without a restart. "
                    + "An earlier version is brought back the same way.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RulesetActivations.Activation.class)))
    @APIResponse(responseCode = "400", description = "No comment.")
    @APIResponse(responseCode = "404", description = "No stored ruleset version has this id.")
    @APIResponse(responseCode = "409", description = "It is in force already, or a proposal of it is waiting.")
    @APIResponse(responseCode = "422", description = "It does not load, or an example fails; the problems are listed.")
    public Response propose(@PathParam("version") String version, ActivationRequest body) {
        if (body == null || body.comment() == null || body.comment().isBlank()) {
            throw ProblemException.validation(List.of(new FieldError("comment", "is required: why this version should decide")));
        }
        if (store.find(version).isEmpty()) {
            throw ProblemException.notFound("no stored ruleset version " + version + " (GET /api/v1/rulesets lists them)");
        }
        RulesetValidator.Report report;
        try {
            report = validator.validate(store.contents(version));
        } catch (RulesetValidator.Busy e) {
            throw new ProblemException(ProblemType.RULESET_VALIDATION_BUSY, e.getMessage(), List.of());
        }
        if (!report.valid()) {
            throw new ProblemException(ProblemType.RULESET_INVALID, "ruleset version " + version + " cannot be put in force: "
                    + report.problems().size() + " problem(s)", errors(report));
        }
        try {
            RulesetActivations.Activation a = activations.propose(version, actors.current(), body.comment().strip());
            return Response.status(Response.Status.CREATED).entity(a).build();
        } catch (RulesetActivations.Conflict e) {
            throw new ProblemException(ProblemType.RULESET_ACTIVATION_CONFLICT, e.getMessage(), List.of());
        }
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Path("/activations")
    @Operation(summary = "Every proposed activation and what became of it", description = "Newest first.")
    public List<RulesetActivations.Activation> activations() {
        return activations.all();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/activations/{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or refuse a proposed activation",
            description = "By an admin other than the proposer. Approved, the version is in force on this instance when the "
                    + "answer comes, and on every other instance sharing the database within assessor.rules.poll-interval; "
                    + "assessments under way finish on the rules they began with.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RulesetActivations.Activation.class)))
    @APIResponse(responseCode = "403", description = "The proposer cannot decide on their own proposal (four eyes).")
    @APIResponse(responseCode = "404", description = "No activation has this id.")
    @APIResponse(responseCode = "409", description = "It is not waiting for a decision.")
    public RulesetActivations.Activation decide(@PathParam("id") String id, ActivationDecision body) {
        UUID uuid = ProblemException.uuidOrNotFound(id, "activation");
        if (body == null || body.approve() == null) {
            throw ProblemException.validation(List.of(new FieldError("approve", "is required: true or false")));
        }
        RulesetActivations.Activation decided;
        try {
            decided = activations.decide(uuid, actors.current(), body.approve(), body.note())
                    .orElseThrow(() -> ProblemException.notFound("no ruleset activation with id " + uuid));
        } catch (RulesetActivations.FourEyes e) {
            throw new ProblemException(ProblemType.FOUR_EYES, e.getMessage(), List.of());
        } catch (RulesetActivations.Conflict e) {
            throw new ProblemException(ProblemType.RULESET_ACTIVATION_CONFLICT, e.getMessage(), List.of());
        }
        if (body.approve()) {
            // This instance at once; the others at their next poll.
            follower.follow();
        }
        return decided;
    }

    /** A trial's size from its query parameter; {@code absent} when not given. */
    private static int trialSize(String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= RulesetTrial.MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Answered below, as a value out of range.
        }
        throw ProblemException.validation(List.of(new FieldError(absent == 0 ? "trial" : "last",
                "must be a whole number from 1 to " + RulesetTrial.MAX)));
    }

    private static RulesetVersionViews.Version view(RulesetStore.Version v, String inForce) {
        return new RulesetVersionViews.Version(v.version(), v.origin(), v.registeredBy(), v.registeredAt(), v.comment(),
                v.fileCount(), v.version().equals(inForce));
    }

    private static Set<String> ids(List<RuleDefinition> rules) {
        return rules.stream().map(RuleDefinition::id).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }
}
