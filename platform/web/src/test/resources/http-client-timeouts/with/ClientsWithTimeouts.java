package fixture;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import io.netty.channel.ChannelOption;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/** The same clients, each with its timeouts: no violation. */
class ClientsWithTimeouts {

    private final HttpClient shared = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    HttpRequest jdkRequest() {
        return HttpRequest.newBuilder(URI.create("http://localhost/")).timeout(Duration.ofSeconds(1)).GET().build();
    }

    String awaited() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost/stream")).GET().build();
        return shared.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get(30, TimeUnit.SECONDS).body();
    }

    WebClient webClient() {
        var netty = reactor.netty.http.client.HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
                .responseTimeout(Duration.ofSeconds(1));
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(netty)).build();
    }

    RestClient fromBootsBuilder(RestClient.Builder builder) {
        var factory = new JdkClientHttpRequestFactory(shared);
        factory.setReadTimeout(Duration.ofSeconds(1));
        return builder.clone().requestFactory(factory).build();
    }

    RestClient restClient() {
        var factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(1000);
        factory.setReadTimeout(1000);
        return RestClient.builder().requestFactory(factory).build();
    }

    NimbusJwtDecoder decoder() {
        var factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(1000);
        factory.setReadTimeout(1000);
        return NimbusJwtDecoder.withJwkSetUri("http://localhost/jwks").restOperations(new RestTemplate(factory)).build();
    }

    NimbusReactiveJwtDecoder reactiveDecoder(WebClient webClient) {
        return NimbusReactiveJwtDecoder.withJwkSetUri("http://localhost/jwks").webClient(webClient).build();
    }

    DefaultResourceRetriever retriever() {
        return new DefaultResourceRetriever(1000, 1000, 64 * 1024);
    }
}
