package dev.syncledger.sink;

/** The Kafka cluster cannot be reached; the message is one line naming the servers and the fix. */
public final class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
