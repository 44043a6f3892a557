package dev.hailway.platform.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTest {

    @Test
    void keepsASaneRequestId() {
        assertThat(RequestIdFilter.accept("req-42_a.B")).isEqualTo("req-42_a.B");
    }

    @Test
    void replacesAMissingOverlongOrUnsafeRequestIdWithAUuid() {
        assertThat(UUID.fromString(RequestIdFilter.accept(null))).isNotNull();
        assertThat(UUID.fromString(RequestIdFilter.accept("x".repeat(65)))).isNotNull();
        assertThat(UUID.fromString(RequestIdFilter.accept("a\nforged log line"))).isNotNull();
        assertThat(UUID.fromString(RequestIdFilter.accept(""))).isNotNull();
    }

    @Test
    void putsTheIdInTheLogContextAndTheResponseOnlyDuringTheRequest() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        request.addHeader("X-Request-Id", "abc");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> seen = new AtomicReference<>();

        new RequestIdFilter().doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                seen.set(MDC.get("requestId"));
            }
        });

        assertThat(seen).hasValue("abc");
        assertThat(response.getHeader("X-Request-Id")).isEqualTo("abc");
        assertThat(MDC.get("requestId")).isNull();
    }
}
