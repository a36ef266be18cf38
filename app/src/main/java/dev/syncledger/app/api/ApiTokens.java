package dev.syncledger.app.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

/**
 * Bearer tokens of the read API: HS256 JWTs (nimbus-jose-jwt) whose {@value #WORKSPACE_CLAIM} claim scopes every
 * request and whose {@code exp} is required. Only HS256 is accepted: a token naming another algorithm, {@code none}
 * included, is refused before its signature is looked at.
 */
public final class ApiTokens {

    public static final String WORKSPACE_CLAIM = "workspace_id";
    /** How far the token's clock may be ahead of ours. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** HS256 needs a 256-bit key. */
    public static final int MIN_SECRET_BYTES = 32;

    private final byte[] secret;

    public ApiTokens(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the API token secret must be at least " + MIN_SECRET_BYTES + " bytes, was " + secret.length);
        }
        this.secret = secret.clone();
    }

    /** Why a request's token was refused: the 401's detail. */
    public static final class InvalidTokenException extends Exception {
        InvalidTokenException(String message) {
            super(message);
        }
    }

    /** A token for one workspace, good for {@code ttl}. */
    public String mint(UUID workspace, Duration ttl, Instant now) {
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
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("the bearer token must be signed with HS256");
        }
        try {
            if (!jwt.verify(new MACVerifier(secret))) {
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

    @Override
    public String toString() {
        return "ApiTokens[HS256, secret redacted]";
    }
}
