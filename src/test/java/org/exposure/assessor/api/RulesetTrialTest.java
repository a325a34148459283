package org.exposure.assessor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exposure.assessor.assessment.RulesetTrial;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RuleFiles;
import org.exposure.assessor.rules.RulesInForce;
import org.exposure.assessor.rules.RulesetFiles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * A candidate that raises the Russia-share threshold of FFI-RUSSIA-SHARE from 10 % to 30 %, tried on the last
 * assessments: exactly the banks declaring a share above 10 % and at most 30 % lose the rule, and no other verdict
 * moves; the ruleset in force tried against itself changes nothing.
 */
@QuarkusTest
class RulesetTrialTest {
    @Inject
    RulesetTrial trial;
    @Inject
    RulesInForce inForce;

    private static final String[] SHARES = {"0.05", "0.15", "0.25", "0.35", "0.30", "0.10"};

    /** Banks with those shares, then goods; returns the banks' ids by share, newest last. */
    private static List<String> assessBanksAndGoods(String run) {
        List<String> subjects = new ArrayList<>();
        for (String share : SHARES) {
            subjects.add("{\"type\":\"BANK\",\"ref\":\"trial-" + run + "-" + share + "\",\"name\":\"Trial Regional Bank " + share
                    + "\",\"country\":\"KZ\",\"russiaPaymentShare\":" + share + "}");
        }
        subjects.add("{\"type\":\"GOODS\",\"ref\":\"trial-" + run + "-goods\",\"hsCode\":\"854231\",\"destinationCountry\":\"RU\"}");
        return Users.ANALYST.given().contentType(ContentType.JSON).body("{\"subjects\":[" + String.join(",", subjects) + "]}")
                .post("/api/v1/assessments/batch").then().statusCode(200).extract().jsonPath().getList("results.id", String.class);
    }

    private static RuleEngine candidate(String from, String to) throws IOException {
        Path rules = RuleFiles.copyOfProjectRules("trial");
        Path parameters = rules.resolve("reference/parameters.csv");
        String text = Files.readString(parameters, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(parameters, text.replace(from, to), StandardCharsets.UTF_8);
        return RuleEngine.load(RulesetFiles.fromDirectory(rules));
    }

    @Test
    void aRaisedThresholdChangesExactlyTheVerdictsItShould() throws IOException {
        List<String> ids = assessBanksAndGoods(UUID.randomUUID().toString());
        RuleEngine raised = candidate("ffi.russia-share.threshold,0.10,", "ffi.russia-share.threshold,0.30,");

        RulesetTrial.Report report = trial.run(raised, ids.size());

        assertThat(report.tried()).isEqualTo(ids.size());
        assertThat(report.skipped()).isEmpty();
        assertThat(report.candidate()).isNotEqualTo(report.inForce());
        // Above 10 %: 0.15, 0.25, 0.35, 0.30; above 30 %: 0.35 only.
        assertThat(report.byRule()).isEqualTo(Map.of("FFI-RUSSIA-SHARE", new RulesetTrial.Counts(4, 1)));
        assertThat(report.changes()).extracting(RulesetTrial.Change::assessmentId)
                .containsExactlyInAnyOrder(UUID.fromString(ids.get(1)), UUID.fromString(ids.get(2)), UUID.fromString(ids.get(4)));
        assertThat(report.changes()).allSatisfy(c -> {
            assertThat(c.rulesRemoved()).containsExactly("FFI-RUSSIA-SHARE");
            assertThat(c.rulesAdded()).isEmpty();
            assertThat(c.candidateLevel().compareTo(c.inForceLevel())).isLessThanOrEqualTo(0);
        });
        int inForceTotal = report.byLevel().values().stream().mapToInt(RulesetTrial.Counts::inForce).sum();
        int candidateTotal = report.byLevel().values().stream().mapToInt(RulesetTrial.Counts::candidate).sum();
        assertThat(inForceTotal).isEqualTo(ids.size()).isEqualTo(candidateTotal);
    }

    @Test
    void theRulesetInForceAgainstItselfChangesNothing() {
        List<String> ids = assessBanksAndGoods(UUID.randomUUID().toString());
        RulesetTrial.Report report = trial.run(inForce.current(), ids.size());
        assertThat(report.tried()).isEqualTo(ids.size());
        assertThat(report.changes()).isEmpty();
        assertThat(report.byRule()).isEmpty();
        assertThat(report.levelChanges()).isZero();
    }
}
