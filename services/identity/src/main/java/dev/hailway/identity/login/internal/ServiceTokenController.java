package dev.hailway.identity.login.internal;

import dev.hailway.identity.login.ServiceSignIn;
import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The services' login (client credentials). Public in the security configuration, since it is how a service gets a
 * token in the first place; under {@code /internal/**}, so the gateway never routes it from outside.
 */
@RestController
class ServiceTokenController {

    private static final Logger log = LoggerFactory.getLogger(ServiceTokenController.class);

    private final ServiceSignIn serviceSignIn;

    ServiceTokenController(ServiceSignIn serviceSignIn) {
        this.serviceSignIn = serviceSignIn;
    }

    record ServiceTokenRequest(@NotBlank @Size(max = 64) String clientId,
            @NotBlank @Size(max = 256) String clientSecret) {

        @Override
        public String toString() {
            return "ServiceTokenRequest[clientId=" + clientId + ", clientSecret=***]";
        }
    }

    record ServiceTokenResponse(String accessToken, long expiresIn, String tokenType) {
    }

    @PostMapping("/internal/auth/service-token")
    ResponseEntity<ServiceTokenResponse> serviceToken(@Valid @RequestBody ServiceTokenRequest body) {
        var token = serviceSignIn.signIn(body.clientId(), body.clientSecret()).orElseThrow(() -> {
            log.warn("Refused a service token to client {}", body.clientId().replaceAll("[^a-z0-9-]", "?"));
            return new ProblemException(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized",
                    "Unknown service client or wrong secret.");
        });
        // RFC 6749 section 5.1: token responses must not be cached.
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache")
                .body(new ServiceTokenResponse(token.accessToken(), token.expiresInSeconds(), "Bearer"));
    }
}
