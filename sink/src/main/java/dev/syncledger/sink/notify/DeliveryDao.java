package dev.syncledger.sink.notify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** alert_deliveries and alert_delivery_attempts: what the notifier must send, and what each try gave. */
public interface DeliveryDao {

    /** New deliveries, one statement per batch; a transition already recorded for a URL is left as it is. */
    @SqlUpdate("""
            INSERT INTO alert_deliveries (transition_id, alert_id, workspace_id, url, body, created_at, next_attempt_at)
            SELECT transition_id, alert_id, workspace_id, url, body, CAST(:now AS timestamptz), CAST(:now AS timestamptz)
            FROM unnest(:transitionId, :alertId, :workspaceId, :url, :body)
                AS batch (transition_id, alert_id, workspace_id, url, body)
            ORDER BY transition_id, url
            ON CONFLICT (transition_id, url) DO NOTHING
            """)
    int insert(@BindMethods NewDeliveries batch, @Bind("now") Instant now);

    /**
     * Takes up to {@code limit} due deliveries and pushes their next attempt out by the lease, so that another
     * notifier (or this one after a crash) tries them again only once the lease ran out.
     */
    @SqlQuery("""
            UPDATE alert_deliveries d
            SET next_attempt_at = CAST(:now AS timestamptz) + :leaseMs * interval '1 millisecond'
            WHERE d.pk IN (
                SELECT pk FROM alert_deliveries
                WHERE state = 'pending' AND next_attempt_at <= :now
                ORDER BY next_attempt_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED)
            RETURNING d.pk, d.transition_id, d.url, d.body, d.attempts, d.created_at
            """)
    @RegisterConstructorMapper(DueDelivery.class)
    List<DueDelivery> claimDue(@Bind("now") Instant now, @Bind("leaseMs") long leaseMs, @Bind("limit") int limit);

    @SqlUpdate("""
            INSERT INTO alert_delivery_attempts (delivery_pk, attempt, attempted_at, status_code, error, latency_ms)
            VALUES (:pk, :attempt, :at, :statusCode, :error, :latencyMs)
            ON CONFLICT (delivery_pk, attempt) DO NOTHING
            """)
    void recordAttempt(@Bind("pk") long pk, @Bind("attempt") int attempt, @Bind("at") Instant at, @Bind("statusCode") Integer statusCode,
                       @Bind("error") String error, @Bind("latencyMs") int latencyMs);

    /** Ends or reschedules a delivery after an attempt; {@code nextAttemptAt} only counts while it stays pending. */
    @SqlUpdate("""
            UPDATE alert_deliveries
            SET state = CAST(:state AS alert_delivery_state_enum),
                attempts = :attempt,
                last_attempt_at = :at,
                last_status_code = :statusCode,
                last_error = :error,
                delivered_at = CASE WHEN :state = 'delivered' THEN CAST(:at AS timestamptz) END,
                next_attempt_at = COALESCE(CAST(:nextAttemptAt AS timestamptz), next_attempt_at)
            WHERE pk = :pk AND state = 'pending'
            """)
    int settle(@Bind("pk") long pk, @Bind("state") String state, @Bind("attempt") int attempt, @Bind("at") Instant at,
               @Bind("statusCode") Integer statusCode, @Bind("error") String error, @Bind("nextAttemptAt") Instant nextAttemptAt);

    /**
     * Forgets up to {@code limit} finished deliveries (delivered, gone, expired) created before {@code before}, with
     * their attempts; returns how many. Pending ones stay whatever their age: the retry window ends them first.
     */
    @SqlUpdate("""
            DELETE FROM alert_deliveries
            WHERE pk IN (
                SELECT pk FROM alert_deliveries
                WHERE state <> 'pending' AND created_at < :before
                ORDER BY created_at
                LIMIT :limit)
            """)
    int forgetFinished(@Bind("before") Instant before, @Bind("limit") int limit);

    @SqlQuery("SELECT count(*) FROM alert_deliveries WHERE state = 'pending'")
    long pending();

    /** One delivery to try now. */
    record DueDelivery(long pk, UUID transitionId, String url, String body, int attempts, Instant createdAt) {}

    /** A batch of deliveries to record, one array per column. */
    record NewDeliveries(UUID[] transitionId, UUID[] alertId, UUID[] workspaceId, String[] url, String[] body) {

        public static NewDeliveries of(List<NewDelivery> deliveries) {
            return new NewDeliveries(
                    deliveries.stream().map(NewDelivery::transitionId).toArray(UUID[]::new),
                    deliveries.stream().map(NewDelivery::alertId).toArray(UUID[]::new),
                    deliveries.stream().map(NewDelivery::workspaceId).toArray(UUID[]::new),
                    deliveries.stream().map(NewDelivery::url).toArray(String[]::new),
                    deliveries.stream().map(NewDelivery::body).toArray(String[]::new));
        }
    }

    record NewDelivery(UUID transitionId, UUID alertId, UUID workspaceId, String url, String body) {}
}
