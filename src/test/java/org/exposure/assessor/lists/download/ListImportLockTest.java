package org.exposure.assessor.lists.download;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.ListFixtures;
import org.exposure.assessor.lists.ListStore;
import org.exposure.assessor.lists.download.LocalListServer.Request;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.exposure.assessor.screening.ScreeningIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Imports of one source take turns on the source's row in the database: two uploads of the same file give one
 * version, an upload racing a download leaves one version in force, and a lock held by another connection (as
 * another instance would hold it) holds an upload back.
 */
@QuarkusTest
@TestProfile(LocalListsProfile.class)
class ListImportLockTest {
    @Inject
    ScreeningIndex screening;
    @Inject
    ListStore store;
    @Inject
    DataSource dataSource;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    // From no list in force, so that the versions counted are this test's; the start-up lists come back afterwards.
    @BeforeEach
    void noListInForce() {
        ListFixtures.removeAll();
    }

    @AfterEach
    void startupListsAndNoAnswers() {
        threads.shutdownNow();
        ListFixtures.restore();
        LocalListsProfile.server().reset();
    }

    private static Response upload(byte[] file) {
        return given().contentType("text/csv").body(file).post("/api/v1/lists/OFAC-SDN");
    }

    /**
     * Runs both while another connection holds the source's row lock (as another instance would), checks that
     * neither has finished after a few seconds, then lets them go: so the two are in progress at the same time,
     * however small the file, and their turns are decided by the lock alone. Returns their results.
     */
    private <T> List<T> togetherBehindTheLock(Callable<T> a, Callable<T> b) throws Exception {
        List<Future<T>> running = new ArrayList<>();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            lockOfacSdn(other);
            for (Callable<T> c : List.of(a, b)) {
                running.add(threads.submit(c));
            }
            Thread.sleep(3_000);
            assertThat(running).as("both wait for the lock").noneMatch(Future::isDone);
            other.commit();
        }
        List<T> out = new ArrayList<>();
        for (Future<T> f : running) {
            out.add(f.get(180, TimeUnit.SECONDS));
        }
        return out;
    }

    private static void lockOfacSdn(Connection connection) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement("SELECT source FROM list_source WHERE source = ? FOR UPDATE")) {
            ps.setString(1, "OFAC-SDN");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    private static List<ListVersionEntity> versions() {
        return QuarkusTransaction.requiringNew().call(() -> ListVersionEntity.<ListVersionEntity>list("source", "OFAC-SDN"));
    }

    @Test
    void twoUploadsOfTheSameFileAtOnceGiveOneVersion() throws Exception {
        byte[] file = ListDownloadValidatorsTest.sdnSample(Fixtures.SDN_ENTRIES);
        List<Response> answers = togetherBehindTheLock(() -> upload(file), () -> upload(file));
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 200);
        assertThat(answers).extracting(r -> r.jsonPath().getString("version.id")).containsOnly(
                answers.get(0).jsonPath().getString("version.id"));
        assertThat(versions()).singleElement().satisfies(v -> assertThat(v.inForce).isTrue());
    }

    @Test
    void anUploadRacingADownloadLeavesOneVersionInForceAndValidatorsThatMatchIt() throws Exception {
        byte[] served = ListDownloadValidatorsTest.sdnSample(Fixtures.SDN_ENTRIES);
        ListDownloadValidatorsTest.serveOfac(served);
        byte[] uploaded = ListDownloadValidatorsTest.sdnSample(Fixtures.SDN_ENTRIES);
        List<Integer> statuses = togetherBehindTheLock(() -> given().post("/api/v1/lists/OFAC-SDN/download").statusCode(),
                () -> upload(uploaded).statusCode());
        assertThat(statuses).containsExactly(201, 201);
        List<ListVersionEntity> versions = versions();
        assertThat(versions).hasSize(2);
        assertThat(versions).filteredOn(v -> v.inForce).hasSize(1);

        // Whichever came last is in force; the next download gets the server's files to the version in force
        // either way: by a 304 when the download's version is in force, whole when the upload's is.
        ListVersionEntity inForce = versions.stream().filter(v -> v.inForce).findFirst().orElseThrow();
        int before = LocalListsProfile.server().requests().size();
        String after = given().post("/api/v1/lists/OFAC-SDN/download").then().statusCode(200)
                .extract().path("version.id");
        List<Request> requests = LocalListsProfile.server().requests();
        List<Request> asked = requests.subList(before, requests.size());
        assertThat(asked).hasSize(3);
        boolean downloadWasLast = asked.stream().allMatch(Request::conditional);
        if (downloadWasLast) {
            assertThat(after).isEqualTo(inForce.id.toString());
        } else {
            assertThat(asked).noneMatch(Request::conditional);
            assertThat(after).isNotEqualTo(inForce.id.toString());
        }
        assertThat(store.inForce()).singleElement().satisfies(v -> assertThat(v.id.toString()).isEqualTo(after));
    }

    @Test
    void aLockHeldByAnotherConnectionHoldsAnUploadBack() throws Exception {
        byte[] file = ListDownloadValidatorsTest.sdnSample(20);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            lockOfacSdn(other);
            Future<Integer> waiting = threads.submit(() -> upload(file).statusCode());
            try {
                waiting.get(3, TimeUnit.SECONDS);
                throw new AssertionError("the upload finished while another connection held the source's lock");
            } catch (TimeoutException expected) {
                // still waiting for the lock
            }
            assertThat(versions()).isEmpty();
            other.commit();
            assertThat(waiting.get(60, TimeUnit.SECONDS)).isEqualTo(201);
        }
        assertThat(versions()).singleElement().satisfies(v -> assertThat(v.inForce).isTrue());
    }
}
