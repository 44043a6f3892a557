package dev.hailway.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ProblemsTest {

    @Test
    void buildsTypeUrisFromSlugs() {
        assertThat(Problems.type(Problems.IDEMPOTENCY_KEY_REUSED))
                .hasToString("https://hailway.dev/problems/idempotency-key-reused");
    }

    @Test
    void mapsStatusesWithoutASlugOfTheirOwnToTheConventionalSlug() {
        assertThat(Problems.slugFor(HttpStatus.NOT_FOUND)).isEqualTo("not-found");
        assertThat(Problems.slugFor(HttpStatus.METHOD_NOT_ALLOWED)).isEqualTo("method-not-allowed");
        assertThat(Problems.slugFor(HttpStatus.UNSUPPORTED_MEDIA_TYPE)).isEqualTo("unsupported-media-type");
        assertThat(Problems.slugFor(HttpStatus.CONTENT_TOO_LARGE)).isEqualTo("payload-too-large");
        assertThat(Problems.slugFor(HttpStatus.TOO_MANY_REQUESTS)).isEqualTo("rate-limited");
        assertThat(Problems.slugFor(HttpStatus.SERVICE_UNAVAILABLE)).isEqualTo("service-unavailable");
        assertThat(Problems.slugFor(HttpStatus.NOT_ACCEPTABLE)).isEqualTo("malformed-request");
        assertThat(Problems.slugFor(HttpStatus.BAD_GATEWAY)).isEqualTo("internal");
    }
}
