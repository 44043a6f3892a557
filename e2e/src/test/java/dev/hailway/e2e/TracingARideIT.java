package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.hailway.e2e.TraceReceiver.Span;
import dev.hailway.runtime.Platform;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;

/**
 * Traces proven, not assumed: every service of the suite's platform exports its spans over OTLP to the suite's
 * {@link TraceReceiver}. A rider's request and a driver's acceptance are sent with a W3C {@code traceparent} the test
 * chose, so their traces can be found, and each must cross the services the ride really crosses, over HTTP and over
 * Kafka, with every span's parent present (no orphans) and no second root inside.
 */
@ExtendWith(PlatformExtension.class)
class TracingARideIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration EXPORTED = Duration.ofSeconds(60);

    private final Api api;
    private final Rides rides;
    private final TraceReceiver receiver;

    TracingARideIT(Platform platform, TraceReceiver receiver) {
        this.api = new Api(platform.gatewayUrl());
        this.rides = new Rides(api);
        this.receiver = receiver;
    }

    record Parent(String traceId, String spanId) {

        static Parent random() {
            return new Parent(hex(16), hex(8));
        }

        String header() {
            return "00-" + traceId + "-" + spanId + "-01";
        }

        private static String hex(int bytes) {
            byte[] id = new byte[bytes];
            RANDOM.nextBytes(id);
            return HexFormat.of().formatHex(id);
        }
    }

    @Test
    void aRideRequestIsOneTraceFromTheGatewayThroughTripsAndKafkaToPaymentsDispatchAndBack() {
        Rides.Point pickup = Rides.newPlace();
        Rides.Driver driver = rides.onlineDriverAt(pickup.offset(0.002, 0.002));
        Rides.Rider rider = rides.riderWithCard("tok_visa");
        String quoteId = rider.quote(pickup, pickup.offset(0.03, 0.03)).get("quoteId").asString();

        Parent request = Parent.random();
        Api.Response created = api.send(api.request("/api/trips", rider.account.accessToken())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("traceparent", request.header())
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(
                        Map.of("quoteId", quoteId, "paymentMethodId", rider.paymentMethodId.toString())))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID tripId = UUID.fromString(created.json().get("tripId").asString());
        UUID offer = driver.awaitOfferFor(tripId);

        // Accepted at once: the suite's offers expire in 4 s, and the spans take a few seconds to be exported.
        Parent acceptance = Parent.random();
        Api.Response accepted = api.send(api.request("/api/offers/" + offer + "/accept", driver.account.accessToken())
                .header("traceparent", acceptance.header())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

        List<Span> trace = awaitCompleteTrace(request, Set.of("gateway", "trips", "payments", "dispatch", "location"));

        assertThat(kafkaHop(trace, "trips", "payments")).as("trips' event reaches payments in the same trace").isTrue();
        assertThat(kafkaHop(trace, "payments", "trips")).as("payments' answer comes back to trips").isTrue();
        assertThat(kafkaHop(trace, "trips", "dispatch")).as("the authorized trip reaches dispatch").isTrue();
        assertThat(trace).as("dispatch asks location over HTTP, client span to server span")
                .anySatisfy(server -> assertThat(server.service().equals("location") && server.kind() == SpanKind.SPAN_KIND_SERVER
                        && parentOf(trace, server).map(p -> p.service().equals("dispatch") && p.kind() == SpanKind.SPAN_KIND_CLIENT)
                        .orElse(false)).isTrue());

        List<Span> assignment = awaitCompleteTrace(acceptance, Set.of("gateway", "dispatch", "trips"));
        assertThat(kafkaHop(assignment, "dispatch", "trips")).as("the assignment reaches trips over Kafka in the driver's trace").isTrue();
        assertThat(receiver.refused()).as("export requests the receiver could not decode").isZero();
        driver.goOffline();
    }

    /**
     * Waits until the trace holds spans of every expected service and every span's parent has arrived too (spans are
     * exported in batches, a parent often after its children), then returns it.
     */
    private List<Span> awaitCompleteTrace(Parent root, Set<String> services) {
        await().atMost(EXPORTED).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<Span> trace = receiver.trace(root.traceId());
            assertThat(servicesOf(trace)).as("services in trace %s", root.traceId()).containsAll(services);
            assertThat(orphans(trace, root)).as("spans whose parent is not in the trace").isEmpty();
        });
        List<Span> trace = receiver.trace(root.traceId());
        assertThat(trace).as("one root: the test's own span; no span of the trace starts a tree of its own")
                .noneMatch(Span::isRoot);
        assertThat(trace).filteredOn(span -> span.parentSpanId().equals(root.spanId()))
                .as("the gateway continues the caller's trace")
                .singleElement().satisfies(span -> assertThat(span.service()).isEqualTo("gateway"));
        return trace;
    }

    private static Set<String> servicesOf(List<Span> trace) {
        return trace.stream().map(Span::service).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> orphans(List<Span> trace, Parent root) {
        Set<String> ids = trace.stream().map(Span::spanId).collect(Collectors.toSet());
        return trace.stream()
                .filter(span -> !span.isRoot() && !span.parentSpanId().equals(root.spanId()) && !ids.contains(span.parentSpanId()))
                .map(span -> span.service() + " " + span.kind() + " " + span.name())
                .toList();
    }

    /** A consumer span in {@code to} whose parent is a producer span in {@code from}: an event handed over by Kafka. */
    private static boolean kafkaHop(List<Span> trace, String from, String to) {
        return trace.stream().anyMatch(consumer -> consumer.service().equals(to) && consumer.kind() == SpanKind.SPAN_KIND_CONSUMER
                && parentOf(trace, consumer).map(p -> p.service().equals(from) && p.kind() == SpanKind.SPAN_KIND_PRODUCER).orElse(false));
    }

    private static java.util.Optional<Span> parentOf(List<Span> trace, Span span) {
        return trace.stream().filter(candidate -> candidate.spanId().equals(span.parentSpanId())).findFirst();
    }
}
