package dev.hailway.platform.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class BodySizeLimitFilterTest {

    private final BodySizeLimitFilter filter = new BodySizeLimitFilter(10, new ProblemResponses(JsonMapper.builder().build()));

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutCallingTheChain() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things");
        request.setContent(new byte[11]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("https://hailway.dev/problems/payload-too-large");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void stopsReadingABodyWithoutLengthOnceItPassesTheLimit() throws Exception {
        MockHttpServletRequest undeclared = new MockHttpServletRequest("POST", "/api/things") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        undeclared.setContent(new byte[25]);

        filter.doFilter(undeclared, new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(ServletRequest req, ServletResponse res) {
                assertThatThrownBy(() -> ((HttpServletRequest) req).getInputStream().readAllBytes())
                        .isInstanceOf(PayloadTooLargeException.class);
            }
        });
    }

    @Test
    void passesABodyWithinTheLimitThroughUnchanged() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things");
        request.setContent("0123456789".getBytes());
        byte[][] read = new byte[1][];

        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(ServletRequest req, ServletResponse res) throws java.io.IOException {
                try (InputStream in = req.getInputStream()) {
                    read[0] = in.readAllBytes();
                }
            }
        });

        assertThat(new String(read[0])).isEqualTo("0123456789");
    }
}
