package org.exposure.assessor.api.dto;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.exposure.assessor.lists.ListSource;
import org.exposure.assessor.lists.ListSources;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The parts of a multipart list upload, for the OpenAPI document only (the resource reads the parts itself). Its
 * properties are the parts of every {@link ListSources list source}, filled in by {@link Parts} as the document is
 * built, so a new source's files appear without a change here.
 */
@Schema(name = "ListParts", description = "One file part per file of the source.")
public final class ListPartsForm {
    private ListPartsForm() {
    }

    /** Gives the ListParts schema one binary property per part name of the sources, and says which source takes which. */
    @OpenApiFilter(OpenApiFilter.RunStage.BUILD)
    public static final class Parts implements OASFilter {
        @Override
        public void filterOpenAPI(OpenAPI openAPI) {
            if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
                return;
            }
            org.eclipse.microprofile.openapi.models.media.Schema form = openAPI.getComponents().getSchemas().get("ListParts");
            if (form == null) {
                return;
            }
            Map<String, List<String>> sourcesByPart = new LinkedHashMap<>();
            Map<String, String> descriptions = new LinkedHashMap<>();
            List<String> takes = new ArrayList<>();
            for (ListSource source : new ListSources().all()) {
                List<String> names = new ArrayList<>();
                for (ListSource.Part p : source.parts()) {
                    sourcesByPart.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(source.id());
                    descriptions.putIfAbsent(p.name(), p.description());
                    names.add(p.required() ? p.name() + " (required)" : p.name());
                }
                takes.add(source.id() + " takes " + String.join(", ", names));
            }
            form.setDescription("One file part per file of the source: " + String.join("; ", takes) + ".");
            sourcesByPart.forEach((part, sources) -> form.addProperty(part, OASFactory.createSchema()
                    .addType(SchemaType.STRING).format("binary").description(sources.size() == 1
                            ? descriptions.get(part) : descriptions.get(part) + " (" + String.join(", ", sources) + ").")));
        }
    }
}
