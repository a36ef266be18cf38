package dev.syncledger.app.cli;

import dev.syncledger.schemas.text.Redaction;
import dev.syncledger.app.config.KafkaOptions;
import dev.syncledger.app.config.SchemaRegistryOptions;
import dev.syncledger.app.config.TopicOptions;
import dev.syncledger.app.config.SyncLedgerSettings;
import dev.syncledger.processor.topics.TopicProvisioner;
import dev.syncledger.schemas.kafka.KafkaConnection;
import dev.syncledger.schemas.serde.SchemaRegistryClient;
import dev.syncledger.schemas.serde.SchemaRegistryException;
import dev.syncledger.schemas.serde.SchemaRegistrySettings;
import dev.syncledger.schemas.Topics.TopicSpec;
import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.db.DatabaseUnavailableException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;

/**
 * The checks before anything starts, each failing with one line that names what is unreachable and
 * the setting that points at it: a wrong address fails in seconds rather than in a retry loop.
 */
public final class Preflight {

    /** What the checks reach for, and whether missing topics are created or named. */
    public record Target(KafkaConnection kafka, Duration connectTimeout, Optional<SchemaRegistrySettings> schemaRegistry,
                         boolean createTopics, int partitions, short replicationFactor) {

        public static Target of(SyncLedgerSettings settings) {
            return new Target(settings.kafka(), settings.connectTimeout(), settings.schemaRegistry(),
                    settings.createTopics(), settings.partitions(), settings.replicationFactor());
        }

        /** @throws IllegalArgumentException when the registry options cannot work, naming the option */
        public static Target of(KafkaOptions kafka, SchemaRegistryOptions registry, TopicOptions topics) {
            return new Target(kafka.connection(), kafka.connectTimeout(), registry.settings(),
                    topics.createTopics(), topics.partitions(), topics.replicationFactor());
        }

        String bootstrapServers() {
            return kafka.bootstrapServers();
        }

        /** Secrets hidden: a settings record ends up in log lines and error messages. */
        @Override
        public String toString() {
            return Redaction.describe(this);
        }
    }

    private final Target settings;

    public Preflight(Target target) {
        this.settings = target;
    }

    public Preflight(SyncLedgerSettings settings) {
        this(Target.of(settings));
    }

    /** An admin client whose every call is bounded by the connect timeout. */
    public Admin admin() {
        int timeoutMs = (int) settings.connectTimeout().toMillis();
        Map<String, Object> config = settings.kafka().clientConfig();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        try {
            return Admin.create(config);
        } catch (KafkaException e) {
            throw new UserFacingException(KafkaProblems.clientNotCreated(settings.kafka(), e), e);
        }
    }

    /** The database the sink will write to, reached once; its display URL has no password. */
    public static Database database(String url, String schema) {
        try {
            return Database.connect(url, schema);
        } catch (DatabaseUnavailableException | IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    public void kafka(Admin admin) {
        Duration timeout = settings.connectTimeout();
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("interrupted while contacting Kafka at " + settings.bootstrapServers(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new UserFacingException(KafkaProblems.unreachable(settings.kafka(), seconds(timeout), e), e);
        }
    }

    public void schemaRegistry() {
        settings.schemaRegistry().ifPresent(this::schemaRegistry);
    }

    // The client the pipeline will use, so credentials, trust and the URL's user info are checked as they will be used.
    private void schemaRegistry(SchemaRegistrySettings registry) {
        try {
            new SchemaRegistryClient(registry.withTimeouts(settings.connectTimeout(), settings.connectTimeout())).checkReachable();
        } catch (SchemaRegistryException | IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    /** Creates the missing topics with {@code --create-topics}; without it, names the missing ones and the flag. */
    public void topics(Admin admin, Collection<TopicSpec> needed) {
        if (settings.createTopics()) {
            try {
                new TopicProvisioner(admin).ensure(needed, settings.partitions(), settings.replicationFactor());
            } catch (IllegalStateException e) {
                throw new UserFacingException(e.getMessage() + "; check --partitions and --replication-factor against the cluster", e);
            }
            return;
        }
        Set<String> existing;
        try {
            existing = admin.listTopics().names().get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("interrupted while listing topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new UserFacingException(KafkaProblems.authentication(settings.kafka(), e)
                    .orElse("cannot list the topics of Kafka at " + settings.bootstrapServers() + ": " + KafkaProblems.rootMessage(e)), e);
        }
        List<String> missing = needed.stream().map(TopicSpec::name).filter(name -> !existing.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new UserFacingException("Kafka at " + settings.bootstrapServers() + " lacks the topics " + String.join(", ", missing)
                    + "; run with --create-topics (and --partitions, --replication-factor) or create them");
        }
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

}
