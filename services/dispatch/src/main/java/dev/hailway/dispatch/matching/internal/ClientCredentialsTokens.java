package dev.hailway.dispatch.matching.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Stand-in until platform-web's {@code ServiceTokens}: the client-credentials call of CONVENTIONS.md
 * ({@code POST <token-uri> {clientId, clientSecret}} → {@code {accessToken, expiresIn}}), cached until shortly
 * before it expires.
 */
final class ClientCredentialsTokens implements ServiceTokenSource {

    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private final RestClient client;
    private final URI tokenUri;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private @Nullable String token;
    private Instant refreshAt = Instant.MIN;

    ClientCredentialsTokens(RestClient client, URI tokenUri, String clientId, String clientSecret, Clock clock) {
        this.client = client;
        this.tokenUri = tokenUri;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    record TokenResponse(String accessToken, long expiresIn) {
    }

    @Override
    public synchronized Optional<String> token() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            try {
                TokenResponse response = client.post().uri(tokenUri).contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("clientId", clientId, "clientSecret", clientSecret))
                        .retrieve().body(TokenResponse.class);
                if (response != null && response.accessToken() != null) {
                    token = response.accessToken();
                    refreshAt = clock.instant().plusSeconds(response.expiresIn()).minus(REFRESH_BEFORE_EXPIRY);
                }
            } catch (RestClientException e) {
                // Keep a token that has not expired yet; the caller's retry and breaker deal with the rest.
                return Optional.ofNullable(token);
            }
        }
        return Optional.ofNullable(token);
    }
}
