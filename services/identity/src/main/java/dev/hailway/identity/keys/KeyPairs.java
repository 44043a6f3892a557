package dev.hailway.identity.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

/** Makes RSA key pairs. */
public interface KeyPairs {

    KeyPair generate();

    /** 2048-bit RSA: NIST-acceptable until 2030, and verification (done on every request everywhere) stays cheap. */
    static KeyPairs rsa2048() {
        return () -> {
            try {
                var generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("RSA is part of every JDK", e);
            }
        };
    }
}
