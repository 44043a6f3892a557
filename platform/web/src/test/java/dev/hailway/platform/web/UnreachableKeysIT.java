package dev.hailway.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A service whose identity cannot be reached: it cannot check a token, which is its trouble, not the caller's. */
@WebIntegration
class UnreachableKeysIT {

    @Value("${local.server.port}")
    int port;

    Http http;

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("hailway.security.jwks-uri", () -> "http://127.0.0.1:" + closedPort() + "/jwks");
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aTokenThatCannotBeCheckedIsAServiceUnavailableProblemWithRetryAfter() {
        HttpResponse<String> response = http.get("/api/me", TestTokens.valid("RIDER"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        ResourceServerIT.assertProblem(response, "service-unavailable");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("127.0.0.1");
    }

    @Test
    void aRequestWithoutATokenIsStillUnauthorized() {
        HttpResponse<String> response = http.get("/api/me", null);

        assertThat(response.statusCode()).isEqualTo(401);
        ResourceServerIT.assertProblem(response, "unauthorized");
    }

    /** A port nothing listens on: bound once to learn a free one, then released, so a connection is refused. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
