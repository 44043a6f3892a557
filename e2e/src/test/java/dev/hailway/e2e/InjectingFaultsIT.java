package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.hailway.runtime.ControlRequests;
import dev.hailway.runtime.ControlRequests.Action;
import dev.hailway.runtime.Platform;

/**
 * What ./hailway pause, resume, kill and restart do to the suite's platform, through the same request files the
 * launcher answers: a paused service holds its port and answers nothing, a killed one refuses connections, and
 * both serve again afterwards, the ride's quotes included.
 */
@ExtendWith(PlatformExtension.class)
class InjectingFaultsIT {

    private static final Duration ANSWERED = Duration.ofMinutes(3);

    private final Platform platform;
    private final Rides rides;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private ControlRequests launcher;

    @TempDir
    Path control;

    InjectingFaultsIT(Platform platform) {
        this.platform = platform;
        this.rides = new Rides(new Api(platform.gatewayUrl()));
    }

    @AfterEach
    void healEverything() {
        // Whatever a failed assertion left behind, the suite's next classes get a whole platform.
        if (launcher != null) {
            send(Action.RESUME, "dispatch");
            if (!healthy("pricing")) {
                send(Action.RESTART, "pricing");
            }
            launcher.close();
        }
    }

    @Test
    void aPausedServiceAnswersNothingUntilItIsResumed() {
        serve();

        assertThat(send(Action.PAUSE, "dispatch").ok()).isTrue();
        assertThatThrownBy(() -> health("dispatch")).as("frozen: the port is open, nothing answers")
                .isInstanceOf(HttpTimeoutException.class);

        assertThat(send(Action.RESUME, "dispatch").ok()).isTrue();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> healthy("dispatch"));
    }

    @Test
    void aKilledServiceRefusesConnectionsUntilRestartedAndThenServesTheRideAgain() {
        serve();

        ControlRequests.Answer killed = send(Action.KILL, "pricing");
        assertThat(killed.ok()).as(killed.message()).isTrue();
        assertThatThrownBy(() -> health("pricing")).isInstanceOf(ConnectException.class);

        ControlRequests.Answer restarted = send(Action.RESTART, "pricing");
        assertThat(restarted.ok()).as(restarted.message()).isTrue();
        assertThat(restarted.message()).startsWith("restarted pricing, healthy in");
        assertThat(healthy("pricing")).as("healthy as soon as restart answers").isTrue();

        Rides.Point pickup = Rides.newPlace();
        assertThat(rides.riderWithCard("tok_visa").quote(pickup, pickup.offset(0.01, 0.01)).get("quoteId")).isNotNull();
    }

    private void serve() {
        launcher = new ControlRequests(control, platform, () -> { });
        launcher.start();
    }

    private ControlRequests.Answer send(Action action, String name) {
        return ControlRequests.send(control, action, name, ANSWERED);
    }

    private boolean healthy(String service) {
        try {
            return health(service) == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private int health(String service) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(platform.serviceUrl(service) + "/actuator/health/liveness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
