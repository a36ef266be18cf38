package dev.syncledger.schemas.serde;

import dev.syncledger.schemas.text.Redaction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * HTTP basic credentials for the schema registry, in Confluent's {@code basic.auth.user.info} form
 * {@code user:password}. {@link #toString} names the user only: the password appears in no log or error line.
 */
public record BasicCredentials(String user, String password) {

    public BasicCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /**
     * @param source where the text came from, for the message when it is not {@code user:password}
     * @throws IllegalArgumentException naming the source, never the text
     */
    public static BasicCredentials parse(String userInfo, String source) {
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(source + " must hold the schema registry's credentials as user:password"
                    + " (Confluent's basic.auth.user.info form)");
        }
        return new BasicCredentials(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    /** The value of the {@code Authorization} header. */
    String header() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ':' + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return Redaction.describe(this);
    }
}
