package dev.hailway.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.Locale;

import org.springframework.http.HttpMethod;

/**
 * The bucket a request is charged to: its account when the token was verified, its client address otherwise, and a
 * separate, much smaller bucket per address for the password endpoints.
 */
record RateLimitKey(Tier tier, String value) {

    static RateLimitKey of(HttpMethod method, String path, String verifiedSubject, InetSocketAddress remoteAddress,
            String forwardedFor, boolean trustForwardedFor) {
        String client = clientAddress(remoteAddress, forwardedFor, trustForwardedFor);
        if (HttpMethod.POST.equals(method) && isCredentialsPath(path)) {
            return new RateLimitKey(Tier.CREDENTIALS, "credentials:" + client);
        }
        if (verifiedSubject != null && !verifiedSubject.isBlank()) {
            return new RateLimitKey(Tier.AUTHENTICATED, "account:" + verifiedSubject);
        }
        return new RateLimitKey(Tier.ANONYMOUS, "address:" + client);
    }

    static boolean isCredentialsPath(String path) {
        String normalized = path.toLowerCase(Locale.ROOT);
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized.equals("/api/auth/login") || normalized.equals("/api/auth/register");
    }

    static String clientAddress(InetSocketAddress remoteAddress, String forwardedFor, boolean trustForwardedFor) {
        if (trustForwardedFor && forwardedFor != null) {
            String first = forwardedFor.split(",", 2)[0].strip();
            if (!first.isEmpty()) {
                return first;
            }
        }
        if (remoteAddress == null) {
            return "unknown";
        }
        return remoteAddress.getAddress() != null
                ? remoteAddress.getAddress().getHostAddress()
                : remoteAddress.getHostString();
    }
}
