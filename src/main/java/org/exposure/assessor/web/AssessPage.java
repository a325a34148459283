package org.exposure.assessor.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.exposure.assessor.assessment.AssessmentService;
import org.exposure.assessor.domain.SubjectType;
import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.ProblemException;
import org.exposure.assessor.intake.RequestReader;
import org.exposure.assessor.intake.SubjectMapper;
import org.exposure.assessor.intake.dto.SubjectDto;
import org.exposure.assessor.persistence.AssessmentEntity;
import org.exposure.assessor.screening.ListsUnavailableException;
import org.exposure.assessor.security.Roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * New assessments through forms, one per kind of subject. The form is turned into the JSON the API takes and
 * validated by the API's own reader, so the same subject gets the same answer, and the same errors, both ways.
 */
@Path("/assessments/new")
@Produces(MediaType.TEXT_HTML)
public class AssessPage {
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final Pages pages;
    private final RequestReader reader;
    private final AssessmentService service;
    private final ObjectMapper mapper;

    AssessPage(Pages pages, RequestReader reader, AssessmentService service, ObjectMapper mapper) {
        this.pages = pages;
        this.reader = reader;
        this.service = service;
        this.mapper = mapper;
    }

    /** A kind of subject as the form offers it. */
    public record KindChoice(String value, String label, String description, boolean selected) {
    }

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance assess(Page page, List<KindChoice> kinds, String kind, String kindLabel,
                                              SubjectForms.View form, List<SubjectForms.Option> countries, String alert,
                                              String from);
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    public Response form(@QueryParam("kind") String kindParam, @QueryParam("from") String from) {
        ObjectNode subject = null;
        SubjectType kind = kind(kindParam);
        if (from != null && !from.isBlank()) {
            AssessmentEntity earlier = earlier(from);
            kind = earlier.subjectType;
            try {
                subject = (ObjectNode) mapper.readTree(earlier.subjectJson);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored assessment " + earlier.id + " holds unreadable JSON", e);
            }
            subject.remove("type");
        }
        return render(Response.Status.OK, kind, subject == null ? mapper.createObjectNode() : subject, List.of(), null,
                from);
    }

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> posted) {
        pages.checkForm(posted.getFirst(Pages.CSRF_FIELD));
        SubjectType kind = kind(posted.getFirst("_kind"));
        if (kind == null) {
            throw new WebError(Response.Status.BAD_REQUEST, "The form names no kind of subject.", "Start again from New assessment.");
        }
        Class<?> record = SubjectForms.recordOf(kind);
        Map<String, List<String>> form = new LinkedHashMap<>(posted);
        String add = posted.getFirst("_add");
        String remove = posted.getFirst("_remove");
        if (add != null || remove != null) {
            // Adding or removing a row: the same form again, with every value kept, nothing assessed.
            ObjectNode subject = SubjectForms.read(record, form, false);
            if (add != null) {
                SubjectForms.addRow(record, subject, add);
            } else {
                SubjectForms.removeRow(record, subject, remove);
            }
            return render(Response.Status.OK, kind, subject, List.of(), null, null);
        }
        List<FieldError> errors = new ArrayList<>();
        ObjectNode subject = SubjectForms.read(record, form, errors);
        ObjectNode body = mapper.createObjectNode().put("type", kind.name());
        body.setAll(subject);
        List<FieldError> apiErrors = new ArrayList<>();
        SubjectDto dto = reader.read(body, "", apiErrors);
        // A field the form already reported (text in a number) was left out; the API would only add "required".
        Set<String> reported = errors.stream().map(FieldError::field).collect(Collectors.toSet());
        apiErrors.stream().filter(e -> !reported.contains(e.field())).forEach(errors::add);
        if (!errors.isEmpty()) {
            return render(Response.Status.BAD_REQUEST, kind, subject, errors,
                    errors.size() == 1 ? "One field needs correcting." : errors.size() + " fields need correcting.", null);
        }
        try {
            AssessmentEntity stored = service.assess(SubjectMapper.submission(dto), pages.user());
            return Response.seeOther(URI.create("/assessments/" + stored.id)).build();
        } catch (ListsUnavailableException e) {
            return render(Response.Status.SERVICE_UNAVAILABLE, kind, subject, List.of(),
                    "Not assessed: no sanctions list is in force yet, so the names cannot be screened. An administrator "
                            + "can load the lists on the Lists page; try again then.", null);
        } catch (ProblemException e) {
            return render(Response.Status.fromStatusCode(e.status()), kind, subject, e.errors(), e.getMessage(), null);
        }
    }

    private Response render(Response.Status status, SubjectType kind, JsonNode subject, List<FieldError> errors,
                            String alert, String from) {
        List<KindChoice> kinds = List.of(
                new KindChoice("SUPPLIER", "Supplier", "A company, its owners and its exports.", kind == SubjectType.SUPPLIER),
                new KindChoice("BANK", "Bank", "A foreign financial institution, its correspondents and payments.", kind == SubjectType.BANK),
                new KindChoice("GOODS", "Goods", "An HS code moving to a destination, with its end user.", kind == SubjectType.GOODS));
        SubjectForms.View view = kind == null ? new SubjectForms.View(List.of(), List.of())
                : SubjectForms.view(SubjectForms.recordOf(kind), subject, errors);
        String label = kind == null ? null : kinds.stream().filter(KindChoice::selected).findFirst().orElseThrow().label();
        String title = kind == null ? "New assessment" : "New assessment: " + label.toLowerCase(Locale.ROOT);
        return Response.status(status).type(HTML)
                .entity(Templates.assess(pages.page(title, "new"), kinds, kind == null ? null : kind.name(), label, view,
                        SubjectForms.countries(), alert, from).render())
                .build();
    }

    private static SubjectType kind(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SubjectType.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private AssessmentEntity earlier(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw WebError.notFound("The assessment " + id);
        }
        return service.find(uuid).orElseThrow(() -> WebError.notFound("The assessment " + id));
    }
}
