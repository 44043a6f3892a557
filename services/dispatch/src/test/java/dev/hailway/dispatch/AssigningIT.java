package dev.hailway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.hailway.dispatch.support.Http;
import dev.hailway.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

class AssigningIT extends DispatchItSupport {

    @Test
    void concurrentAcceptsOfOneOfferAssignTheDriverOnce() throws Exception {
        UUID driver = UUID.randomUUID();
        UUID tripId = dispatchTripWith(candidate(driver, 100));
        UUID offerId = awaitPendingOffer(tripId, driver);

        List<Http.Response> responses = concurrently(8, () -> http.post("/api/offers/" + offerId + "/accept",
                TestTokens.driver(driver)));

        assertThat(responses).filteredOn(response -> response.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() != 200)
                .hasSize(7).allSatisfy(response -> expectProblem(response, 409, "conflict"));
        assertThat(liveAssignmentsOf(driver)).isEqualTo(1);
        assertThat(types(awaitEvents(tripId, 2))).containsExactly("OfferMade", "DriverAssigned");
    }

    /**
     * Matching never offers a busy driver a second trip, but two matchings racing could; the database has the
     * last word. The race is staged by storing a second pending offer for the same driver directly.
     */
    @Test
    void aDriverAcceptingTwoTripsAtOnceGetsOnlyOne() throws Exception {
        UUID driver = UUID.randomUUID();
        UUID tripA = dispatchTripWith(candidate(driver, 100));
        UUID offerA = awaitPendingOffer(tripA, driver);
        UUID tripB = dispatchTripWith();
        await().atMost(TIMEOUT).until(() -> dispatchStatus(tripB) != null);
        UUID offerB = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO offers (offer_id, trip_id, driver_id, distance_meters, status, made_at, expires_at)
                        VALUES (:id, :trip, :driver, 100, 'PENDING', now(), now() + interval '1 minute')""")
                .param("id", offerB).param("trip", tripB).param("driver", driver).update();

        List<Http.Response> responses = concurrently(2,
                () -> http.post("/api/offers/" + offerA + "/accept", TestTokens.driver(driver)),
                () -> http.post("/api/offers/" + offerB + "/accept", TestTokens.driver(driver)));

        assertThat(responses).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 409);
        assertThat(liveAssignmentsOf(driver)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM dispatches WHERE trip_id IN (:a, :b) AND status = 'ASSIGNED'")
                .param("a", tripA).param("b", tripB).query(Long.class).single()).isEqualTo(1);
        // The losing offer is withdrawn, so its trip can go to somebody else.
        UUID losing = responses.get(0).status() == 409 ? offerA : offerB;
        assertThat(jdbc.sql("SELECT status FROM offers WHERE offer_id = :id").param("id", losing)
                .query(String.class).single()).isEqualTo("WITHDRAWN");
    }

    @Test
    void aTripNeverGetsTwoDrivers() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID tripId = dispatchTripWith(candidate(first, 100));
        UUID offer = awaitPendingOffer(tripId, first);
        assertThat(http.post("/api/offers/" + offer + "/accept", TestTokens.driver(first)).status()).isEqualTo(200);
        UUID stray = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO offers (offer_id, trip_id, driver_id, distance_meters, status, made_at, expires_at)
                        VALUES (:id, :trip, :driver, 100, 'PENDING', now(), now() + interval '1 minute')""")
                .param("id", stray).param("trip", tripId).param("driver", second).update();

        expectProblem(http.post("/api/offers/" + stray + "/accept", TestTokens.driver(second)), 409, "conflict");

        assertThat(jdbc.sql("SELECT driver_id FROM assignments WHERE trip_id = :trip").param("trip", tripId)
                .query(UUID.class).list()).containsExactly(first);
    }

    @Test
    void badRequestsAreProblemsThatChangeNothing() {
        UUID driver = UUID.randomUUID();
        UUID tripId = dispatchTripWith(candidate(driver, 100));
        UUID offerId = awaitPendingOffer(tripId, driver);
        String path = "/api/offers/" + offerId + "/accept";

        expectProblem(http.post(path, null), 401, "unauthorized");
        expectProblem(http.get("/api/offers", null), 401, "unauthorized");
        expectProblem(http.post(path, TestTokens.forAccount(driver.toString(), "RIDER")), 403, "forbidden");
        expectProblem(http.post(path, TestTokens.driver(UUID.randomUUID())), 404, "not-found");
        expectProblem(http.post("/api/offers/" + UUID.randomUUID() + "/accept", TestTokens.driver(driver)), 404,
                "not-found");
        Http.Response malformed = http.post("/api/offers/not-a-uuid/accept", TestTokens.driver(driver));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        expectProblem(http.post(path, TestTokens.forAccount("not-a-uuid", "DRIVER")), 403, "forbidden");

        assertThat(offersOf(tripId)).extracting(StoredOffer::status).containsExactly("PENDING");
        assertThat(liveAssignmentsOf(driver)).isZero();
    }

    @SafeVarargs
    private static List<Http.Response> concurrently(int copies, Callable<Http.Response>... calls) throws Exception {
        List<Callable<Http.Response>> all = new ArrayList<>();
        for (Callable<Http.Response> call : calls) {
            for (int i = 0; i < copies / calls.length; i++) {
                all.add(call);
            }
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Http.Response> responses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(all.size())) {
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (Callable<Http.Response> call : all) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            for (Future<Http.Response> future : futures) {
                responses.add(future.get());
            }
        }
        return responses;
    }
}
