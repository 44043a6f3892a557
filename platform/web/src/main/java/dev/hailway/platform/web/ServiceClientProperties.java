package dev.hailway.platform.web;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hailway.security.service.*}: who this service is when it calls another one. The names are chosen so that
 * the launcher's {@code HAILWAY_SECURITY_SERVICE_CLIENT_ID}, {@code HAILWAY_SECURITY_SERVICE_CLIENT_SECRET} and
 * {@code HAILWAY_SECURITY_SERVICE_TOKEN_URI} bind to them. {@link ServiceTokens} exists only when all three are set.
 *
 * @param clientId     this service's name at identity
 * @param clientSecret its secret there
 * @param tokenUri     identity's {@code /internal/auth/service-token}
 * @param timeout      connect and answer timeout of the token call
 */
@ConfigurationProperties("hailway.security.service")
public record ServiceClientProperties(
        String clientId,
        String clientSecret,
        URI tokenUri,
        @DefaultValue("2s") Duration timeout) {

    @Override
    public String toString() {
        return "ServiceClientProperties[clientId=" + clientId + ", clientSecret=***, tokenUri=" + tokenUri
                + ", timeout=" + timeout + "]";
    }
}
