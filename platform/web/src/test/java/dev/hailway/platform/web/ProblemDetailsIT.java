package dev.hailway.platform.web;

import static dev.hailway.platform.web.ResourceServerIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ProblemDetailsIT extends WebItSupport {

    private final String token = TestTokens.valid("RIDER");

    @Test
    void invalidBodyIsAValidationProblemListingEachField() {
        HttpResponse<String> response = http.postJson("/api/things", token, "{\"name\": \"\", \"count\": 0}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = assertProblem(response, "validation");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/things");
        assertThat(problem.get("errors").values()).map(error -> error.get("field").asString())
                .containsExactlyInAnyOrder("name", "count");
        assertThat(problem.get("errors").values()).allSatisfy(
                error -> assertThat(error.get("message").asString()).isNotBlank());
    }

    @Test
    void malformedJsonIsAMalformedRequestProblemThatDoesNotEchoTheParser() {
        HttpResponse<String> response = http.postJson("/api/things", token, "{\"name\": \"x\", \"count\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = assertProblem(response, "malformed-request");
        assertThat(problem.get("detail").asString()).doesNotContain("Jackson", "tools.jackson", "NewThing");
    }

    @Test
    void aValueOfTheWrongJsonTypeIsRefusedNamingTheFieldRatherThanConverted() {
        for (String body : new String[] {"{\"name\": 12345, \"count\": 2}", "{\"name\": \"lamp\", \"count\": 2.5}",
                "{\"name\": \"lamp\", \"count\": \"2\"}"}) {
            HttpResponse<String> response = http.postJson("/api/things", token, body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            JsonNode problem = assertProblem(response, "malformed-request");
            assertThat(problem.get("errors").get(0).get("field").asString()).as(body)
                    .isEqualTo(body.contains("12345") ? "name" : "count");
            assertThat(problem.get("errors").get(0).get("message").asString()).as(body).startsWith("must be a");
        }
    }

    @Test
    void malformedPathVariableIsAValidationProblem() {
        HttpResponse<String> response = http.get("/api/things/not-a-uuid", token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(assertProblem(response, "validation").get("errors").get(0).get("field").asString()).isEqualTo("id");
    }

    @Test
    void domainErrorsKeepTheirStatusAndSlug() {
        HttpResponse<String> response = http.get("/api/things/6f1b7c2e-3a8e-4c39-9a57-0b1a4a3f4d11", token);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(assertProblem(response, "not-found").get("title").asString()).isEqualTo("Thing not found");
    }

    @Test
    void unknownRouteIsANotFoundProblem() {
        HttpResponse<String> response = http.get("/api/nothing-here", token);

        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response, "not-found");
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblem() {
        HttpResponse<String> response = http.send(http.request("/api/me").header("Authorization", "Bearer " + token)
                .DELETE().build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertProblem(response, "method-not-allowed");
    }

    @Test
    void wrongMediaTypeIsAnUnsupportedMediaTypeProblem() {
        HttpResponse<String> response = http.send(http.request("/api/things").header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("name,count")).build());

        assertThat(response.statusCode()).isEqualTo(415);
        assertProblem(response, "unsupported-media-type");
    }

    @Test
    void unexpectedExceptionIsAnInternalProblemThatLeaksNothing() {
        HttpResponse<String> response = http.get("/api/boom", token);

        assertThat(response.statusCode()).isEqualTo(500);
        assertProblem(response, "internal");
        assertThat(response.body()).doesNotContain("hunter2", "10.0.0.7", "IllegalStateException", "at dev.hailway");
    }

    @Test
    void aDatabaseThatIsDownIsAServiceUnavailableToTryAgainNotAnInternalError() {
        HttpResponse<String> response = http.get("/api/database-down", token);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        assertProblem(response, "service-unavailable");
        assertThat(response.body()).doesNotContain("Hikari", "JDBC");
    }

    @Test
    void bodyOverTheLimitByContentLengthIsPayloadTooLarge() {
        HttpResponse<String> response = http.send(http.request("/api/echo").header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofByteArray(body(2048))).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem(response, "payload-too-large");
    }

    @Test
    void chunkedBodyOverTheLimitIsPayloadTooLarge() {
        HttpResponse<String> response = http.send(http.request("/api/echo").header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain").POST(Http.chunked(body(4096))).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem(response, "payload-too-large");
    }

    @Test
    void bodyWithinTheLimitGoesThroughChunkedOrNot() {
        HttpResponse<String> chunked = http.send(http.request("/api/echo").header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain").POST(Http.chunked(body(1000))).build());

        assertThat(chunked.statusCode()).isEqualTo(200);
        assertThat(Http.json(chunked).get("length").asInt()).isEqualTo(1000);
    }

    @Test
    void echoesASaneRequestIdAndReplacesAnInsaneOne() {
        HttpResponse<String> sane = http.send(http.request("/api/me").header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "abc-123.XYZ_9").GET().build());
        HttpResponse<String> insane = http.send(http.request("/api/me").header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "abc\" injected=1 " + "x".repeat(80)).GET().build());

        assertThat(sane.headers().firstValue("X-Request-Id")).hasValue("abc-123.XYZ_9");
        assertThat(insane.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void errorPageAnswersWithAProblemAndNoStackTrace() {
        HttpResponse<String> response = http.get("/error", null);

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("trace", "exception");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /api\\me HTTP/1.1\r\nHost: localhost\r\n",
            "GET /api/me HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0000b\r\n",
            "GET /api/me HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n"})
    void whatTomcatRefusesItselfIsAProblemToo(String head) throws IOException {
        String response = raw(head + "Connection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        String headers = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertThat(headers).contains("content-type: application/problem+json");
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        body = body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1);
        JsonNode problem = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
        assertThat(problem.get("type").asString()).isEqualTo("https://hailway.dev/problems/malformed-request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(body).doesNotContain("<html", "Tomcat");
    }

    /** A raw socket: HTTP clients refuse to send such requests at all. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] body(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        return new String(body, StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII);
    }
}
