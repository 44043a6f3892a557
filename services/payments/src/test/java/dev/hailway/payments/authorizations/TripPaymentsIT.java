package dev.hailway.payments.authorizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.payments.api.PaymentTopics;
import dev.hailway.payments.support.Http;
import dev.hailway.payments.support.IntegrationSupport;
import dev.hailway.platform.testing.TestTokens;
import dev.hailway.platform.testing.TopicReader;
import dev.hailway.platform.events.EventEnvelope;
import dev.hailway.trips.api.CancellationReason;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripCompleted;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.api.TripStatus;
import dev.hailway.trips.api.TripTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;

class TripPaymentsIT extends IntegrationSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final GeoPoint PICKUP = new GeoPoint(37.5665, 126.9780);
    private static final GeoPoint DROPOFF = new GeoPoint(37.4979, 127.0276);

    @Autowired
    TransactionOperations transactions;

    @Test
    void holdsTheFareOnTheRidersCard() throws Exception {
        UUID rider = UUID.randomUUID();
        UUID trip = UUID.randomUUID();

        send(TripTopics.TRIPS, trip.toString(), requested(trip, rider, addMethod(rider, "tok_visa"), 15_600));

        var authorized = awaitEvent(trip, "PaymentAuthorized");
        assertThat(authorized.get("riderId").asString()).isEqualTo(rider.toString());
        assertThat(authorized.get("amount").get("amount").asLong()).isEqualTo(15_600);
        assertThat(state(trip)).isEqualTo("HELD");
    }

    @Test
    void declinesADecliningCardAForeignMethodAndAnUnknownOne() throws Exception {
        UUID rider = UUID.randomUUID();
        UUID declinedTrip = UUID.randomUUID();
        UUID foreignTrip = UUID.randomUUID();
        UUID unknownTrip = UUID.randomUUID();
        UUID someoneElsesMethod = addMethod(UUID.randomUUID(), "tok_visa");

        send(TripTopics.TRIPS, declinedTrip.toString(), requested(declinedTrip, rider,
                addMethod(rider, "tok_chargeDeclined"), 9_000));
        send(TripTopics.TRIPS, foreignTrip.toString(), requested(foreignTrip, rider, someoneElsesMethod, 9_000));
        send(TripTopics.TRIPS, unknownTrip.toString(), requested(unknownTrip, rider, UUID.randomUUID(), 9_000));

        assertThat(awaitEvent(declinedTrip, "PaymentDeclined").get("reason").asString()).isEqualTo("card_declined");
        assertThat(awaitEvent(foreignTrip, "PaymentDeclined").get("reason").asString()).isEqualTo("unknown_payment_method");
        assertThat(awaitEvent(unknownTrip, "PaymentDeclined").get("reason").asString()).isEqualTo("unknown_payment_method");
        assertThat(count("select count(*) from authorizations where trip_id in ('%s', '%s', '%s')"
                .formatted(declinedTrip, foreignTrip, unknownTrip))).isZero();
    }

    @Test
    void capturesAndBooksACompletedTripExactlyOnceWhenTheEventComesTwice() throws Exception {
        UUID rider = UUID.randomUUID();
        UUID driver = UUID.randomUUID();
        UUID trip = UUID.randomUUID();
        send(TripTopics.TRIPS, trip.toString(), requested(trip, rider, addMethod(rider, "tok_visa"), 15_600));
        awaitEvent(trip, "PaymentAuthorized");

        var completed = new TripCompleted(trip, rider, driver, krw(15_603), Instant.now());
        var envelope = send(TripTopics.TRIPS, trip.toString(), completed);
        send(TripTopics.TRIPS, envelope);
        // A second envelope with the same content slips past the inbox: the settlement itself must refuse it.
        send(TripTopics.TRIPS, trip.toString(), completed);
        awaitApplied(send(TripTopics.TRIPS, trip.toString(), cancelled(trip, rider, driver, 0)));

        var captured = awaitEvent(trip, "PaymentCaptured");
        // Capped at the hold; 20% commission of 15_600, rounded down.
        assertThat(captured.get("amount").get("amount").asLong()).isEqualTo(15_600);
        assertThat(captured.get("commission").get("amount").asLong()).isEqualTo(3_120);
        assertThat(captured.get("driverEarnings").get("amount").asLong()).isEqualTo(12_480);
        assertThat(eventsOf(trip)).extracting(event -> event.get("type").asString())
                .containsExactly("PaymentAuthorized", "PaymentCaptured");
        assertThat(state(trip)).isEqualTo("CAPTURED");

        String operator = TestTokens.of("OPERATOR");
        var ledger = http.get("/api/payments/ledger/trips/" + trip, operator);
        assertThat(ledger.status()).as(ledger.body()).isEqualTo(200);
        assertThat(ledger.json().get("entries")).hasSize(1);
        var entry = ledger.json().get("entries").get(0);
        assertThat(entry.get("kind").asString()).isEqualTo("FARE_CAPTURE");
        assertThat(entry.get("sum").get("amount").asLong()).isZero();
        assertThat(entry.get("lines")).hasSize(6);
        assertThat(balance(operator, "rider:" + rider + ":card")).isEqualTo(-15_600);
        assertThat(balance(operator, "driver:" + driver + ":earnings")).isEqualTo(12_480);
        assertThat(count("select count(*) from journal_entry_sums where total <> 0")).isZero();

        var earnings = http.get("/api/payments/earnings", TestTokens.forAccount(driver, "DRIVER"));
        assertThat(earnings.status()).isEqualTo(200);
        assertThat(earnings.json().get("balance").get("amount").asLong()).isEqualTo(12_480);
    }

    @Test
    void aFreeCancellationReleasesTheHold() throws Exception {
        UUID rider = UUID.randomUUID();
        UUID trip = UUID.randomUUID();
        send(TripTopics.TRIPS, trip.toString(), requested(trip, rider, addMethod(rider, "tok_visa"), 12_000));
        awaitEvent(trip, "PaymentAuthorized");

        send(TripTopics.TRIPS, trip.toString(), cancelled(trip, rider, null, 0));

        assertThat(awaitEvent(trip, "PaymentReleased").get("amount").get("amount").asLong()).isEqualTo(12_000);
        assertThat(state(trip)).isEqualTo("RELEASED");
        assertThat(count("select count(*) from journal_entries where trip_id = '" + trip + "'")).isZero();
    }

    @Test
    void aCancellationFeeIsCapturedAndSharedWithTheDriver() throws Exception {
        UUID rider = UUID.randomUUID();
        UUID driver = UUID.randomUUID();
        UUID trip = UUID.randomUUID();
        send(TripTopics.TRIPS, trip.toString(), requested(trip, rider, addMethod(rider, "tok_visa"), 12_000));
        awaitEvent(trip, "PaymentAuthorized");

        var envelope = send(TripTopics.TRIPS, trip.toString(), cancelled(trip, rider, driver, 3_000));
        send(TripTopics.TRIPS, envelope);

        var charged = awaitEvent(trip, "CancellationFeeCharged");
        assertThat(charged.get("fee").get("amount").asLong()).isEqualTo(3_000);
        assertThat(charged.get("driverEarnings").get("amount").asLong()).isEqualTo(2_400);
        assertThat(state(trip)).isEqualTo("FEE_CHARGED");
        var lines = jdbc.sql("""
                select l.account, l.amount from journal_lines l join journal_entries e on e.id = l.entry_id
                where e.trip_id = :trip and e.kind = 'CANCELLATION_FEE' order by l.position""")
                .param("trip", trip).query((row, n) -> row.getString("account") + "=" + row.getLong("amount")).list();
        assertThat(lines).containsExactly("rider:" + rider + ":card=-3000", "platform:clearing=3000",
                "platform:clearing=-2400", "driver:" + driver + ":earnings=2400", "platform:clearing=-600",
                "platform:revenue=600");
    }

    @Test
    void aDeclinedTripThatIsCancelledHasNothingToRelease() throws Exception {
        UUID rider = UUID.randomUUID();
        UUID trip = UUID.randomUUID();
        send(TripTopics.TRIPS, trip.toString(), requested(trip, rider, addMethod(rider, "tok_chargeDeclined"), 9_000));
        awaitEvent(trip, "PaymentDeclined");

        awaitApplied(send(TripTopics.TRIPS, trip.toString(), cancelled(trip, rider, null, 0)));

        await().during(Duration.ofSeconds(2)).atMost(TIMEOUT).untilAsserted(() -> assertThat(eventsOf(trip))
                .extracting(event -> event.get("type").asString()).containsExactly("PaymentDeclined"));
    }

    @Test
    void theDatabaseRefusesAnUnbalancedEntryAndAnyChangeToTheLedger() throws Exception {
        UUID entry = UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("insert into journal_entries (id, trip_id, kind, booked_at) values (:id, :trip, 'FARE_CAPTURE', now())")
                    .param("id", entry).param("trip", UUID.randomUUID()).update();
            jdbc.sql("insert into journal_lines (entry_id, position, account, amount, currency) values "
                    + "(:id, 0, 'platform:clearing', 100, 'KRW'), (:id, 1, 'platform:revenue', -99, 'KRW')")
                    .param("id", entry).update();
        })).hasMessageContaining("does not sum to zero");
        assertThat(count("select count(*) from journal_entries where id = '" + entry + "'")).isZero();

        UUID rider = UUID.randomUUID();
        UUID trip = UUID.randomUUID();
        send(TripTopics.TRIPS, trip.toString(), requested(trip, rider, addMethod(rider, "tok_visa"), 5_000));
        awaitEvent(trip, "PaymentAuthorized");
        send(TripTopics.TRIPS, trip.toString(), new TripCompleted(trip, rider, UUID.randomUUID(), krw(5_000), Instant.now()));
        awaitEvent(trip, "PaymentCaptured");

        assertThatThrownBy(() -> jdbc.sql("update journal_lines set amount = amount * 2 where entry_id in "
                + "(select id from journal_entries where trip_id = '" + trip + "')").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from journal_entries where trip_id = '" + trip + "'").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate journal_lines cascade").update()).rootCause().hasMessageContaining("append-only");
        assertThat(count("select count(*) from journal_lines l join journal_entries e on e.id = l.entry_id "
                + "where e.trip_id = '" + trip + "'")).isEqualTo(6);
    }

    @Test
    void ledgerReadsAreForOperatorsAndCheckTheirInput() {
        String operator = TestTokens.of("OPERATOR");

        expectProblem(http.get("/api/payments/ledger/trips/" + UUID.randomUUID(), TestTokens.of("RIDER")), 403, "forbidden");
        expectProblem(http.get("/api/payments/ledger/balances/platform:revenue", TestTokens.of("DRIVER")), 403, "forbidden");
        expectProblem(http.get("/api/payments/earnings", TestTokens.of("RIDER")), 403, "forbidden");
        expectProblem(http.get("/api/payments/ledger/trips/not-a-uuid", operator), 400, "validation");
        expectProblem(http.get("/api/payments/ledger/balances/platform:cash", operator), 400, "validation");
        var empty = http.get("/api/payments/ledger/trips/" + UUID.randomUUID(), operator);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().get("entries")).isEmpty();
    }

    private UUID addMethod(UUID rider, String cardToken) {
        var response = http.post("/api/payment-methods", Map.of("cardToken", cardToken),
                TestTokens.forAccount(rider, "RIDER"), Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.json().get("paymentMethodId").asString());
    }

    private static TripRequested requested(UUID trip, UUID rider, UUID method, long fare) {
        return new TripRequested(trip, rider, UUID.randomUUID(), PICKUP, DROPOFF, VehicleClass.STANDARD, krw(fare),
                method, Instant.now());
    }

    private static TripCancelled cancelled(UUID trip, UUID rider, UUID driver, long fee) {
        return new TripCancelled(trip, rider, driver, driver == null ? CancellationReason.RIDER_CANCELLED
                : CancellationReason.DRIVER_CANCELLED, TripStatus.DRIVER_ASSIGNED, krw(fee), Instant.now());
    }

    private static Money krw(long amount) {
        return Money.of(amount, "KRW");
    }

    /** Waits until payments applied the envelope; events of one trip are applied in order, so all before it too. */
    private void awaitApplied(EventEnvelope envelope) {
        await().atMost(TIMEOUT).until(() -> count("select count(*) from inbox where event_id = '" + envelope.id() + "'") == 1);
    }

    private JsonNode awaitEvent(UUID trip, String type) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> eventsOf(trip).stream().filter(event -> event.get("type").asString().equals(type))
                        .findFirst().orElse(null), event -> event != null)
                .get("payload");
    }

    private List<JsonNode> eventsOf(UUID trip) {
        return TopicReader.readAll(kafkaServers, PaymentTopics.PAYMENTS).stream()
                .filter(record -> trip.toString().equals(record.key()))
                .map(record -> Http.JSON.readTree(record.value()))
                .toList();
    }

    private String state(UUID trip) {
        return jdbc.sql("select state from authorizations where trip_id = :trip").param("trip", trip)
                .query(String.class).single();
    }

    private long balance(String operator, String account) {
        var response = http.get("/api/payments/ledger/balances/" + account, operator);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("balance").get("amount").asLong();
    }

    private static void expectProblem(Http.Response response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://hailway.dev/problems/" + slug);
    }
}
