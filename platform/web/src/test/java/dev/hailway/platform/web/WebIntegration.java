package dev.hailway.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.hailway.platform.testing.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** One context for every web IT: a real server on a random port, the embedded PostgreSQL, the test JWKS. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hailway.logging.format=plain", "hailway.security.public-paths=/public/**",
                "hailway.web.max-body-size=1KB"})
@EmbeddedInfrastructure(database = "web", kafka = false)
@interface WebIntegration {
}
