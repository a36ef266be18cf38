package dev.syncledger.processor.store;

/** A store value or internal message that is not what its format says: a bug or a corrupt store, never user input. */
public final class MalformedStoreValueException extends RuntimeException {

    public MalformedStoreValueException(String message) {
        super(message);
    }
}
