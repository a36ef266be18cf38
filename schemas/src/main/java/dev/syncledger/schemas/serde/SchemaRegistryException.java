package dev.syncledger.schemas.serde;

/**
 * The schema registry could not be used: unreachable, too slow, or it answered with an error. Unchecked and
 * deliberately not an {@link UndecodableRecordException}: the record is probably fine and must not be rejected
 * as poison just because the registry is down.
 */
public final class SchemaRegistryException extends RuntimeException {

    public SchemaRegistryException(String message) {
        super(message);
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
