package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

import dev.hailway.runtime.ContainerPlatform;
import dev.hailway.runtime.ContainerSpec;

/** The README's first ride, through the gateway of the platform run from this build's images. */
@ExtendWith(ContainerPlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TakingARideFromImagesIT {

    private final ContainerPlatform platform;
    private final Api api;
    private final Rides rides;
    private String operator;

    TakingARideFromImagesIT(ContainerPlatform platform) {
        this.platform = platform;
        this.api = new Api(platform.gatewayUrl());
        this.rides = new Rides(api);
    }

    @BeforeAll
    void signInTheOperator() {
        operator = api.operatorToken(platform.operatorEmail(), platform.operatorPassword());
    }

    @Test
    void aRiderIsDrivenFromQuoteToPaidAndTheLedgerBalances() {
        Rides.Point pickup = Rides.newPlace();
        Rides.Driver driver = rides.onlineDriverAt(pickup.offset(0.002, 0.002));
        Rides.Rider rider = rides.riderWithCard("tok_visa");

        Rides.Trip trip = rider.requestTrip(pickup, pickup.offset(0.03, 0.03));
        assertThat(driver.accept(driver.awaitOfferFor(trip.id())).status()).isEqualTo(200);
        rider.awaitStatus(trip.id(), "DRIVER_ASSIGNED");
        for (String step : List.of("arrive", "start", "complete")) {
            assertThat(driver.move(trip.id(), step).status()).as(step).isEqualTo(200);
        }

        rider.awaitStatus(trip.id(), "PAID");
        List<JsonNode> entries = await().atMost(Duration.ofSeconds(30))
                .until(() -> Rides.ledgerEntries(api, operator, trip.id()), e -> !e.isEmpty());
        assertThat(entries).extracting(entry -> entry.get("kind").asString()).containsExactly("FARE_CAPTURE");
        assertThat(entries).allSatisfy(entry -> assertThat(entry.get("sum").get("amount").asLong()).as("every entry sums to zero").isZero());
        long commission = Rides.sumOfLines(entries, "platform:revenue");
        assertThat(Rides.sumOfLines(entries, "rider:" + rider.id() + ":card")).isEqualTo(-trip.fare());
        assertThat(Rides.sumOfLines(entries, "driver:" + driver.id() + ":earnings")).isEqualTo(trip.fare() - commission);
        driver.goOffline();
    }

    @Test
    void everyServiceRunsTheImageOfThisBuildWithTheAotCacheItWasTrainedWith() throws Exception {
        for (ContainerSpec container : platform.containers()) {
            String image = platform.engine().check(Duration.ofSeconds(30),
                    List.of("inspect", "--format", "{{.ImageName}}", container.container())).strip();
            assertThat(image).as(container.name()).isEqualTo(container.image());
            if (container.kind().equals("service")) {
                // The JVM maps the cache when it accepts it, and ignores a stale one with no more than a warning.
                long pid = Long.parseLong(platform.engine().check(Duration.ofSeconds(30),
                        List.of("inspect", "--format", "{{.State.Pid}}", container.container())).strip());
                assertThat(Files.readString(Path.of("/proc", Long.toString(pid), "maps")))
                        .as("%s maps its AOT cache", container.name()).contains("/app/app.aot");
            }
        }
    }

    @Test
    void theOperatorAccountIsTheOneTheLauncherGenerated() {
        Api.Response me = api.get("/api/me", operator);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(platform.operatorEmail());
        assertThat(UUID.fromString(me.json().get("accountId").asString())).isNotNull();
    }
}
