package dev.hailway.identity.login;

import java.util.Optional;

/** The client-credentials call: a configured service proves its secret and gets a short-lived access token. */
public final class ServiceSignIn {

    private final ServiceClients clients;
    private final AccessTokens accessTokens;

    public ServiceSignIn(ServiceClients clients, AccessTokens accessTokens) {
        this.clients = clients;
        this.accessTokens = accessTokens;
    }

    public record ServiceToken(String accessToken, long expiresInSeconds) {

        @Override
        public String toString() {
            return "ServiceToken[accessToken=***, expiresInSeconds=" + expiresInSeconds + "]";
        }
    }

    /** A token, or empty when the client is unknown or the secret wrong (deliberately indistinguishable). */
    public Optional<ServiceToken> signIn(String clientId, String clientSecret) {
        if (!clients.authenticate(clientId, clientSecret)) {
            return Optional.empty();
        }
        return Optional.of(new ServiceToken(accessTokens.issueForService(clientId), accessTokens.lifetime().toSeconds()));
    }
}
