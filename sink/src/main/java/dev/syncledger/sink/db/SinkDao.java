package dev.syncledger.sink.db;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The sink's own bookkeeping: rejected events and the consumer offsets stored with the rows. The
 * rows themselves go through {@link ParentDao} and one SqlObject per table. Unqualified names
 * everywhere: the connection's search_path is the sink's schema.
 */
public interface SinkDao {

    @SqlBatch("""
            INSERT INTO rejected_events (
                event_id, reason, message, source_topic, source_partition, source_offset,
                record_key, payload, payload_size, payload_sha256, payload_truncated, rejected_at, workspace_id, kafka_cluster_id)
            VALUES (
                :eventId, :reason, :message, :sourceTopic, :sourcePartition, :sourceOffset,
                :recordKey, :payload, :payloadSize, :payloadSha256, :payloadTruncated, :rejectedAt, :workspaceId, :kafkaClusterId)
            ON CONFLICT (kafka_cluster_id, source_topic, source_partition, source_offset) DO NOTHING
            """)
    void insertRejectedEvents(@Bind("kafkaClusterId") String kafkaClusterId, @BindMethods List<RejectedEventRow> rejections);

    /**
     * Stores a partition's next offset only if the stored one is at most {@code latestContinuable}, and
     * says whether it did: 0 means another consumer has written past it. The row lock taken here also
     * makes two consumers' batches on one partition wait for each other. One statement per partition,
     * not a batch: the connection rewrites batched inserts and then reports no row counts.
     */
    @SqlUpdate("""
            INSERT INTO sink_offsets (kafka_cluster_id, consumer_group, topic, partition, next_offset, updated_at)
            VALUES (:scope.kafkaClusterId, :scope.consumerGroup, :topic, :partition, :nextOffset, now())
            ON CONFLICT (kafka_cluster_id, consumer_group, topic, partition) DO UPDATE SET
                next_offset = EXCLUDED.next_offset,
                updated_at = EXCLUDED.updated_at
            WHERE sink_offsets.next_offset <= :latestContinuable
            """)
    int advanceOffset(@BindMethods("scope") ConsumerScope scope, @BindMethods SinkOffset.Advance advance);

    @SqlQuery("""
            SELECT topic, partition, next_offset
            FROM sink_offsets
            WHERE kafka_cluster_id = :scope.kafkaClusterId AND consumer_group = :scope.consumerGroup
            ORDER BY topic, partition
            """)
    @RegisterConstructorMapper(SinkOffset.class)
    List<SinkOffset> offsets(@BindMethods("scope") ConsumerScope scope);
}
