package org.exposure.assessor.web;

import java.util.UUID;

import org.exposure.assessor.api.AssessmentViews;
import org.exposure.assessor.assessment.AssessmentService;
import org.exposure.assessor.security.Roles;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One stored assessment, for people: the verdict, why, on which facts, with which versions, and its review. */
@Path("/assessments/{id}")
@Produces(MediaType.TEXT_HTML)
public class AssessmentPage {
    private final Pages pages;
    private final AssessmentService service;
    private final AssessmentViews views;
    private final ObjectMapper mapper;
    private final ReviewSummaries reviews;

    AssessmentPage(Pages pages, AssessmentService service, AssessmentViews views, ObjectMapper mapper,
                   ReviewSummaries reviews) {
        this.pages = pages;
        this.service = service;
        this.views = views;
        this.mapper = mapper;
        this.reviews = reviews;
    }

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance assessment(Page page, AssessmentDisplay.Display a, ReviewSummary review);
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    public TemplateInstance show(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw WebError.notFound("The assessment " + id);
        }
        AssessmentDisplay.Display a = service.find(uuid).map(views::of).map(v -> AssessmentDisplay.of(v, mapper))
                .orElseThrow(() -> WebError.notFound("The assessment " + id));
        return Templates.assessment(pages.page(a.title(), "assessments"), a, reviews.of(uuid));
    }
}
