package dev.hailway.identity.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The services that may get a token with the client-credentials call. They are configured, not stored: the launcher
 * (or a deployment's secrets) hands identity one secret per service. Secrets are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so neither a secret's content nor its length shows in the time an answer takes,
 * and an unknown client costs the same as a wrong secret.
 */
public final class ServiceClients {

    private static final Pattern CLIENT_ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final int MIN_SECRET_LENGTH = 16;

    private final Map<String, byte[]> digests = new TreeMap<>();
    private final byte[] unknownClient = sha256("no client has this secret: " + System.nanoTime());

    public ServiceClients(Map<String, String> secrets) {
        secrets.forEach((clientId, secret) -> {
            if (!CLIENT_ID.matcher(clientId).matches()) {
                throw new IllegalArgumentException("service client ids are lower-case names: " + clientId);
            }
            if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException("the secret of service client " + clientId + " must have at least "
                        + MIN_SECRET_LENGTH + " characters");
            }
            digests.put(clientId, sha256(secret.strip()));
        });
    }

    /** Whether {@code secret} is the configured secret of {@code clientId}. */
    public boolean authenticate(String clientId, String secret) {
        byte[] expected = clientId == null ? unknownClient : digests.getOrDefault(clientId, unknownClient);
        boolean matches = MessageDigest.isEqual(expected, sha256(secret == null ? "" : secret));
        return matches && expected != unknownClient;
    }

    public Set<String> clientIds() {
        return Set.copyOf(digests.keySet());
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "ServiceClients" + digests.keySet();
    }
}
