package org.exposure.assessor.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.exposure.assessor.api.dto.AssessmentPage;
import org.exposure.assessor.api.dto.AssessmentView;
import org.exposure.assessor.api.dto.BatchRequest;
import org.exposure.assessor.api.dto.BatchResponse;
import org.exposure.assessor.assessment.AssessmentReplay;
import org.exposure.assessor.assessment.AssessmentService;
import org.exposure.assessor.audit.Actors;
import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.domain.Submission;
import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.ProblemException;
import org.exposure.assessor.intake.ProblemType;
import org.exposure.assessor.intake.RequestReader;
import org.exposure.assessor.intake.SubjectMapper;
import org.exposure.assessor.intake.dto.SubjectDto;
import org.exposure.assessor.persistence.AssessmentEntity;
import org.exposure.assessor.persistence.AssessmentRepository.PageResult;
import org.exposure.assessor.security.Roles;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments", description = "Assess subjects and read stored assessments.")
public class AssessmentResource {
    private final AssessmentService service;
    private final RequestReader reader;
    private final AssessmentViews views;
    private final AssessorConfig config;

    private final Actors actors;
    private final AssessmentReplay replays;

    AssessmentResource(AssessmentService service, RequestReader reader, AssessmentViews views, AssessorConfig config,
                       Actors actors, AssessmentReplay replays) {
        this.actors = actors;
        this.replays = replays;
        this.service = service;
        this.reader = reader;
        this.views = views;
        this.config = config;
    }

