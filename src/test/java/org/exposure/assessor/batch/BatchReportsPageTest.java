package org.exposure.assessor.batch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.exposure.assessor.batch.BatchReports.ResultOrder;
import org.exposure.assessor.batch.BatchReports.ResultPage;
import org.exposure.assessor.batch.BatchReports.ResultQuery;
import org.exposure.assessor.domain.RiskLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The paged, sorted and filtered read of a job's results that the job page shows, against a real job. */
@QuarkusTest
class BatchReportsPageTest {
    private static final int ROWS = 250;

    @Inject
    BatchReports reports;

    // One job for the whole class: submitted before the first test (RestAssured knows the port only by then).
    static UUID job;
    static Map<String, Object> levels;
    static long rejected;

    @BeforeEach
    void submit() throws InterruptedException {
        if (job != null) {
            return;
        }
        StringBuilder csv = new StringBuilder("ref,type,hsCode,destinationCountry\n");
        String[] hs = {"854231", "848210", "610910", "851762"};
        String[] dest = {"RU", "KZ", "DE", "US", "AE"};
        for (int i = 0; i < ROWS; i++) {
            // Refs in the reverse of line order, every 25th row without one, every 40th rejected.
            String ref = i % 25 == 3 ? "" : String.format("R-%04d", ROWS - i);
            csv.append(ref).append(",GOODS,").append(i % 40 == 5 ? "12345" : hs[i % hs.length]).append(',')
                    .append(dest[(i / 4) % dest.length]).append('\n');
        }
        String id = given().auth().preemptive().basic("analyst", "analyst-secret").contentType("text/csv")
                .body(csv.toString()).post("/api/v1/batches").then().statusCode(202).extract().jsonPath().getString("id");
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            var status = given().auth().preemptive().basic("analyst", "analyst-secret").get("/api/v1/batches/" + id)
                    .then().statusCode(200).extract().jsonPath();
            if (status.getString("state").equals("DONE")) {
                levels = status.getMap("riskLevels");
                rejected = status.getLong("rejected");
                job = UUID.fromString(id);
                break;
            }
            assertThat(System.currentTimeMillis()).as("job done within two minutes").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void pagesCoverEveryRowOnceInLineOrder() {
        List<Long> lines = new ArrayList<>();
        for (int page = 0; ; page++) {
            ResultPage p = reports.resultPage(job, new ResultQuery(null, null, ResultOrder.LINE, false, page, 60));
            assertThat(p.total()).isEqualTo(ROWS);
            assertThat(p.pages()).isEqualTo(5);
            p.items().forEach(r -> lines.add(r.line()));
            if (p.items().size() < 60) {
                break;
            }
        }
        assertThat(lines).hasSize(ROWS).isSorted().doesNotHaveDuplicates();
        assertThat(lines.get(0)).isEqualTo(2L);
        ResultPage last = reports.resultPage(job, new ResultQuery(null, null, ResultOrder.LINE, true, 0, 1));
        assertThat(last.items().get(0).line()).isEqualTo(ROWS + 1L);
    }

    @Test
    void aLevelFilterGivesThatLevelsRowsAndCount() {
        for (RiskLevel level : RiskLevel.values()) {
            ResultPage p = reports.resultPage(job, new ResultQuery(level, null, ResultOrder.LINE, false, 0, 200));
            assertThat(p.total()).as(level.name()).isEqualTo(((Number) levels.get(level.name())).longValue());
            assertThat(p.items()).allSatisfy(r -> assertThat(r.riskLevel()).isEqualTo(level));
        }
        ResultPage bad = reports.resultPage(job, new ResultQuery(null, ResultRow.Status.REJECTED, ResultOrder.LINE, false, 0, 200));
        assertThat(bad.total()).isEqualTo(rejected).isPositive();
        assertThat(bad.items()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(ResultRow.Status.REJECTED);
            assertThat(r.errors()).isNotEmpty();
        });
    }

    @Test
    void sortingByRiskPutsTheHighestFirstAndKeepsPagesApart() {
        List<ResultRow> all = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            all.addAll(reports.resultPage(job, new ResultQuery(null, null, ResultOrder.RISK, true, page, 100)).items());
        }
        assertThat(all).hasSize(ROWS);
        Set<Long> seen = new HashSet<>();
        all.forEach(r -> assertThat(seen.add(r.line())).isTrue());
        // Highest level first; rejected rows, which have none, last; by line within a level.
        for (int i = 1; i < all.size(); i++) {
            ResultRow a = all.get(i - 1);
            ResultRow b = all.get(i);
            int ra = a.riskLevel() == null ? -1 : a.riskLevel().ordinal();
            int rb = b.riskLevel() == null ? -1 : b.riskLevel().ordinal();
            assertThat(ra).isGreaterThanOrEqualTo(rb);
            if (ra == rb) {
                assertThat(a.line()).isLessThan(b.line());
            }
        }
        assertThat(all.get(all.size() - 1).status()).isEqualTo(ResultRow.Status.REJECTED);
    }

    @Test
    void sortingByRefPutsRowsWithoutOneLast() {
        List<ResultRow> rows = reports.resultPage(job, new ResultQuery(null, null, ResultOrder.REF, false, 0, ROWS)).items();
        assertThat(rows.get(0).ref()).isEqualTo("R-0001");
        assertThat(rows.get(0).line()).isEqualTo(ROWS + 1L);
        List<String> refs = rows.stream().map(ResultRow::ref).filter(r -> r != null).toList();
        assertThat(refs).isSorted();
        assertThat(rows.get(rows.size() - 1).ref()).isNull();
    }

    @Test
    void theListOfJobsIsNewestFirstAndByCreatorWhenAsked() {
        BatchReports.JobPage mine = reports.jobs("analyst", 0, 50);
        assertThat(mine.items()).isNotEmpty().allSatisfy(j -> assertThat(j.createdBy()).isEqualTo("analyst"));
        BatchReports.JobSummary ours = mine.items().stream().filter(j -> j.id().equals(job)).findFirst().orElseThrow();
        assertThat(ours.rowsRead()).isEqualTo(ROWS);
        assertThat(ours.done()).isEqualTo(ROWS);
        assertThat(ours.rejected()).isEqualTo(rejected);
        assertThat(ours.highOrAbove()).isEqualTo(((Number) levels.get("HIGH")).longValue()
                + ((Number) levels.get("SEVERE")).longValue() + ((Number) levels.get("BLOCKED")).longValue());
        assertThat(reports.jobs("nobody-at-all", 0, 50).items()).isEmpty();
        List<BatchReports.JobSummary> all = reports.jobs(null, 0, 50).items();
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i - 1).createdAt()).isAfterOrEqualTo(all.get(i).createdAt());
        }
    }
}
