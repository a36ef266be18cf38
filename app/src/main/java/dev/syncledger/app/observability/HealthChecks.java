package dev.syncledger.app.observability;

import dev.syncledger.schemas.kafka.KafkaConnection;
import dev.syncledger.schemas.text.OneLine;
import dev.syncledger.sink.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.streams.KafkaStreams;

/** The readiness checks of a sync-ledger process. */
public final class HealthChecks {

    /** How long one check may take before it counts as failed. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** How long the broker's answer is reused, so that frequent scrapes do not each ask the broker. */
    public static final Duration BROKER_CACHE = Duration.ofSeconds(5);

    private HealthChecks() {}

    /** PostgreSQL answers {@code SELECT 1} within the timeout, through the sink's own connection settings. */
    public static Readiness database(Database database, Duration timeout) {
        return new DatabaseCheck(database, timeout);
    }

    /** The broker answers an Admin {@code describeCluster} within the timeout; the answer is reused for {@code cacheFor}. */
    public static Readiness broker(KafkaConnection kafka, Duration timeout, Duration cacheFor) {
        return new BrokerCheck(kafka, timeout, cacheFor, Clock.systemUTC());
    }

    /** The processor's Kafka Streams instance is RUNNING or REBALANCING. */
    public static Readiness processor(Supplier<KafkaStreams.State> state, Supplier<Optional<String>> failure) {
        return new Readiness() {
            @Override
            public String name() {
                return "processor";
            }

            @Override
            public Optional<String> problem() {
                Optional<String> failed = failure.get();
                if (failed.isPresent()) {
                    return failed;
                }
                KafkaStreams.State current = state.get();
                return current == KafkaStreams.State.RUNNING || current == KafkaStreams.State.REBALANCING
                        ? Optional.empty()
                        : Optional.of("the processor is " + current + "; see the log for why it stopped");
            }
        };
    }

    /** The sink's thread is still consuming. */
    /** Ready while the notifier runs; once it stopped on its own, the one line that says why. */
    public static Readiness notifier(Supplier<Optional<Throwable>> failure) {
        return new Readiness() {
            @Override
            public String name() {
                return "notifier";
            }

            @Override
            public Optional<String> problem() {
                return failure.get().map(cause -> "the notifier has stopped: " + OneLine.describe(cause));
            }
        };
    }

    public static Readiness sink(BooleanSupplier alive) {
        return new Readiness() {
            @Override
            public String name() {
                return "sink";
            }

            @Override
            public Optional<String> problem() {
                return alive.getAsBoolean() ? Optional.empty() : Optional.of("the sink has stopped; see the log for why, then restart");
            }
        };
    }

    private static final class DatabaseCheck implements Readiness, AutoCloseable {

        private final Database database;
        private final Duration timeout;
        /** The check runs here so that a connection attempt that hangs cannot hold the HTTP request past the timeout. */
        private final ExecutorService executor = Executors.newCachedThreadPool(daemon("sync-ledger-health-database"));

        DatabaseCheck(Database database, Duration timeout) {
            this.database = database;
            this.timeout = timeout;
        }

        @Override
        public String name() {
            return "database";
        }

        @Override
        public Optional<String> problem() {
            int seconds = (int) Math.max(1, timeout.toSeconds());
            CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> database.jdbi().withHandle(handle ->
                    handle.createQuery("SELECT 1").setQueryTimeout(seconds).mapTo(Integer.class).one()), executor);
            try {
                answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return Optional.empty();
            } catch (TimeoutException e) {
                answer.cancel(true);
                return Optional.of("PostgreSQL at " + database.displayUrl() + " did not answer within " + timeout.toMillis()
                        + " ms; is it overloaded or unreachable?");
            } catch (ExecutionException e) {
                return Optional.of(database.unavailable(e.getCause()).getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted while checking PostgreSQL");
            }
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

    static final class BrokerCheck implements Readiness, AutoCloseable {

        private final String bootstrapServers;
        private final Duration timeout;
        private final Duration cacheFor;
        private final Clock clock;
        private final Admin admin;
        private Optional<String> lastAnswer = Optional.empty();
        private Instant answeredAt = Instant.MIN;

        BrokerCheck(KafkaConnection kafka, Duration timeout, Duration cacheFor, Clock clock) {
            this.bootstrapServers = kafka.bootstrapServers();
            this.timeout = timeout;
            this.cacheFor = cacheFor;
            this.clock = clock;
            int millis = (int) timeout.toMillis();
            Map<String, Object> config = kafka.clientConfig();
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "sync-ledger-health");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
            this.admin = Admin.create(config);
        }

        @Override
        public String name() {
            return "broker";
        }

        @Override
        public synchronized Optional<String> problem() {
            Instant now = clock.instant();
            if (answeredAt.plus(cacheFor).isAfter(now)) {
                return lastAnswer;
            }
            lastAnswer = ask();
            answeredAt = clock.instant();
            return lastAnswer;
        }

        private Optional<String> ask() {
            try {
                admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                        .clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted while checking Kafka");
            } catch (ExecutionException | TimeoutException e) {
                return Optional.of("cannot reach Kafka at " + bootstrapServers + " within " + timeout.toMillis()
                        + " ms; is it running? check --bootstrap-servers or SYNC_LEDGER_BOOTSTRAP_SERVERS");
            }
        }

        @Override
        public void close() {
            admin.close(Duration.ofSeconds(5));
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
