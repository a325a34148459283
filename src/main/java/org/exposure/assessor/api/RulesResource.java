package org.exposure.assessor.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.exposure.assessor.api.dto.RuleView;
import org.exposure.assessor.api.dto.RulesetView;
import org.exposure.assessor.intake.ProblemException;
import org.exposure.assessor.rules.RuleDefinition;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesInForce;
import org.exposure.assessor.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules", description = "The rule catalogue as loaded.")
public class RulesResource {
    private final RulesInForce rules;

    RulesResource(RulesInForce rules) {
        this.rules = rules;
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "The loaded ruleset", description = "Version, origin and every rule with its metadata, file and DRL source.")
    public RulesetView list() {
        RuleEngine engine = rules.current();
        return new RulesetView(engine.version(), engine.origin(), engine.rules().stream().map(RulesResource::view).toList());
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Path("/{id}")
    @Operation(summary = "One rule by id")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "404", description = "No rule has this id.")
    public RuleView get(@PathParam("id") String id) {
        RuleEngine engine = rules.current();
        return engine.rule(id).map(RulesResource::view)
                .orElseThrow(() -> ProblemException.notFound("no rule with id " + id + " in ruleset " + engine.version()));
    }

    private static RuleView view(RuleDefinition r) {
        return new RuleView(r.id(), r.name(), r.title(), r.severity(), r.legalBasis(), r.remediation(), r.file(), r.line(), r.source());
    }
}
