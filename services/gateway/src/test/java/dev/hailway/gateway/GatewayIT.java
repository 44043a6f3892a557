package dev.hailway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.hailway.gateway.support.FakeService;
import dev.hailway.gateway.support.TestTokens;
import reactor.core.publisher.Flux;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class GatewayIT {

    private static final TestTokens tokens = TestTokens.withNewKey("identity-key-1");
    private static final FakeService identity = start(tokens.jwks());
    private static final int closedPort = closedPort();

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void gatewayPointsAtFakes(DynamicPropertyRegistry registry) {
        registry.add("hailway.security.jwks-uri", identity::jwksUri);
        registry.add("hailway.gateway.routes.identity", identity::baseUrl);
        registry.add("hailway.gateway.routes.trips", identity::baseUrl);
        registry.add("hailway.gateway.routes.drivers", () -> "http://127.0.0.1:" + closedPort);
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "2s");
        // Generous everywhere but for the password endpoints, so that only the test meant to hit a limit does.
        registry.add("hailway.gateway.rate-limit.anonymous.capacity", () -> "10000");
        registry.add("hailway.gateway.rate-limit.authenticated.capacity", () -> "10000");
        registry.add("hailway.gateway.rate-limit.credentials.capacity", () -> "3");
        registry.add("hailway.gateway.rate-limit.credentials.refill-tokens", () -> "1");
        registry.add("hailway.gateway.rate-limit.credentials.refill-period", () -> "1h");
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    @AfterAll
    static void stopFakes() {
        identity.close();
    }

    @Test
    void passesAValidTokenOnWithRequestIdButWithoutSpoofedIdentityHeaders() {
        String requestId = "it-" + UUID.randomUUID();
        String token = tokens.valid(UUID.randomUUID().toString());

        client.get().uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-Request-Id", requestId)
                .header("X-Account-Id", "someone-else")
                .header("X-Roles", "OPERATOR")
                .header("X-Authenticated-Account", "someone-else")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", requestId)
                .expectBody().jsonPath("$.path").isEqualTo("/api/me");

        FakeService.Received received = identity.receivedWithRequestId(requestId).orElseThrow();
        assertThat(received.header("Authorization")).contains("Bearer " + token);
        assertThat(received.header("X-Account-Id")).isEmpty();
        assertThat(received.header("X-Roles")).isEmpty();
        assertThat(received.header("X-Authenticated-Account")).isEmpty();
    }

    @Test
    void replacesAMalformedRequestIdAndPassesTheNewOneDownstream() {
        String token = tokens.valid(UUID.randomUUID().toString());

        String returned = client.get().uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-Request-Id", "bad id with spaces and \"quotes\"")
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(returned).matches("[0-9a-f-]{36}");
        assertThat(identity.receivedWithRequestId(returned)).isPresent();
    }

    @Test
    void anAcceptHeaderOfMoreMediaTypesThanCanBeSortedIsABadRequestProblemNotAnInternalError() {
        String tooMany = String.join(", ", java.util.Collections.nCopies(60, "text/plain")) + ", */*";

        client.get().uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid(UUID.randomUUID().toString()))
                .header(HttpHeaders.ACCEPT, tooMany)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Accept"));
        assertThat(identity.received()).as("nothing reached the service").noneMatch(r -> r.header("Accept").orElse("").contains("text/plain, text/plain"));
    }

    @Test
    void routesTheAccountARegistrationPointsAtToIdentity() {
        String path = "/api/accounts/" + UUID.randomUUID();

        client.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("a"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo(path);
    }

    @Test
    void letsAnonymousCallersReachThePublicAuthPaths() {
        client.get().uri("/api/auth/jwks")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.keys[0].kid").isEqualTo("identity-key-1");
    }

    @Test
    void refusesARequestWithoutTokenAsProblem() {
        expectUnauthorized(client.get().uri("/api/me").exchange())
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void refusesAnExpiredToken() {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        String expired = tokens.sign(tokens.validClaims("a").issueTime(Date.from(past.minusSeconds(900)))
                .expirationTime(Date.from(past)).build(), "at+jwt");
        expectRejectedToken(expired);
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        expectRejectedToken(TestTokens.withNewKey("identity-key-1").valid("a"));
    }

    @Test
    void refusesAnUnsignedToken() {
        expectRejectedToken(tokens.unsigned("a"));
    }

    @Test
    void refusesAnHmacSignedToken() {
        expectRejectedToken(tokens.hmacSigned("a"));
    }

    @Test
    void refusesATokenForAnotherAudience() {
        expectRejectedToken(tokens.sign(tokens.validClaims("a").audience("someone-else").build(), "at+jwt"));
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        expectRejectedToken(tokens.sign(tokens.validClaims("a").issuer("someone-else").build(), "at+jwt"));
    }

    @Test
    void refusesATokenThatIsNotAnAccessToken() {
        expectRejectedToken(tokens.sign(tokens.validClaims("a").build(), "JWT"));
        expectRejectedToken(tokens.sign(tokens.validClaims("a").build(), null));
    }

    @Test
    void refusesATokenWithoutExpiry() {
        expectRejectedToken(tokens.sign(tokens.validClaims("a").expirationTime(null).build(), "at+jwt"));
    }

    @Test
    void refusesATokenWithoutSubject() {
        expectRejectedToken(tokens.sign(tokens.validClaims("a").subject(null).build(), "at+jwt"));
    }

    @Test
    void refusesAnEncryptedTokenAsUnauthorizedWithoutAStackTrace(CapturedOutput output) {
        expectRejectedToken(TestTokens.encryptedShaped());

        assertThat(output.getAll()).doesNotContain("Unexpected error").doesNotContain("error.stack_trace");
    }

    @Test
    void slowsDownPasswordGuessingWithA429() {
        var login = "{\"email\":\"rider@example.com\",\"password\":\"guess\"}";
        for (int attempt = 1; attempt <= 3; attempt++) {
            client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(login)
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Remaining", String.valueOf(3 - attempt));
        }

        client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(login)
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value)).isPositive())
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hailway.dev/problems/rate-limited")
                .jsonPath("$.status").isEqualTo(429);
    }

    @Test
    void refusesABodyOverTheLimitBeforeRouting() {
        String requestId = "too-large-" + UUID.randomUUID();
        client.post().uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("a"))
                .header("X-Request-Id", requestId)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[1024 * 1024])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hailway.dev/problems/payload-too-large")
                .jsonPath("$.requestId").isEqualTo(requestId);

        assertThat(identity.receivedWithRequestId(requestId)).isEmpty();
    }

    @Test
    void refusesAChunkedBodyOnceItPassesTheLimit() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> chunks = Flux.range(0, 64).map(i -> buffers.wrap(new byte[16 * 1024]));

        client.post().uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("a"))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("https://hailway.dev/problems/payload-too-large");
    }

    @Test
    void answersAnUnknownRouteWith404Problem() {
        client.get().uri("/no/such/thing")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hailway.dev/problems/not-found")
                .jsonPath("$.instance").isEqualTo("/no/such/thing")
                .jsonPath("$.requestId").isNotEmpty();

        client.get().uri("/api/no-such-service")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("a"))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://hailway.dev/problems/not-found");
    }

    @Test
    void answersAServiceThatIsDownWith503Problem() {
        client.get().uri("/api/drivers/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("a"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hailway.dev/problems/service-unavailable")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain("127.0.0.1"));
    }

    @Test
    void answersAServiceThatIsTooSlowWith504Problem() {
        client.get().uri("/api/trips/slow")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("a"))
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void passesAServicesOwnErrorThroughUnchanged() {
        client.get().uri("/api/trips/teapot")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid("a"))
                .exchange()
                .expectStatus().isEqualTo(418)
                .expectBody().json("{\"title\":\"I am the service's own problem\"}");
    }

    @Test
    void answersACorsPreflightFromAnAllowedOrigin() {
        client.options().uri("/api/trips")
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization, Idempotency-Key, X-Request-Id")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        value -> assertThat(value).containsIgnoringCase("Idempotency-Key"));
    }

    @Test
    void refusesACorsPreflightFromAnotherOrigin() {
        client.options().uri("/api/trips")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void exposesItsHealthProbesButNotItsMetricsOnThePublicPort() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        // Metrics are on the management port (ManagementPortIT).
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/gateway/routes").exchange().expectStatus().isNotFound();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/auth/../../actuator/env",
            "/api/auth/../../actuator/health",
            "/api/auth/%2e%2e/%2e%2e/actuator/env",
            "/api/auth/%2E%2E/%2E%2E/actuator/env",
            "/api/auth/..%2f..%2factuator/env",
            "/api/auth/..%2F..%2Factuator%2Fenv",
            "/api/auth/..;/..;/actuator/env",
            "/api/auth/%252e%252e/%252e%252e/actuator/env",
            "/api/auth//..//../actuator/env",
            "/api/auth/..\\..\\actuator/env",
            "/api/auth/%5c..%5c..%5cactuator/env",
            "/api/me/../../actuator/env",
            "/api/auth/./../../actuator/env"})
    void neverLetsAPathTraversalReachAServicesActuator(String path) throws IOException {
        int status = rawGet(path, tokens.valid("a"));

        assertThat(status).isBetween(400, 404);
        assertThat(identity.received()).extracting(FakeService.Received::rawPath)
                .noneMatch(received -> received.contains("actuator"));
    }

    @Test
    void routesEachServicesOpenApiDocumentAndListsItInSwaggerUi() {
        client.get().uri("/v3/api-docs/identity")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").isEqualTo("3.1.0");
        assertThat(identity.received()).extracting(FakeService.Received::rawPath).contains("/v3/api-docs");

        client.get().uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[?(@.name == 'identity')].url").isEqualTo(List.of("/v3/api-docs/identity"))
                .jsonPath("$.urls[?(@.name == 'trips')].url").isEqualTo(List.of("/v3/api-docs/trips"));
        client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec expectUnauthorized(WebTestClient.ResponseSpec response) {
        response.expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hailway.dev/problems/unauthorized")
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.instance").isEqualTo("/api/me")
                .jsonPath("$.requestId").isNotEmpty();
        return response;
    }

    private void expectRejectedToken(String token) {
        String requestId = "rejected-" + UUID.randomUUID();
        expectUnauthorized(client.get().uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-Request-Id", requestId)
                .exchange())
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"));
        assertThat(identity.receivedWithRequestId(requestId)).isEmpty();
    }

    static List<String> undecodableRequests() {
        return List.of(
                "GET /api/me HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n",
                "GET /api/me HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0000b\r\n",
                "GET /api/me HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000) + "\r\n");
    }

    @ParameterizedTest
    @MethodSource("undecodableRequests")
    void answersARequestItCannotDecodeWithAProblemToo(String head) throws IOException {
        String response = raw(head + "Connection: close\r\n\r\n");

        assertThat(response).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
        String headers = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertThat(headers).contains("content-type: application/problem+json");
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).get("type").asString())
                .isEqualTo("https://hailway.dev/problems/malformed-request");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A raw socket, because HTTP clients normalise or encode paths before sending them. */
    private int rawGet(String path, String token) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(response.substring(9, 12));
        }
    }

    private static FakeService start(String jwks) {
        try {
            return new FakeService(jwks);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
