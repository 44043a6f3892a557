package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;


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
        rides.takeAPaidRideAndCheckTheLedger(operator);
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
