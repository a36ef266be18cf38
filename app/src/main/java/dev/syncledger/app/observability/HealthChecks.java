package dev.syncledger.app.observability;

import dev.syncledger.schemas.kafka.KafkaConnection;
import dev.syncledger.app.observability.Readiness.Problem;
import dev.syncledger.schemas.text.OneLine;
import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.db.SqlFailure;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.streams.KafkaStreams;

/** The readiness checks of a sync-ledger process. Each bounds its own waits; {@link HealthMonitor} runs them. */
public final class HealthChecks {

    private HealthChecks() {}

    /**
     * PostgreSQL answers {@code SELECT 1} within the timeout, on a connection of the sink's pool: waiting for a
     * connection is bounded by the pool's connect timeout, the query by a query timeout and by a network timeout on
     * the connection for this check only, so a server that accepts and never answers cannot hold the thread.
     */
    public static Readiness database(Database database, Duration timeout) {
        return new DatabaseCheck(database, timeout);
    }

    /** The broker answers an Admin {@code describeCluster} within the timeout. */
    public static Readiness broker(KafkaConnection kafka, Duration timeout) {
        return new BrokerCheck(kafka, timeout);
    }

    /** The processor's Kafka Streams instance is RUNNING or REBALANCING. */
    public static Readiness processor(Supplier<KafkaStreams.State> state, Supplier<Optional<String>> failure) {
        return new Readiness() {
            @Override
            public String name() {
                return "processor";
            }

            @Override
            public Optional<Problem> problem() {
                Optional<String> failed = failure.get();
                if (failed.isPresent()) {
                    return Optional.of(new Problem(HealthCode.processor_stopped, failed.get()));
                }
                KafkaStreams.State current = state.get();
                return current == KafkaStreams.State.RUNNING || current == KafkaStreams.State.REBALANCING
                        ? Optional.empty()
                        : Optional.of(new Problem(HealthCode.processor_stopped, "the processor is " + current + "; see the log for why it stopped"));
            }
        };
    }

    /** Ready while the notifier runs; once it stopped on its own, the one line that says why. */
    public static Readiness notifier(Supplier<Optional<Throwable>> failure) {
        return new Readiness() {
            @Override
            public String name() {
                return "notifier";
            }

            @Override
            public Optional<Problem> problem() {
                return failure.get().map(cause -> new Problem(HealthCode.notifier_stopped, "the notifier has stopped: " + OneLine.describe(cause)));
            }
        };
    }

    /** The sink's thread is still consuming. */
    public static Readiness sink(BooleanSupplier alive) {
        return new Readiness() {
            @Override
            public String name() {
                return "sink";
            }

            @Override
            public Optional<Problem> problem() {
                return alive.getAsBoolean() ? Optional.empty()
                        : Optional.of(new Problem(HealthCode.sink_stopped, "the sink has stopped; see the log for why, then restart"));
            }
        };
    }

    private static final class DatabaseCheck implements Readiness {

        private final Database database;
        private final Duration timeout;

        DatabaseCheck(Database database, Duration timeout) {
            this.database = database;
            this.timeout = timeout;
        }

        @Override
        public String name() {
            return "database";
        }

        @Override
        public HealthCode whenTimedOut() {
            return HealthCode.database_unreachable;
        }

        @Override
        public Optional<Problem> problem() {
            int millis = (int) timeout.toMillis();
            try {
                database.jdbi().useHandle(handle -> {
                    Connection connection = handle.getConnection();
                    // The pool restores the connection's own network timeout when the connection is returned.
                    connection.setNetworkTimeout(Runnable::run, millis);
                    handle.createQuery("SELECT 1").setQueryTimeout((int) Math.max(1, timeout.toSeconds())).mapTo(Integer.class).one();
                });
                return Optional.empty();
            } catch (Exception e) {
                boolean refused = SqlFailure.sqlState(e).orElse("").startsWith("28");
                return Optional.of(new Problem(refused ? HealthCode.database_login_refused : HealthCode.database_unreachable,
                        database.unavailable(e).getMessage()));
            }
        }
    }

    static final class BrokerCheck implements Readiness, AutoCloseable {

        private final String bootstrapServers;
        private final Duration timeout;
        private final Admin admin;

        BrokerCheck(KafkaConnection kafka, Duration timeout) {
            this.bootstrapServers = kafka.bootstrapServers();
            this.timeout = timeout;
            this.admin = admin(kafka, timeout);
        }

        /** The one place this check's Admin client is built. */
        private static Admin admin(KafkaConnection kafka, Duration timeout) {
            int millis = (int) timeout.toMillis();
            Map<String, Object> config = kafka.clientConfig();
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "sync-ledger-health");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
            return Admin.create(config);
        }

        @Override
        public String name() {
            return "broker";
        }

        @Override
        public HealthCode whenTimedOut() {
            return HealthCode.broker_unreachable;
        }

        @Override
        public Optional<Problem> problem() {
            try {
                admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                        .clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(new Problem(HealthCode.broker_unreachable, "interrupted while checking Kafka"));
            } catch (ExecutionException | TimeoutException e) {
                return Optional.of(new Problem(HealthCode.broker_unreachable, "cannot reach Kafka at " + bootstrapServers + " within "
                        + timeout.toMillis() + " ms; is it running? check --bootstrap-servers or SYNC_LEDGER_BOOTSTRAP_SERVERS"));
            }
        }

        @Override
        public void close() {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
