package org.exposure.assessor;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the main code: every package depends only on those below it, so that the matcher, the rules and
 * the list adapters can be read, tested and changed without what sits on top of them. From the bottom:
 * <pre>
 *   support                         small helpers with no knowledge of the application
 *   domain, config, persistence     plain records, settings (typed with the domain's enums), stored rows
 *   audit                           the append-only, hash-chained record of who did what
 *   security                        roles, identities, the first administrator, cross-site request checks
 *   match                           the name matcher: nothing of the application at all
 *   rules                           the one boundary with Drools
 *   lists                           list entries, versions and one adapter per source
 *   screening                       the index over the lists in force
 *   review                          review items, decisions, remembered dismissals, four eyes
 *   assessment                      rules + screening + review + storage
 *   monitoring                      whom a list change touches: the party index, the changes feed
 *   webhooks                        the changes feed POSTed, signed, to subscribed receivers
 *   intake                          what the API and the batch jobs both read: subjects, errors, problems
 *   rulesets                        stored ruleset versions, the validation of a candidate, the examples beside the rules
 *   api, batch, health              the ways in; none of them uses another
 *   web                             the pages for people: shows what the API and the batch jobs serve
 *   operations                      metrics gauges and the retention cleanup: reads what the others store
 * </pre>
 */
@AnalyzeClasses(packages = "org.exposure.assessor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("support").definedBy("org.exposure.assessor.support..")
            .layer("domain").definedBy("org.exposure.assessor.domain..")
            .layer("config").definedBy("org.exposure.assessor.config..")
            .layer("persistence").definedBy("org.exposure.assessor.persistence..")
            .layer("audit").definedBy("org.exposure.assessor.audit..")
            .layer("security").definedBy("org.exposure.assessor.security..")
            .layer("review").definedBy("org.exposure.assessor.review..")
            .layer("match").definedBy("org.exposure.assessor.match..")
            .layer("rules").definedBy("org.exposure.assessor.rules..")
            .layer("lists").definedBy("org.exposure.assessor.lists..")
            .layer("screening").definedBy("org.exposure.assessor.screening..")
            .layer("assessment").definedBy("org.exposure.assessor.assessment..")
            .layer("monitoring").definedBy("org.exposure.assessor.monitoring..")
            .layer("webhooks").definedBy("org.exposure.assessor.webhooks..")
            .layer("intake").definedBy("org.exposure.assessor.intake..")
            .layer("rulesets").definedBy("org.exposure.assessor.rulesets..")
            .layer("api").definedBy("org.exposure.assessor.api..")
            .layer("batch").definedBy("org.exposure.assessor.batch..")
            .layer("health").definedBy("org.exposure.assessor.health..")
            .layer("web").definedBy("org.exposure.assessor.web..")
            .layer("operations").definedBy("org.exposure.assessor.operations..")

            .whereLayer("support").mayNotAccessAnyLayer()
            .whereLayer("domain").mayNotAccessAnyLayer()
            .whereLayer("config").mayOnlyAccessLayers("domain")
            .whereLayer("match").mayNotAccessAnyLayer()
            .whereLayer("persistence").mayOnlyAccessLayers("support", "domain")
            .whereLayer("audit").mayOnlyAccessLayers("support", "domain", "config", "persistence")
            .whereLayer("security").mayOnlyAccessLayers("support", "domain", "config", "persistence", "audit")
            .whereLayer("rules").mayOnlyAccessLayers("support", "domain", "config")
            .whereLayer("lists").mayOnlyAccessLayers("support", "domain", "config", "persistence", "audit")
            .whereLayer("screening").mayOnlyAccessLayers("support", "domain", "config", "persistence", "match", "rules", "lists")
            .whereLayer("review").mayOnlyAccessLayers("support", "domain", "config", "persistence", "audit", "security", "rules",
                    "lists", "screening")
            .whereLayer("assessment").mayOnlyAccessLayers("support", "domain", "config", "persistence", "audit", "security",
                    "rules", "lists", "screening", "review")
            .whereLayer("monitoring").mayOnlyAccessLayers("support", "domain", "config", "persistence", "audit", "security",
                    "rules", "lists", "screening", "review", "assessment")
            .whereLayer("webhooks").mayOnlyAccessLayers("support", "domain", "config", "persistence", "audit", "security",
                    "monitoring")
            .whereLayer("intake").mayOnlyAccessLayers("support", "domain", "config", "persistence", "rules", "lists", "screening",
                    "audit", "security", "review", "assessment")
            // The examples decode subjects as the API does, so the rulesets sit above intake and below the API.
            .whereLayer("rulesets").mayOnlyAccessLayers("support", "domain", "config", "persistence", "audit", "security",
                    "rules", "lists", "screening", "review", "assessment", "intake")
            .whereLayer("api").mayOnlyAccessLayers("support", "domain", "config", "persistence", "rules", "lists", "screening",
                    "audit", "security", "review", "assessment", "monitoring", "webhooks", "intake", "rulesets")
            .whereLayer("batch").mayOnlyAccessLayers("support", "domain", "config", "persistence", "rules", "lists", "screening",
                    "audit", "security", "review", "assessment", "monitoring", "intake")
            .whereLayer("health").mayOnlyAccessLayers("support", "domain", "config", "persistence", "audit", "security", "rules",
                    "lists", "screening")

            .whereLayer("api").mayOnlyBeAccessedByLayers("web")
            .whereLayer("batch").mayOnlyBeAccessedByLayers("web")
            .whereLayer("webhooks").mayOnlyBeAccessedByLayers("api")
            .whereLayer("rulesets").mayOnlyBeAccessedByLayers("api")
            .whereLayer("health").mayNotBeAccessedByAnyLayer()
            .whereLayer("web").mayNotBeAccessedByAnyLayer()
            .whereLayer("operations").mayOnlyAccessLayers("support", "domain", "config", "persistence", "audit", "review",
                    "lists", "screening")
            .whereLayer("operations").mayNotBeAccessedByAnyLayer();

    /** A package that appears in no layer above still may not form a cycle with another. */
    @ArchTest
    static final ArchRule NO_CYCLES = slices().matching("org.exposure.assessor.(*)..").should().beFreeOfCycles();
}
