package dev.syncledger.app.events;

import org.apache.avro.specific.SpecificRecord;

/** An event ready to publish: the input topic, the partitioning key and the Avro value. */
public record OutgoingEvent(String type, String topic, String key, SpecificRecord value) {}
