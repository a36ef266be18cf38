package dev.syncledger.sink.db;

import java.util.Objects;

/**
 * Whose offsets these are: a consumer group on one Kafka cluster. Offsets mean nothing on another
 * cluster (a replay's fresh broker starts again at 0), so the cluster id is part of every key that
 * holds an offset.
 */
public record ConsumerScope(String kafkaClusterId, String consumerGroup) {

    public ConsumerScope {
        Objects.requireNonNull(kafkaClusterId, "kafkaClusterId");
        Objects.requireNonNull(consumerGroup, "consumerGroup");
    }
}
