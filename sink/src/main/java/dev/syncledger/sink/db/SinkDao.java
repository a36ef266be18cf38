package dev.syncledger.sink.db;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The sink's own bookkeeping: rejected events and the consumer offsets stored with the rows. The
 * rows themselves go through {@link ParentDao} and one SqlObject per table. Unqualified names
 * everywhere: the connection's search_path is the sink's schema.
 */
public interface SinkDao {

    @SqlBatch("""
            INSERT INTO rejected_events (
                event_id, reason, message, source_topic, source_partition, source_offset,
                record_key, payload, rejected_at, kafka_cluster_id)
            VALUES (
                :eventId, :reason, :message, :sourceTopic, :sourcePartition, :sourceOffset,
                :recordKey, :payload, :rejectedAt, :kafkaClusterId)
            ON CONFLICT (kafka_cluster_id, source_topic, source_partition, source_offset) DO NOTHING
            """)
    void insertRejectedEvents(@Bind("kafkaClusterId") String kafkaClusterId, @BindMethods List<RejectedEventRow> rejections);

    /**
     * Stores each partition's next offset only where the stored one is at most {@code latestContinuable}:
     * a partition left unchanged (count 0) has been written past by another consumer. The row lock taken
     * here also makes two consumers' batches on one partition wait for each other.
     */
    @SqlBatch("""
            INSERT INTO sink_offsets (kafka_cluster_id, consumer_group, topic, partition, next_offset, updated_at)
            VALUES (:scope.kafkaClusterId, :scope.consumerGroup, :topic, :partition, :nextOffset, now())
            ON CONFLICT (kafka_cluster_id, consumer_group, topic, partition) DO UPDATE SET
                next_offset = EXCLUDED.next_offset,
                updated_at = EXCLUDED.updated_at
            WHERE sink_offsets.next_offset <= :latestContinuable
            """)
    int[] storeOffsets(@BindMethods("scope") ConsumerScope scope, @BindMethods List<SinkOffset.Advance> offsets);

    @SqlQuery("""
            SELECT topic, partition, next_offset
            FROM sink_offsets
            WHERE kafka_cluster_id = :scope.kafkaClusterId AND consumer_group = :scope.consumerGroup
            ORDER BY topic, partition
            """)
    @RegisterConstructorMapper(SinkOffset.class)
    List<SinkOffset> offsets(@BindMethods("scope") ConsumerScope scope);
}
