package dev.hailway.platform.web;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Shared by the web ITs so that they run against one cached application context. */
@WebIntegration
abstract class WebItSupport {

    @Value("${local.server.port}")
    int port;

    Http http;

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("hailway.security.jwks-uri", TestTokens::jwksUri);
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }
}
