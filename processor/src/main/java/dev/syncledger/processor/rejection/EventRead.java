package dev.syncledger.processor.rejection;

import dev.syncledger.schemas.serde.UndecodableRecordException;

/** Turns a record's bytes into an entity's domain event, or says why they are none. */
@FunctionalInterface
public interface EventRead<E> {

    E read(EventOrigin origin) throws UndecodableRecordException, MalformedEventException, UnknownEnumValueException;
}
