package dev.syncledger.schemas.serde;

/**
 * The registry answered, and it has no Avro schema this process can use under the id: unknown id, another schema
 * type, or unparsable text. A record carrying that id is undecodable for good, unlike a registry outage.
 */
public final class UnresolvableSchemaIdException extends Exception {

    private final int schemaId;

    public UnresolvableSchemaIdException(int schemaId, String message) {
        super(message);
        this.schemaId = schemaId;
    }

    public UnresolvableSchemaIdException(int schemaId, String message, Throwable cause) {
        super(message, cause);
        this.schemaId = schemaId;
    }

    public int schemaId() {
        return schemaId;
    }
}
