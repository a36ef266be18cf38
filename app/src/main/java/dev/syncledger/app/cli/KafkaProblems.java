package dev.syncledger.app.cli;

import dev.syncledger.schemas.kafka.KafkaConnection;
import dev.syncledger.schemas.text.OneLine;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/** What a Kafka client's failure means to the operator, in one line that names the setting to change. */
final class KafkaProblems {

    private KafkaProblems() {}

    /** Kafka refused who we are: the credentials or the certificates, never the network. */
    static Optional<String> authentication(KafkaConnection kafka, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SaslAuthenticationException) {
                return Optional.of("Kafka at " + kafka.bootstrapServers() + " refused the credentials ("
                        + kafka.clientProperties().getOrDefault("sasl.mechanism", "GSSAPI")
                        + "): check the username and password in sasl.jaas.config of --kafka-config");
            }
            if (cause instanceof SslAuthenticationException) {
                return Optional.of("the TLS handshake with Kafka at " + kafka.bootstrapServers() + " failed (" + rootMessage(cause)
                        + "): check ssl.truststore.* (and ssl.keystore.* for a client certificate) in --kafka-config");
            }
            if (cause instanceof AuthenticationException) {
                return Optional.of("Kafka at " + kafka.bootstrapServers() + " did not authenticate this client (" + rootMessage(cause)
                        + "): check security.protocol and the sasl.* settings of --kafka-config");
            }
        }
        return Optional.empty();
    }

    /** No answer in time, or an answer that says why. */
    static String unreachable(KafkaConnection kafka, String within, Throwable failure) {
        return authentication(kafka, failure).orElseGet(() -> "cannot reach Kafka at " + kafka.bootstrapServers() + " within " + within
                + "; is it running? set --bootstrap-servers or SYNC_LEDGER_BOOTSTRAP_SERVERS"
                + (kafka.securityProtocol().equals("PLAINTEXT") ? " (a cluster that requires SASL or TLS also needs --kafka-config)" : ""));
    }

    /** The client could not even be built: a host that does not resolve, or a setting Kafka does not accept. */
    static String clientNotCreated(KafkaConnection kafka, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigException config) {
                String message = config.getMessage() == null ? "" : config.getMessage();
                if (message.contains("bootstrap")) {
                    return "no address in --bootstrap-servers " + OneLine.quote(kafka.bootstrapServers(), 200)
                            + " resolves; check the host names (or SYNC_LEDGER_BOOTSTRAP_SERVERS)";
                }
                return "a Kafka client setting is not accepted (" + OneLine.of(message, 300) + "): check --kafka-config";
            }
        }
        return "cannot create a Kafka client for " + kafka.bootstrapServers() + " (" + rootMessage(failure) + "): check --kafka-config";
    }

    /** The innermost cause's message on one line: what a Kafka or HTTP client says went wrong is usually only there. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return OneLine.of(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage(), 300);
    }
}
