package dev.hailway.gateway.requestsize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;

class BodySizeLimitFilterTest {

    private static final DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;

    @Test
    void passesAChunkedBodyUpToTheLimit() {
        var request = MockServerHttpRequest.post("/api/trips").body(chunks(4, 256));

        var sizes = BodySizeLimitFilter.limited(request, 1024).getBody().map(DataBuffer::readableByteCount)
                .collectList().block();

        assertThat(sizes).containsExactly(256, 256, 256, 256);
    }

    @Test
    void failsAChunkedBodyAsSoonAsItPassesTheLimit() {
        var request = MockServerHttpRequest.post("/api/trips").body(chunks(5, 256));

        var passed = new java.util.concurrent.atomic.AtomicInteger();
        var body = BodySizeLimitFilter.limited(request, 1024).getBody().doOnNext(buffer -> passed.incrementAndGet());

        assertThatThrownBy(body::blockLast)
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
        assertThat(passed).hasValue(4);
    }

    private static Flux<DataBuffer> chunks(int count, int size) {
        return Flux.range(0, count).map(i -> buffers.wrap(new byte[size]));
    }
}
