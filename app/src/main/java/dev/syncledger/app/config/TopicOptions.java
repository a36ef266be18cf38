package dev.syncledger.app.config;

import picocli.CommandLine.Option;

/** Whether and how the topics are created when they are missing. */
public final class TopicOptions {

    @Option(names = "--create-topics", defaultValue = "false",
            description = "Create the missing sync-ledger topics at start; without it a missing topic is an error.")
    boolean createTopics;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "Partitions of each topic created (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", paramLabel = "N", defaultValue = "1",
            description = "Replicas of each topic created, and of Kafka Streams' internal topics (default: ${DEFAULT-VALUE}).")
    short replicationFactor;

    public boolean createTopics() {
        return createTopics;
    }

    public int partitions() {
        return partitions;
    }

    public short replicationFactor() {
        return replicationFactor;
    }
}
