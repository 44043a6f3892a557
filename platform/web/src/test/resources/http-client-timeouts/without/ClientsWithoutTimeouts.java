package fixture;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/** Every way this repository knows of to build an HTTP client that waits forever; each line is one violation. */
class ClientsWithoutTimeouts {

    private final HttpClient shared = HttpClient.newHttpClient();

    HttpClient jdkClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    HttpRequest jdkRequest() {
        // The timeout is in a comment only: timeout(Duration.ofSeconds(1))
        return HttpRequest.newBuilder(URI.create("http://localhost/")).GET().build();
    }

    reactor.netty.http.client.HttpClient reactorClient() {
        return reactor.netty.http.client.HttpClient.create().compress(true);
    }

    WebClient webClient() {
        return WebClient.builder().baseUrl("http://localhost").build();
    }

    WebClient plainWebClient() {
        return WebClient.create("http://localhost");
    }

    RestClient restClient() {
        return RestClient.builder().baseUrl("http://localhost").build();
    }

    RestClient plainRestClient() {
        return RestClient.create();
    }

    RestClient fromBootsBuilder(RestClient.Builder builder) {
        return builder.clone().baseUrl("http://localhost").build();
    }

    RestTemplate restTemplate() {
        return new RestTemplate();
    }

    SimpleClientHttpRequestFactory simpleFactory() {
        var factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(1000);
        return factory;
    }

    JdkClientHttpRequestFactory jdkFactory() {
        return new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(1)).build());
    }

    DefaultResourceRetriever retriever() {
        return new DefaultResourceRetriever();
    }

    NimbusJwtDecoder decoder() {
        return NimbusJwtDecoder.withJwkSetUri("http://localhost/jwks").build();
    }

    NimbusReactiveJwtDecoder reactiveDecoder() {
        return NimbusReactiveJwtDecoder.withJwkSetUri("http://localhost/jwks").build();
    }

    Object connection() throws Exception {
        var connection = new URL("http://localhost/").openConnection();
        connection.setConnectTimeout(1000);
        return connection.getContent();
    }
}
