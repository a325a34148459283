package org.exposure.assessor.intake;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Every error response of the API is an RFC 9457 problem, so its body is declared here once: an endpoint documents
 * an error by its status and what it means ({@code @APIResponse(responseCode = "404", description = "...")}), and
 * this filter gives every 4xx and 5xx response without a body of its own the {@code application/problem+json} body
 * with the {@code Problem} schema. It runs when the application is built, so that start-up does not pay for it.
 */
// The document's title and description are quarkus.smallrye-openapi.info-* (application.properties), which Quarkus
// sets over any given here; this definition is only the one place that declares the Problem schema.
@OpenAPIDefinition(info = @Info(title = "", version = ""),
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            Map<PathItem.HttpMethod, Operation> operations = path.getOperations();
            if (operations == null) {
                continue;
            }
            for (Operation operation : operations.values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                operation.getResponses().getAPIResponses().forEach((code, response) -> {
                    if (isError(code) && response.getRef() == null && noBody(response)) {
                        response.setContent(OASFactory.createContent().addMediaType(ProblemMappers.PROBLEM_JSON,
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
                    }
                });
            }
        }
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    private static boolean noBody(APIResponse response) {
        return response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty();
    }
}
