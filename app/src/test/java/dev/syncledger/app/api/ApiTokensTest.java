package dev.syncledger.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which tokens the read API accepts: the configured algorithm and key, an exp, a workspace; nothing a token chooses. */
class ApiTokensTest {

    private static final byte[] SECRET = "a-secret-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final UUID WORKSPACE = UUID.randomUUID();

    @Test
    void acceptsRs256AndEs256TokensCheckedWithTheConfiguredPublicKeysPickedByKid() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        ApiTokens tokens = new ApiTokens(null, new JWKSet(List.of(rsa, ec)));

        assertThat(tokens.verify(signed(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(rsa), claims(NOW.plusSeconds(60))), NOW)).isEqualTo(WORKSPACE);
        assertThat(tokens.verify(signed(JWSAlgorithm.ES256, "ec-1", new ECDSASigner(ec), claims(NOW.plusSeconds(60))), NOW)).isEqualTo(WORKSPACE);

        RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        assertThatThrownBy(() -> tokens.verify(signed(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(stranger), claims(NOW.plusSeconds(60))), NOW))
                .isInstanceOf(ApiTokens.InvalidTokenException.class).hasMessageContaining("does not verify");
        assertThatThrownBy(() -> tokens.verify(signed(JWSAlgorithm.RS256, "rsa-2", new RSASSASigner(rsa), claims(NOW.plusSeconds(60))), NOW))
                .hasMessageContaining("no configured RSA key");
    }

    @Test
    void refusesAnHs256TokenWhereOnlyPublicKeysAreConfiguredSoAPublicKeyCannotBeUsedAsASecret() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ApiTokens tokens = new ApiTokens(null, new JWKSet(rsa));
        byte[] publicKeyAsSecret = rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> tokens.verify(signed(JWSAlgorithm.HS256, null, new MACSigner(publicKeyAsSecret), claims(NOW.plusSeconds(60))), NOW))
                .hasMessageContaining("HS256 tokens are not accepted");
    }

    @Test
    void requiresAnUnexpiredExpAndAWorkspaceClaim() throws Exception {
        ApiTokens tokens = new ApiTokens(SECRET);
        assertThat(tokens.verify(tokens.mint(WORKSPACE, Duration.ofMinutes(1), NOW), NOW)).isEqualTo(WORKSPACE);
        assertThatThrownBy(() -> tokens.verify(tokens.mint(WORKSPACE, Duration.ofMinutes(1), NOW), NOW.plus(Duration.ofMinutes(2))))
                .hasMessageContaining("expired");
        String withoutExp = signed(JWSAlgorithm.HS256, null, new MACSigner(SECRET), new JWTClaimsSet.Builder().claim("workspace_id", WORKSPACE.toString()).build());
        assertThatThrownBy(() -> tokens.verify(withoutExp, NOW)).hasMessageContaining("no exp");
        String withoutWorkspace = signed(JWSAlgorithm.HS256, null, new MACSigner(SECRET), new JWTClaimsSet.Builder()
                .expirationTime(Date.from(NOW.plusSeconds(60))).build());
        assertThatThrownBy(() -> tokens.verify(withoutWorkspace, NOW)).hasMessageContaining("workspace_id");
        assertThat(tokens.toString()).doesNotContain(new String(SECRET, StandardCharsets.UTF_8));
    }

    private static JWTClaimsSet claims(Instant expires) {
        return new JWTClaimsSet.Builder().claim("workspace_id", WORKSPACE.toString()).expirationTime(Date.from(expires)).build();
    }

    private static String signed(JWSAlgorithm algorithm, String kid, JWSSigner signer, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }
}
