package dev.hailway.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

class TestTokensTest {

    @Test
    void aTokenVerifiesAgainstThePublishedKeysAndCarriesIdentitysClaims() throws Exception {
        UUID account = UUID.randomUUID();
        HttpResponse<String> published;
        try (HttpClient client = HttpClient.newHttpClient()) {
            published = client.send(HttpRequest.newBuilder(URI.create(TestTokens.jwksUri())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        SignedJWT jwt = SignedJWT.parse(TestTokens.forAccount(account, "RIDER", "DRIVER"));
        RSAKey key = (RSAKey) JWKSet.parse(published.body()).getKeyByKeyId(jwt.getHeader().getKeyID());

        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body()).doesNotContain("\"d\"");
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(account.toString());
        assertThat(claims.getIssuer()).isEqualTo("hailway-identity");
        assertThat(claims.getAudience()).containsExactly("hailway-api");
        assertThat(claims.getStringListClaim("roles")).containsExactly("RIDER", "DRIVER");
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
    }

    @Test
    void aServiceTokenNamesTheServiceAndHasOnlyTheServiceRole() throws Exception {
        var claims = SignedJWT.parse(TestTokens.service("dispatch")).getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo("service:dispatch");
        assertThat(claims.getStringListClaim("roles")).containsExactly("SERVICE");
    }
}
