package dev.hailway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;

import dev.hailway.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

class CancellationIT extends DispatchItSupport {

    @Test
    void aCancelledTripWithdrawsItsPendingOfferAndStopsMatching() {
        UUID driver = UUID.randomUUID();
        UUID tripId = dispatchTripWith(candidate(driver, 100), candidate(UUID.randomUUID(), 200));
        UUID offerId = awaitPendingOffer(tripId, driver);

        cancel(tripId, null);

        await().atMost(TIMEOUT).until(() -> "CANCELLED".equals(dispatchStatus(tripId)));
        assertThat(offersOf(tripId)).extracting(StoredOffer::status).containsExactly("WITHDRAWN");
        assertThat(http.get("/api/offers", TestTokens.driver(driver)).json()).isEmpty();
        expectProblem(http.post("/api/offers/" + offerId + "/accept", TestTokens.driver(driver)), 409, "conflict");
        assertThat(jdbc.sql("SELECT next_attempt_at IS NULL FROM dispatches WHERE trip_id = :trip")
                .param("trip", tripId).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aCancelledTripFreesItsDriverForTheNextTrip() {
        UUID driver = UUID.randomUUID();
        UUID first = dispatchTripWith(candidate(driver, 100));
        accept(first, driver);
        UUID second = dispatchTripWith(candidate(driver, 100));
        // Busy: the second trip waits, offered to nobody.
        await().atMost(TIMEOUT).until(() -> jdbc.sql(
                "SELECT next_attempt_at IS NOT NULL FROM dispatches WHERE trip_id = :trip")
                .param("trip", second).query(Boolean.class).optional().orElse(false));
        assertThat(offersOf(second)).isEmpty();

        cancel(first, driver);

        awaitPendingOffer(second, driver);
        assertThat(liveAssignmentsOf(driver)).isZero();
    }

    @Test
    void aPaidTripFreesItsDriver() {
        UUID driver = UUID.randomUUID();
        UUID first = dispatchTripWith(candidate(driver, 100));
        accept(first, driver);
        UUID second = dispatchTripWith(candidate(driver, 100));

        paid(first, driver);

        awaitPendingOffer(second, driver);
        assertThat(dispatchStatus(first)).isEqualTo("ASSIGNED");
        assertThat(liveAssignmentsOf(driver)).isZero();
    }

    private void accept(UUID tripId, UUID driver) {
        UUID offerId = awaitPendingOffer(tripId, driver);
        assertThat(http.post("/api/offers/" + offerId + "/accept", TestTokens.driver(driver)).status())
                .isEqualTo(200);
    }
}
