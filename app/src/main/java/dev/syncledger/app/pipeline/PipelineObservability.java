package dev.syncledger.app.pipeline;

import dev.syncledger.schemas.kafka.KafkaConnection;
import dev.syncledger.app.observability.HealthChecks;
import dev.syncledger.app.observability.ObservabilityServer;
import dev.syncledger.app.observability.ObservabilitySettings;
import dev.syncledger.app.observability.Readiness;
import dev.syncledger.app.observability.SyncLedgerMetrics;
import dev.syncledger.app.observability.WebhookMetrics;
import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.notify.Notifier;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;

/**
 * The one call the commands make: the endpoint for whatever part of the pipeline this process runs.
 * Readiness: the broker always, the processor when it runs, the sink and the database when the sink runs.
 */
public final class PipelineObservability {

    private PipelineObservability() {}

    /**
     * @param processor the processor this process runs, or null ({@code --only sink})
     * @param sink      the sink this process runs, or null ({@code --only processor})
     * @param database  the sink's database, checked for readiness; null when there is no sink
     */
    public static ObservabilityServer start(ObservabilitySettings settings, KafkaConnection kafka, ProcessorRunner processor,
                                            SinkRunner sink, Database database) {
        return start(settings, kafka, processor, sink, database, null, null);
    }

    /**
     * @param notifier the notifier this process runs, or null
     * @param webhooks its delivery metrics, or null without a notifier
     */
    public static ObservabilityServer start(ObservabilitySettings settings, KafkaConnection kafka, ProcessorRunner processor,
                                            SinkRunner sink, Database database, Notifier notifier, WebhookMetrics webhooks) {
        List<Readiness> checks = new ArrayList<>();
        List<MeterBinder> binders = new ArrayList<>(SyncLedgerMetrics.jvm());
        checks.add(HealthChecks.broker(kafka, settings.health().checkTimeout()));
        if (processor != null) {
            checks.add(HealthChecks.processor(processor::state, processor::failure));
            binders.addAll(SyncLedgerMetrics.processor(processor.streams()));
            binders.add(SyncLedgerMetrics.threadReplacements(processor::threadReplacements));
        }
        if (database != null) {
            checks.add(HealthChecks.database(database, settings.health().checkTimeout()));
            binders.add(SyncLedgerMetrics.openAlerts(database));
        }
        if (notifier != null) {
            checks.add(HealthChecks.notifier(notifier::failure));
            binders.add(webhooks);
        }
        if (sink != null) {
            checks.add(HealthChecks.sink(sink::isAlive));
            binders.addAll(SyncLedgerMetrics.sink(sink.sink(), kafka));
        }
        return ObservabilityServer.start(settings, checks, binders);
    }
}
