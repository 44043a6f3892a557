package dev.hailway.platform.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class AcceptHeaderFilterTest {

    private final AcceptHeaderFilter filter = new AcceptHeaderFilter(new ProblemResponses(JsonMapper.builder().build()));

    @ParameterizedTest
    @ValueSource(strings = {"*/*;q=x", "application", "text/html;q=", "application/json, /"})
    void refusesAnAcceptHeaderNoAnswerCouldBeNegotiatedForWithAProblemNamingIt(String accept) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");
        request.addHeader("Accept", accept);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("https://hailway.dev/problems/validation").contains("\"Accept\"");
        assertThat(chain.getRequest()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/json", "application/problem+json;q=0.9, */*;q=0.1", "text/event-stream", "image/png"})
    void passesEveryAcceptHeaderThatParsesEvenOnesNoOperationServes(String accept) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");
        request.addHeader("Accept", accept);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void refusesMoreMediaTypesThanSpringWillSort() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");
        request.addHeader("Accept", "text/plain, ".repeat(60) + "*/*");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/xml", "application/json;q=0, text/html"})
    void refusesAWriteWhoseAcceptRulesOutJsonBeforeItRuns(String accept) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/register");
        request.addHeader("Accept", accept);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(406);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(chain.getRequest()).as("the write never ran").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "text/html, application/json;q=0.1", "application/problem+json"})
    void letsAWriteThroughWhenItsAnswerCanBeJson(String accept) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/register");
        request.addHeader("Accept", accept);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }
}