    @POST
    @RolesAllowed({Roles.ANALYST, Roles.MACHINE})
    @Operation(summary = "Assess one subject", description = "Evaluates the rules for a bank, supplier or goods subject and stores the assessment.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SubjectDto.class)))
    @APIResponse(responseCode = "201", description = "Assessed and stored; Location names the stored assessment.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "The subject is invalid; every offending field is listed.")
    public Response assess(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        SubjectDto dto = reader.read(body, "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        AssessmentView view = views.of(service.assess(SubjectMapper.submission(dto), actors.current()));
        return Response.created(URI.create("/api/v1/assessments/" + view.id())).entity(view).build();
    }

    @POST
    @RolesAllowed({Roles.ANALYST, Roles.MACHINE})
    @Path("/batch")
    @Operation(summary = "Assess a batch of subjects",
            description = "Validates every subject first: if any is invalid nothing is assessed or stored, and the 400 lists every invalid item by index and field. Otherwise all are assessed and stored together.")
    @APIResponse(responseCode = "200", description = "Results in input order with a summary per risk level.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "400", description = "At least one subject is invalid.")
    @APIResponse(responseCode = "413", description = "More subjects than assessor.batch.max-size.")
    public BatchResponse assessBatch(BatchRequest request) {
        if (request == null || request.subjects() == null) {
            throw ProblemException.validation(List.of(new FieldError("subjects", "is required: an array of subjects")));
        }
        int max = config.batch().maxSize();
        if (request.subjects().size() > max) {
            throw new ProblemException(ProblemType.BATCH_TOO_LARGE,
                    "the batch holds " + request.subjects().size() + " subjects; at most " + max + " are accepted",
                    List.of(new FieldError("subjects", "at most " + max + " subjects per batch")));
        }
        if (request.subjects().isEmpty()) {
            throw ProblemException.validation(List.of(new FieldError("subjects", "must hold at least one subject")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<SubjectDto> dtos = new ArrayList<>(request.subjects().size());
        for (int i = 0; i < request.subjects().size(); i++) {
            dtos.add(reader.read(request.subjects().get(i), "subjects[" + i + "]", errors));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        // Mapped only once every item passed validation: the mapper relies on valid input.
        List<Submission> subjects = dtos.stream().map(SubjectMapper::submission).toList();
        List<AssessmentEntity> stored = service.assessAll(subjects, actors.current());
        Map<RiskLevel, Integer> summary = new EnumMap<>(RiskLevel.class);
        for (RiskLevel level : RiskLevel.values()) {
            summary.put(level, 0);
        }
        List<AssessmentView> results = new ArrayList<>(stored.size());
        for (AssessmentEntity a : stored) {
            summary.merge(a.riskLevel, 1, Integer::sum);
            results.add(views.of(a));
        }
        return new BatchResponse(results, summary);
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.MACHINE})
    @Path("/{id}")
    @Operation(summary = "Read a stored assessment", description = "Exactly as it was returned when it was made.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "404", description = "No assessment has this id.")
    public AssessmentView get(@Parameter(description = "Assessment id (UUID).") @PathParam("id") String id,
                              @Context SecurityContext security) {
        UUID uuid = ProblemException.uuidOrNotFound(id, "assessment");
        String own = ownOnly(security);
        // Another client's assessment is not found, like an unknown id: a machine client learns nothing of it.
        return service.find(uuid).filter(a -> own == null || own.equals(a.submittedBy)).map(views::of)
                .orElseThrow(() -> ProblemException.notFound("no assessment with id " + uuid));
    }

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Path("/{id}/replay")
    // It takes no body: a client may send none, or any.
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Replay a stored assessment",
            description = "Makes the assessment again from what it stored: its subject, screened against the list versions it names (not those in force now), with the dismissals it recorded, decided by its ruleset version on the day it was made; and compares every stored part (risk level, fired rules with explanations and evidence, matches, list versions, screening, warnings; why it went to review follows from the level and the matches). `identical` must be true; any difference is listed with both values. Nothing is stored but the audit trail's record of the replay.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentReplay.Result.class)))
    @APIResponse(responseCode = "404", description = "No assessment has this id.")
    @APIResponse(responseCode = "409", description = "Its ruleset version or one of its list versions is no longer kept.")
    public AssessmentReplay.Result replay(@Parameter(description = "Assessment id (UUID).") @PathParam("id") String id) {
        UUID uuid = ProblemException.uuidOrNotFound(id, "assessment");
        try {
            return replays.replay(uuid, actors.current())
                    .orElseThrow(() -> ProblemException.notFound("no assessment with id " + uuid));
        } catch (AssessmentReplay.Unavailable e) {
            throw new ProblemException(ProblemType.REPLAY_UNAVAILABLE, e.getMessage(), List.of());
        }
    }

    /** A machine client (not also a person's role) reads only what it submitted: its name, else null. */
    private static String ownOnly(SecurityContext security) {
        return security.isUserInRole(Roles.ANALYST) ? null : security.getUserPrincipal().getName();
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.MACHINE})
    @Operation(summary = "List stored assessments", description = "Newest first, optionally filtered by the client's ref and by risk level. A machine client sees only the assessments it submitted.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentPage.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid.")
    public AssessmentPage list(
            @Parameter(description = "The client's ref, exact match.") @QueryParam("ref") String ref,
            @Parameter(description = "CLEAR, INFO, LOW, MEDIUM, HIGH, SEVERE or BLOCKED.") @QueryParam("riskLevel") String riskLevel,
            @Parameter(description = "Page number from 0 (default 0).") @QueryParam("page") String page,
            @Parameter(description = "Page size (default 20, at most assessor.page.max-size).") @QueryParam("size") String size,
            @Context SecurityContext security) {
        List<FieldError> errors = new ArrayList<>();
        RiskLevel level = null;
        if (riskLevel != null && !riskLevel.isBlank()) {
            try {
                level = RiskLevel.valueOf(riskLevel.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("riskLevel", "must be one of " + List.of(RiskLevel.values())));
            }
        }
        int max = config.page().maxSize();
        int pageSize = QueryParams.integer("size", size, 20, 1, max, errors);
        // The offset page * size must fit an int (the database's first-result), whatever the size asked for.
        int pageNo = QueryParams.integer("page", page, 0, 0, Integer.MAX_VALUE / Math.max(1, Math.min(pageSize, max)) - 1, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        PageResult result = service.page(ref == null || ref.isBlank() ? null : ref.strip(), level, ownOnly(security),
                pageNo, pageSize);
        int pages = (int) ((result.total() + pageSize - 1) / pageSize);
        return new AssessmentPage(result.items().stream().map(views::of).toList(), pageNo, pageSize, result.total(), pages);
    }

}
