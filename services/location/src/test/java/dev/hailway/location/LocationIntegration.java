package dev.hailway.location;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.hailway.platform.testing.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** One context for the location ITs that share it: a real server, the embedded PostgreSQL and Kafka. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Pings are minutes old by the time a slow CI machine asks; staleness itself is unit-tested.
        properties = {"hailway.logging.format=plain", "hailway.location.stale-after=10m"})
@EmbeddedInfrastructure(database = "location")
@interface LocationIntegration {
}
