package org.exposure.assessor.web;

import java.util.List;

import org.exposure.assessor.assessment.AssessmentService;
import org.exposure.assessor.persistence.AssessmentEntity;
import org.exposure.assessor.security.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The start page: what the user can do from here, and the latest assessments. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {
    private final Pages pages;
    private final AssessmentService assessments;

    HomePage(Pages pages, AssessmentService assessments) {
        this.pages = pages;
        this.assessments = assessments;
    }

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance home(Page page, List<AssessmentEntity> recent);
    }

    @GET
    @Authenticated
    public TemplateInstance home() {
        Page page = pages.page("Start", "home");
        List<AssessmentEntity> recent = pages.has(Roles.ANALYST)
                ? assessments.page(null, null, null, 0, 10).items()
                : List.of();
        return Templates.home(page, recent);
    }
}
