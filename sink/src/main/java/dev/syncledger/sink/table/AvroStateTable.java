package dev.syncledger.sink.table;

import dev.syncledger.schemas.Topics.TopicSpec;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** The decoding every state table shares: the topic's Avro record, then the table's own mapping to a row. */
abstract class AvroStateTable<K extends Comparable<? super K>, A extends SpecificRecord, R> implements StateTable<K, R> {

    private final TopicSpec topic;
    private final String tableName;
    private final AvroCodec<A> codec;

    AvroStateTable(TopicSpec topic, String tableName, Schema schema, SerdeConfig serde) {
        this.topic = topic;
        this.tableName = tableName;
        this.codec = AvroCodec.create(schema, serde);
    }

    /** The row for a decoded state record. */
    abstract R toRow(A record);

    @Override
    public final String topic() {
        return topic.name();
    }

    @Override
    public final String tableName() {
        return tableName;
    }

    @Override
    public final String recordName() {
        return codec.schema().getName();
    }

    @Override
    public final R decode(byte[] value) throws UndecodableRecordException {
        return toRow(codec.decode(topic.name(), value));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + topic.name() + "]";
    }
}
