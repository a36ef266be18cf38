package dev.syncledger.app.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Bearer tokens of the read API: JWTs (nimbus-jose-jwt) whose {@value #WORKSPACE_CLAIM} claim scopes every request and
 * whose {@code exp} is required. HS256 with the configured secret; RS256 and ES256 with the configured public keys
 * (a JWKS, or a PEM public key), picked by the token's {@code kid}. Any other algorithm, {@code none} included, and
 * an algorithm whose kind of key is not configured, are refused before the signature is looked at: a token cannot
 * choose how it is checked.
 */
public final class ApiTokens {

    public static final String WORKSPACE_CLAIM = "workspace_id";
    /** How far the token's clock may be ahead of ours. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** HS256 needs a 256-bit key. */
    public static final int MIN_SECRET_BYTES = 32;

    private final byte[] secret;
    private final JWKSet publicKeys;

    /** HS256 only, with this secret: what {@code token} mints with and tests use. */
    public ApiTokens(byte[] secret) {
        this(secret, new JWKSet());
    }

    /**
     * @param secret the HS256 secret, or null to accept no HS256 token
     * @param publicKeys the RSA and EC public keys RS256 and ES256 tokens are checked with (private parts are dropped)
     */
    public ApiTokens(byte[] secret, JWKSet publicKeys) {
        Objects.requireNonNull(publicKeys, "publicKeys");
        if (secret != null && secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the API token secret must be at least " + MIN_SECRET_BYTES + " bytes, was " + secret.length);
        }
        if (secret == null && publicKeys.getKeys().isEmpty()) {
            throw new IllegalArgumentException("the read API needs a token secret or public keys to check tokens with");
        }
        this.secret = secret == null ? null : secret.clone();
        this.publicKeys = publicKeys.toPublicJWKSet();
    }

    /** Why a request's token was refused: the 401's detail. */
    public static final class InvalidTokenException extends Exception {
        InvalidTokenException(String message) {
            super(message);
        }
    }

    /** A token for one workspace, good for {@code ttl}. */
    public String mint(UUID workspace, Duration ttl, Instant now) {
        if (secret == null) {
            throw new IllegalStateException("tokens are minted with the HS256 secret, and none is configured");
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim(WORKSPACE_CLAIM, workspace.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with HS256: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /** The workspace a valid, unexpired token is for. */
    public UUID verify(String token, Instant now) throws InvalidTokenException {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new InvalidTokenException("the bearer token is not a JWT");
        }
        try {
            if (!jwt.verify(verifierFor(jwt.getHeader()))) {
                throw new InvalidTokenException("the bearer token's signature does not verify");
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException("the bearer token's signature cannot be checked");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidTokenException("the bearer token's claims are not JSON");
        }
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw new InvalidTokenException("the bearer token has no exp claim");
        }
        if (!now.isBefore(expires.toInstant().plus(CLOCK_SKEW))) {
            throw new InvalidTokenException("the bearer token has expired");
        }
        Object workspace = claims.getClaim(WORKSPACE_CLAIM);
        if (!(workspace instanceof String text)) {
            throw new InvalidTokenException("the bearer token has no " + WORKSPACE_CLAIM + " claim");
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("the bearer token's " + WORKSPACE_CLAIM + " is not a UUID");
        }
    }

    /** How this header's token is checked, or why it is not. */
    private JWSVerifier verifierFor(JWSHeader header) throws InvalidTokenException, JOSEException {
        JWSAlgorithm algorithm = header.getAlgorithm();
        if (JWSAlgorithm.HS256.equals(algorithm)) {
            if (secret == null) {
                throw new InvalidTokenException("HS256 tokens are not accepted here");
            }
            return new MACVerifier(secret);
        }
        if (JWSAlgorithm.RS256.equals(algorithm)) {
            return new RSASSAVerifier((RSAKey) key(header, KeyType.RSA));
        }
        if (JWSAlgorithm.ES256.equals(algorithm)) {
            ECKey key = (ECKey) key(header, KeyType.EC);
            if (!Curve.P_256.equals(key.getCurve())) {
                throw new InvalidTokenException("ES256 needs a P-256 key; key " + key.getKeyID() + " is on " + key.getCurve());
            }
            return new ECDSAVerifier(key);
        }
        throw new InvalidTokenException("the bearer token must be signed with HS256, RS256 or ES256, not " + algorithm);
    }

    /** The configured key of this type with the token's kid; without a kid, the only key of this type. */
    private JWK key(JWSHeader header, KeyType type) throws InvalidTokenException {
        List<JWK> candidates = publicKeys.getKeys().stream()
                .filter(key -> type.equals(key.getKeyType()))
                .filter(key -> header.getKeyID() == null || header.getKeyID().equals(key.getKeyID()))
                .toList();
        if (candidates.size() != 1) {
            throw new InvalidTokenException(candidates.isEmpty()
                    ? "no configured " + type + " key matches the bearer token" + (header.getKeyID() == null ? "" : " (kid " + header.getKeyID() + ")")
                    : "several " + type + " keys could check the bearer token: it must name one with kid");
        }
        return candidates.get(0);
    }

    @Override
    public String toString() {
        return "ApiTokens[" + (secret == null ? "" : "HS256 secret redacted, ") + publicKeys.getKeys().size() + " public key(s)]";
    }
}
