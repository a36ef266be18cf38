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
                record_key, payload, payload_size, payload_sha256, payload_truncated, rejected_at, workspace_id, kafka_cluster_id)
            VALUES (
                :eventId, :reason, :message, :sourceTopic, :sourcePartition, :sourceOffset,
                :recordKey, :payload, :payloadSize, :payloadSha256, :payloadTruncated, :rejectedAt, :workspaceId, :kafkaClusterId)
            ON CONFLICT (kafka_cluster_id, source_topic, source_partition, source_offset) DO NOTHING
            """)
    void insertRejectedEvents(@Bind("kafkaClusterId") String kafkaClusterId, @BindMethods List<RejectedEventRow> rejections);

    /**
     * Stores each partition's next offset only where the stored one is at most its {@code latestContinuable}, in one
     * statement per batch, and returns the partitions it stored: one missing means another consumer has written past
     * it. The row locks taken here, in (topic, partition) order, also make two consumers' batches on one partition
     * wait for each other.
     */
    @SqlQuery("""
            WITH advance (topic, partition, next_offset, latest_continuable) AS (
                SELECT * FROM unnest(:topic, :partition, :nextOffset, :latestContinuable))
            INSERT INTO sink_offsets (kafka_cluster_id, consumer_group, topic, partition, next_offset, updated_at)
            SELECT :scope.kafkaClusterId, :scope.consumerGroup, topic, partition, next_offset, now()
            FROM advance
            ORDER BY topic, partition
            ON CONFLICT (kafka_cluster_id, consumer_group, topic, partition) DO UPDATE SET
                next_offset = EXCLUDED.next_offset,
                updated_at = EXCLUDED.updated_at
            WHERE sink_offsets.next_offset <= (
                SELECT advance.latest_continuable FROM advance
                WHERE advance.topic = EXCLUDED.topic AND advance.partition = EXCLUDED.partition)
            RETURNING topic, partition, next_offset
            """)
    @RegisterConstructorMapper(SinkOffset.class)
    List<SinkOffset> advanceOffsets(@BindMethods("scope") ConsumerScope scope, @BindMethods SinkOffset.Advances advances);

    @SqlQuery("""
            SELECT topic, partition, next_offset
            FROM sink_offsets
            WHERE kafka_cluster_id = :scope.kafkaClusterId AND consumer_group = :scope.consumerGroup
            ORDER BY topic, partition
            """)
    @RegisterConstructorMapper(SinkOffset.class)
    List<SinkOffset> offsets(@BindMethods("scope") ConsumerScope scope);
}
