package dev.hailway.gateway.problems;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTypeTest {

    @Test
    void usesTheSlugsOfTheConventions() {
        assertThat(ProblemType.RATE_LIMITED.type()).hasToString("https://hailway.dev/problems/rate-limited");
        assertThat(ProblemType.PAYLOAD_TOO_LARGE.type()).hasToString("https://hailway.dev/problems/payload-too-large");
        assertThat(ProblemType.PAYLOAD_TOO_LARGE.status().value()).isEqualTo(413);
    }

    @Test
    void mapsStatusesToTheirProblem() {
        assertThat(ProblemType.forStatus(401)).isEqualTo(ProblemType.UNAUTHORIZED);
        assertThat(ProblemType.forStatus(429)).isEqualTo(ProblemType.RATE_LIMITED);
        assertThat(ProblemType.forStatus(502)).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
        assertThat(ProblemType.forStatus(504)).isEqualTo(ProblemType.GATEWAY_TIMEOUT);
        assertThat(ProblemType.forStatus(422)).isEqualTo(ProblemType.MALFORMED_REQUEST);
        assertThat(ProblemType.forStatus(501)).isEqualTo(ProblemType.INTERNAL);
    }
}
