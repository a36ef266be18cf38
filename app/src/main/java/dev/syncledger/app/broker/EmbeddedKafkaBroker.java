package dev.syncledger.app.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import kafka.server.BrokerServer;
import kafka.server.ControllerServer;
import kafka.server.FaultHandlerFactory;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.server.Server;
import kafka.server.SharedServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.ServerSocketFactory;
import org.apache.kafka.server.fault.FaultHandler;
import org.apache.kafka.server.fault.FaultHandlerException;
import org.apache.kafka.server.fault.LoggingFaultHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import scala.Tuple2;

/**
 * A single-node Apache Kafka broker (KRaft, combined broker+controller, node id 1) running inside
 * this JVM, for the {@code replay}/{@code demo} commands and for integration tests.
 *
 * <p>Every listener (PLAINTEXT for clients, CONTROLLER for the KRaft quorum, and SASL_SSL when
 * {@link Options#withSecureListener} asks for it) is bound to 127.0.0.1 only. Internal topics are configured for a single replica so that transactions
 * (and therefore Kafka Streams {@code exactly_once_v2}) work. Automatic topic creation is off.
 *
 * <p>The server is assembled from the same parts {@code kafka.server.KafkaRaftServer} uses, but
 * with a fault handler that reports fatal faults instead of halting the JVM: with the stock
 * {@code KafkaRaftServer}, a failure as ordinary as the controller port being taken calls
 * {@code Runtime.halt(1)}, which would kill the CLI or the test JVM without a word.
 *
 * <p>{@link #stop()} and {@link #restart()} keep the data directory and both ports, so a client
 * configured with {@link #bootstrapServers()} reconnects to the restarted broker and sees the
 * records written before the stop.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final String LOOPBACK = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String CLIENT_LISTENER = "PLAINTEXT";
    private static final String SECURE_LISTENER = "SECURE";
    /** Attempts with fresh ports when a port picked as free was taken before the broker bound it. */
    private static final int PORT_ATTEMPTS = 5;

    /**
     * Tunables for the embedded broker.
     *
     * @param groupMinSessionTimeout lowest consumer session timeout the broker accepts
     *                               ({@code group.min.session.timeout.ms}); low so tests can use
     *                               short session timeouts
     * @param startTimeout           bound on starting the broker and on waiting until it answers
     *                               an Admin {@code describeCluster}
     * @param brokerConfigOverrides  extra broker properties, applied last (they win over the
     *                               defaults, but the listener/quorum settings that keep the broker
     *                               on 127.0.0.1 cannot be overridden)
     */
    public record Options(Duration groupMinSessionTimeout, Duration startTimeout,
                          Map<String, String> brokerConfigOverrides, Optional<SecureListener> secureListener) {

        public Options {
            Objects.requireNonNull(groupMinSessionTimeout, "groupMinSessionTimeout");
            Objects.requireNonNull(startTimeout, "startTimeout");
            Objects.requireNonNull(secureListener, "secureListener");
            if (groupMinSessionTimeout.isNegative() || startTimeout.isNegative() || startTimeout.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            brokerConfigOverrides = Map.copyOf(brokerConfigOverrides);
        }

        /** 1 s minimum session timeout, 60 s start timeout, no overrides. */
        public static Options defaults() {
            return new Options(Duration.ofSeconds(1), Duration.ofSeconds(60), Map.of(), Optional.empty());
        }

        public Options withGroupMinSessionTimeout(Duration value) {
            return new Options(value, startTimeout, brokerConfigOverrides, secureListener);
        }

        public Options withStartTimeout(Duration value) {
            return new Options(groupMinSessionTimeout, value, brokerConfigOverrides, secureListener);
        }

        /** A third listener, SASL_SSL, beside the PLAINTEXT one (which stays for the broker's own use and for admin set-up). */
        public Options withSecureListener(SecureListener value) {
            return new Options(groupMinSessionTimeout, startTimeout, brokerConfigOverrides, Optional.of(value));
        }

        public Options withBrokerConfig(String key, String value) {
            Map<String, String> merged = new LinkedHashMap<>(brokerConfigOverrides);
            merged.put(key, value);
            return new Options(groupMinSessionTimeout, startTimeout, merged, secureListener);
        }
    }

    /**
     * A SASL_SSL listener on 127.0.0.1, the way a managed cluster is reached: TLS with the broker's key store, then SCRAM-SHA-512
     * (users created through the Admin API, {@code alterUserScramCredentials}) or PLAIN (users given here).
     *
     * @param keyStore         the broker's PKCS12 key store, whose certificate names 127.0.0.1
     * @param keyStorePassword its password (also the key's)
     * @param plainUsers       user name to password, for SASL/PLAIN
     */
    public record SecureListener(Path keyStore, String keyStorePassword, Map<String, String> plainUsers) {

        public SecureListener {
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(keyStorePassword, "keyStorePassword");
            plainUsers = Map.copyOf(plainUsers);
        }

        @Override
        public String toString() {
            return "SecureListener[" + keyStore + ", " + plainUsers.size() + " PLAIN user(s)]";
        }
    }

    /** The broker could not be started; the message is a single line, the cause has the details. */
    public static final class StartException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path dataDir;
    private final Path logDir;
    private final Options options;
    // Written under the monitor, read without it so that bootstrapServers() never waits for a restart.
    private volatile int port;
    private volatile int controllerPort;
    private volatile int securePort;
    private volatile String clusterId;
    private Running running;

    private EmbeddedKafkaBroker(Path dataDir, Options options) {
        this.dataDir = dataDir;
        this.logDir = dataDir.resolve("kafka-logs");
        this.options = options;
    }

    /** Starts a broker storing its data under {@code dataDir}, with {@link Options#defaults()}. */
    public static EmbeddedKafkaBroker start(Path dataDir) {
        return start(dataDir, Options.defaults());
    }

    /**
     * Starts a broker storing its data under {@code dataDir} (created if missing; formatted on
     * first use, reused as is when it already holds a broker's data) on two free loopback ports,
     * and returns once it answers an Admin {@code describeCluster}.
     *
     * @throws StartException if the broker does not start or does not become ready in time
     */
    public static EmbeddedKafkaBroker start(Path dataDir, Options options) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(options, "options");
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir.toAbsolutePath(), options);
        synchronized (broker) {
            for (int attempt = 1; ; attempt++) {
                int[] ports = freeLoopbackPorts(3);
                broker.port = ports[0];
                broker.controllerPort = ports[1];
                broker.securePort = ports[2];
                try {
                    broker.startOnCurrentPorts();
                    return broker;
                } catch (StartException e) {
                    if (attempt >= PORT_ATTEMPTS || !isBindFailure(e)) {
                        throw e;
                    }
                    log.debug("Port taken before the broker could bind it, retrying with new ports", e);
                }
            }
        }
    }

    /** {@code 127.0.0.1:<port>} of the client (PLAINTEXT) listener; stable across {@link #restart()}. */
    public String bootstrapServers() {
        return LOOPBACK + ":" + port;
    }

    /** {@code 127.0.0.1:<port>} of the SASL_SSL listener, when {@link Options#withSecureListener} asked for one. */
    public String secureBootstrapServers() {
        if (options.secureListener().isEmpty()) {
            throw new IllegalStateException("this broker has no SASL_SSL listener");
        }
        return LOOPBACK + ":" + securePort;
    }

    /** The client (PLAINTEXT) listener port. */
    public int port() {
        return port;
    }

    /** The KRaft controller listener port. */
    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String clusterId() {
        return clusterId;
    }

    public synchronized boolean isRunning() {
        return running != null;
    }

    /**
     * Stops the broker and waits until it has shut down, keeping its data and ports for
     * {@link #restart()}. Does nothing if it is already stopped.
     */
    public synchronized void stop() {
        if (running == null) {
            return;
        }
        Running current = running;
        running = null;
        long began = System.nanoTime();
        current.shutdown();
        log.info("Kafka broker on {} stopped in {} ms", bootstrapServers(), elapsedMillis(began));
    }

    /**
     * Stops the broker if it is running, then starts it again on the same ports with the same data
     * directory, and returns once it answers an Admin {@code describeCluster}.
     *
     * @throws StartException if the broker does not come back (for instance because another
     *                        process took one of its ports meanwhile)
     */
    public synchronized void restart() {
        stop();
        startOnCurrentPorts();
    }

    /** Stops the broker and waits until it has shut down. Idempotent. The data directory is kept. */
    @Override
    public synchronized void close() {
        stop();
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers() + ", " + dataDir + (isRunning() ? "" : ", stopped") + "]";
    }

    // ---------------------------------------------------------------------------------------------

    private void startOnCurrentPorts() {
        long began = System.nanoTime();
        Running started;
        try {
            Files.createDirectories(logDir);
            KafkaConfig config = KafkaConfig.fromProps(brokerProperties(), false);
            formatIfNeeded(config);
            started = Running.start(config, new InetSocketAddress(LOOPBACK, controllerPort));
        } catch (Throwable e) {
            throw startFailure(e);
        }
        try {
            awaitReady(began);
        } catch (Throwable e) {
            started.shutdown();
            throw startFailure(e);
        }
        running = started;
        clusterId = started.clusterId;
        log.info("Kafka broker started on {} (data {}) in {} ms", bootstrapServers(), dataDir, elapsedMillis(began));
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("group.min.session.timeout.ms", Long.toString(options.groupMinSessionTimeout().toMillis()));
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("server.max.startup.time.ms", Long.toString(options.startTimeout().toMillis()));
        p.putAll(options.brokerConfigOverrides());
        // Identity, storage and listeners last: these keep the broker single-node and on loopback.
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + LOOPBACK + ":" + controllerPort);
        String secure = options.secureListener().isPresent() ? "," + SECURE_LISTENER + "://" + LOOPBACK + ":" + securePort : "";
        p.put("listeners", CLIENT_LISTENER + "://" + LOOPBACK + ":" + port + ","
                + CONTROLLER_LISTENER + "://" + LOOPBACK + ":" + controllerPort + secure);
        p.put("advertised.listeners", CLIENT_LISTENER + "://" + LOOPBACK + ":" + port + secure);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", CLIENT_LISTENER);
        p.put("listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"
                + (secure.isEmpty() ? "" : "," + SECURE_LISTENER + ":SASL_SSL"));
        options.secureListener().ifPresent(listener -> p.putAll(secureListenerProperties(listener)));
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());
        return p;
    }

    private static Map<String, String> secureListenerProperties(SecureListener listener) {
        String prefix = "listener.name." + SECURE_LISTENER.toLowerCase(java.util.Locale.ROOT) + ".";
        StringBuilder plainUsers = new StringBuilder();
        listener.plainUsers().forEach((user, password) -> plainUsers.append(" user_").append(user).append("=\"").append(password).append('"'));
        Map<String, String> p = new LinkedHashMap<>();
        p.put(prefix + "sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN");
        p.put(prefix + "scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put(prefix + "plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required" + plainUsers + ";");
        p.put(prefix + "ssl.keystore.location", listener.keyStore().toAbsolutePath().toString());
        p.put(prefix + "ssl.keystore.password", listener.keyStorePassword());
        p.put(prefix + "ssl.key.password", listener.keyStorePassword());
        p.put(prefix + "ssl.keystore.type", "PKCS12");
        return p;
    }

    /** Formats the log directory (static quorum of one voter) unless it already holds a broker's data. */
    private void formatIfNeeded(KafkaConfig config) throws Exception {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(logDir.toString())
                .addDirectory(logDir.toString())
                .setHasDynamicQuorum(false)
                .run();
    }

    private void awaitReady(long beganNanos) throws Exception {
        long deadline = beganNanos + options.startTimeout().toNanos();
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-broker-readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        Exception last = null;
        try (Admin admin = Admin.create(adminConfig)) {
            while (System.nanoTime() < deadline) {
                long remainingMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                int callTimeoutMs = (int) Math.min(remainingMs, 10_000);
                try {
                    var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(callTimeoutMs));
                    var nodes = cluster.nodes().get(remainingMs, TimeUnit.MILLISECONDS);
                    Node controller = cluster.controller().get(remainingMs, TimeUnit.MILLISECONDS);
                    if (nodes.stream().anyMatch(n -> n.id() == NODE_ID) && controller != null && !controller.isEmpty()) {
                        return;
                    }
                    last = null;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    last = e;
                }
                // Each attempt blocks on the admin call itself, so this loop does not spin.
            }
        }
        throw new IllegalStateException("broker did not answer describeCluster within "
                + options.startTimeout().toMillis() + " ms"
                + (last == null ? "" : " (last error: " + oneLine(rootCause(last)) + ")"), last);
    }

    private StartException startFailure(Throwable e) {
        if (e instanceof StartException se) {
            return se;
        }
        return new StartException("Embedded Kafka broker failed to start on " + LOOPBACK + " ports "
                + port + "/" + controllerPort + " with data in " + dataDir + ": " + oneLine(rootCause(e)), e);
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("failed to bind") || message.contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String oneLine(Throwable t) {
        String message = t.getMessage();
        String text = t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    private static long elapsedMillis(long beganNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - beganNanos);
    }

    /**
     * Picks distinct ports free on 127.0.0.1 by binding port 0 and releasing it. Another process may
     * take a port before the broker binds it; {@link #start(Path, Options)} retries with new ports.
     */
    static int[] freeLoopbackPorts(int count) {
        int[] ports = new int[count];
        List<ServerSocket> held = new ArrayList<>();
        try {
            InetAddress loopback = InetAddress.getByName(LOOPBACK);
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                held.add(socket);
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(loopback, 0));
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port on " + LOOPBACK, e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // released or not, the broker's own bind will tell
                }
            }
        }
    }

    /** The running server parts, assembled the way {@code KafkaRaftServer} does. */
    private static final class Running {
        private final SharedServer shared;
        private final ControllerServer controller;
        private final BrokerServer broker;
        private final String clusterId;

        private Running(SharedServer shared, ControllerServer controller, BrokerServer broker, String clusterId) {
            this.shared = shared;
            this.controller = controller;
            this.broker = broker;
            this.clusterId = clusterId;
        }

        static Running start(KafkaConfig config, InetSocketAddress controllerAddress) {
            Tuple2<MetaPropertiesEnsemble, BootstrapMetadata> dirs =
                    KafkaRaftServer.initializeLogDirs(config, log, "[EmbeddedKafkaBroker] ");
            MetaPropertiesEnsemble ensemble = dirs._1();
            String clusterId = ensemble.clusterId().orElseThrow();
            Metrics metrics = Server.initializeMetrics(config, Time.SYSTEM, clusterId);
            ControllerServer controller = null;
            BrokerServer broker = null;
            SharedServer shared = null;
            try {
                shared = new SharedServer(
                        config,
                        ensemble,
                        Time.SYSTEM,
                        metrics,
                        // The static quorum of one voter, as configured in controller.quorum.voters.
                        CompletableFuture.completedFuture(Map.of(NODE_ID, controllerAddress)),
                        List.of(),
                        new NonHaltingFaultHandlerFactory(),
                        ServerSocketFactory.INSTANCE);
                controller = new ControllerServer(shared, KafkaRaftServer.configSchema(), dirs._2());
                broker = new BrokerServer(shared);
                // As in KafkaRaftServer: controller first, so the broker can reach the quorum.
                controller.startup();
                broker.startup();
                return new Running(shared, controller, broker, clusterId);
            } catch (Throwable e) {
                new Running(shared, controller, broker, clusterId).shutdown();
                Running.swallow("metrics close", metrics::close);
                throw e;
            }
        }

        /** Broker first (its controlled shutdown needs the controller), then controller; waits for both. */
        void shutdown() {
            if (broker != null) {
                swallow("broker shutdown", broker::shutdown);
            }
            if (controller != null) {
                swallow("controller shutdown", controller::shutdown);
            }
            if (broker != null) {
                swallow("broker awaitShutdown", broker::awaitShutdown);
            }
            if (controller != null) {
                swallow("controller awaitShutdown", controller::awaitShutdown);
            }
        }

        private static void swallow(String what, Runnable action) {
            try {
                action.run();
            } catch (Throwable e) {
                log.warn("Embedded Kafka broker: {} failed: {}", what, oneLine(e), e);
            }
        }
    }

    /**
     * Fault handlers that never terminate the JVM. Kafka's standard factory halts the process on a
     * fatal fault (including a failed controller startup); embedded in the CLI or a test, that must
     * instead surface as an exception (startup paths rethrow) and an ERROR log line.
     */
    private static final class NonHaltingFaultHandlerFactory implements FaultHandlerFactory {
        @Override
        public FaultHandler build(String name, boolean fatal, Runnable action) {
            if (!fatal) {
                return new LoggingFaultHandler(name, action);
            }
            return (failureMessage, cause) -> {
                log.error("Embedded Kafka broker hit a fatal {} fault: {}", name, failureMessage, cause);
                try {
                    action.run();
                } catch (Throwable e) {
                    log.error("Embedded Kafka broker: the {} fault action failed", name, e);
                }
                return new FaultHandlerException(failureMessage, cause);
            };
        }
    }
}
