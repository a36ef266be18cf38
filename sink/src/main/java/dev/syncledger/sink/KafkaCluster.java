package dev.syncledger.sink;

import dev.syncledger.schemas.kafka.KafkaConnection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Asks the broker which cluster it belongs to, failing with one line a person can act on. */
final class KafkaCluster {

    private KafkaCluster() {}

    static String idOf(KafkaConnection kafka, Duration timeout) {
        String bootstrapServers = kafka.bootstrapServers();
        Map<String, Object> config = kafka.clientConfig();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while contacting Kafka at " + bootstrapServers, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("cannot reach Kafka at " + bootstrapServers + " within " + timeout.toSeconds()
                    + " s; is it running? set --bootstrap-servers or SYNC_LEDGER_BOOTSTRAP_SERVERS", e);
        }
    }
}
