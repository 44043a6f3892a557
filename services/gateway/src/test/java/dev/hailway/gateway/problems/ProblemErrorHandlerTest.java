package dev.hailway.gateway.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.databind.json.JsonMapper;

class ProblemErrorHandlerTest {

    private final ProblemErrorHandler handler = new ProblemErrorHandler(new ProblemResponses(JsonMapper.builder().build()));

    @Test
    void classifiesWhatTheGatewayItselfRunsInto() {
        assertThat(ProblemErrorHandler.classify(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemErrorHandler.classify(new MethodNotAllowedException(HttpMethod.TRACE, java.util.List.of())))
                .isEqualTo(ProblemType.METHOD_NOT_ALLOWED);
        assertThat(ProblemErrorHandler.classify(new IllegalStateException("wrapped", new ConnectException("refused"))))
                .isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
        assertThat(ProblemErrorHandler.classify(new TimeoutException()))
                .isEqualTo(ProblemType.GATEWAY_TIMEOUT);
        assertThat(ProblemErrorHandler.classify(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE)))
                .isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
        assertThat(ProblemErrorHandler.classify(new NullPointerException("boom")))
                .isEqualTo(ProblemType.INTERNAL);
    }

    @Test
    void rendersAnUnexpectedErrorWithoutItsMessageOrStackTrace() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/trips/1"));

        handler.handle(exchange, new IllegalStateException("secret internals at db:5432")).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        String body = exchange.getResponse().getBodyAsString().block();
        assertThat(body)
                .contains("\"type\":\"https://hailway.dev/problems/internal\"")
                .contains("\"status\":500")
                .contains("\"instance\":\"/api/trips/1\"")
                .doesNotContain("secret", "5432", "Exception", "at dev.");
    }

    @Test
    void leavesACommittedResponseAlone() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/trips/1"));
        exchange.getResponse().setComplete().block();
        var error = new ConnectException("late");

        var result = handler.handle(exchange, error);

        org.assertj.core.api.Assertions.assertThatThrownBy(result::block).hasCause(error);
    }
}
