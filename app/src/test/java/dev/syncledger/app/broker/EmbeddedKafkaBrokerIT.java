package dev.syncledger.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class EmbeddedKafkaBrokerIT {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBrokerIT.class);
    private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void transactionsCommitAndAbortAndReadCommittedSeesOnlyCommittedValues() throws Exception {
        long began = System.nanoTime();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            log.info("EmbeddedKafkaBroker.start returned after {} ms",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
            assertThat(broker.clusterId()).isNotBlank();

            String topic = "sync-runs";
            createTopic(broker, topic, 3);

            try (KafkaProducer<String, String> producer = transactionalProducer(broker)) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "k1", "committed-1"));
                producer.send(new ProducerRecord<>(topic, "k2", "committed-2"));
                producer.commitTransaction();

                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "k1", "aborted-1"));
                producer.flush();
                producer.abortTransaction();

                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "k3", "committed-3"));
                producer.commitTransaction();
            }

            List<String> values = consumeValues(broker, topic, 3);
            assertThat(values).containsExactlyInAnyOrder("committed-1", "committed-2", "committed-3");
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            List<ListenSocket> ours = listeningSocketsOfThisProcess();

            assertThat(ours).extracting(ListenSocket::port)
                    .contains(broker.port(), broker.controllerPort());
            assertThat(ours)
                    .as("every socket this JVM listens on (broker, controller, anything else) is bound to 127.0.0.1")
                    .allSatisfy(socket -> assertThat(socket.isIpv4Loopback())
                            .as("%s", socket).isTrue());
            assertThat(ours).noneMatch(ListenSocket::isWildcard);
        }
    }

    @Test
    void restartKeepsPortAndRecordsAndTransactionsKeepWorking() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            String bootstrap = broker.bootstrapServers();
            String topic = "before-restart";
            createTopic(broker, topic, 1);
            try (KafkaProducer<String, String> producer = transactionalProducer(broker)) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "k", "before-1"));
                producer.send(new ProducerRecord<>(topic, "k", "before-2"));
                producer.commitTransaction();
            }

            long began = System.nanoTime();
            broker.restart();
            log.info("EmbeddedKafkaBroker.restart returned after {} ms",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));

            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            try (KafkaProducer<String, String> producer = transactionalProducer(broker)) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "k", "after-1"));
                producer.commitTransaction();
            }
            assertThat(consumeValues(broker, topic, 3)).containsExactly("before-1", "before-2", "after-1");
        }
    }

    @Test
    void startOnADataDirOfAClosedBrokerKeepsItsRecords() throws Exception {
        String topic = "kept";
        String clusterId;
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dataDir)) {
            clusterId = first.clusterId();
            createTopic(first, topic, 1);
            try (KafkaProducer<String, String> producer = transactionalProducer(first)) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "k", "from-first-broker"));
                producer.commitTransaction();
            }
        }
        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(dataDir)) {
            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertThat(consumeValues(second, topic, 1)).containsExactly("from-first-broker");
        }
    }

    @Test
    void closeLeavesNoNonDaemonThreadBehind() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir);
        broker.close();
        // A lingering non-daemon thread would keep the CLI's JVM from exiting after replay/demo.
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Thread.getAllStackTraces().keySet())
                        .filteredOn(t -> t.isAlive() && !t.isDaemon() && !before.contains(t))
                        .extracting(Thread::getName)
                        .isEmpty());
    }

    @Test
    void stopThenRestartFromStopped() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            String clusterId = broker.clusterId();
            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.stop(); // idempotent

            broker.restart();
            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.clusterId()).isEqualTo(clusterId);
        }
    }

    @Test
    void startFailureIsAOneLineException() throws IOException {
        Path notADirectory = Files.writeString(dataDir.resolve("occupied"), "a file, not a directory");

        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(notADirectory))
                .isInstanceOf(EmbeddedKafkaBroker.StartException.class)
                .hasMessageStartingWith("Embedded Kafka broker failed to start")
                .hasMessageContaining(notADirectory.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
    }

    @Test
    void restartFailsWithOneLineExceptionWhenItsPortWasTaken() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            broker.stop();
            try (var squatter = new java.net.ServerSocket()) {
                squatter.bind(new java.net.InetSocketAddress("127.0.0.1", broker.controllerPort()));

                assertThatThrownBy(broker::restart)
                        .isInstanceOf(EmbeddedKafkaBroker.StartException.class)
                        .hasMessageStartingWith("Embedded Kafka broker failed to start")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
                assertThat(broker.isRunning()).isFalse();
            }
            // The JVM survived (stock KafkaRaftServer would have halted it) and the port is back.
            broker.restart();
            assertThat(broker.isRunning()).isTrue();
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static void createTopic(EmbeddedKafkaBroker broker, String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> transactionalProducer(EmbeddedKafkaBroker broker) {
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-" + UUID.randomUUID(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000),
                new StringSerializer(), new StringSerializer());
        producer.initTransactions();
        return producer;
    }

    private static List<String> consumeValues(EmbeddedKafkaBroker broker, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(CONSUME_TIMEOUT).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= expected;
            });
            // Anything that arrives right behind the expected records would be a bug (aborted or duplicate).
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                values.add(record.value());
            }
        }
        return values;
    }

    /** A LISTEN entry of /proc/net/tcp or /proc/net/tcp6. */
    record ListenSocket(String table, String localAddressHex, int port, long inode) {

        boolean isIpv4Loopback() {
            // tcp: 0100007F is 127.0.0.1 (little-endian); tcp6: ::ffff:127.0.0.1 (dual-stack socket).
            return localAddressHex.equals("0100007F")
                    || localAddressHex.equals("0000000000000000FFFF00000100007F");
        }

        boolean isWildcard() {
            return localAddressHex.chars().allMatch(c -> c == '0');
        }
    }

    /** LISTEN sockets owned by this JVM, matched by socket inode through /proc/self/fd. */
    private static List<ListenSocket> listeningSocketsOfThisProcess() throws IOException {
        Set<Long> ownInodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        ownInodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // the fd was closed while listing
                }
            });
        }
        List<ListenSocket> result = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            List<String> lines = Files.readAllLines(path);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                String state = f[3];
                long inode = Long.parseLong(f[9]);
                if (!state.equals("0A") || !ownInodes.contains(inode)) {
                    continue;
                }
                String[] local = f[1].split(":");
                result.add(new ListenSocket(table, local[0].toUpperCase(Locale.ROOT), Integer.parseInt(local[1], 16), inode));
            }
        }
        return result;
    }
}
