package dev.syncledger.schemas.serde;

/** A record value that cannot be turned into the expected Avro record; the message is one line for a person. */
public final class UndecodableRecordException extends Exception {

    public UndecodableRecordException(String message) {
        super(message);
    }

    public UndecodableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
