package dev.syncledger.app.events;

import java.util.Set;

/** Reads the JSON event lines of one input topic: the types it knows and how each becomes an Avro event. */
public interface EventLineType {

    Set<String> types();

    OutgoingEvent read(String type, JsonFields fields) throws InvalidEventLineException;
}
