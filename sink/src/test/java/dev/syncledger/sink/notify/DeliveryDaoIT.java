package dev.syncledger.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.notify.DeliveryDao.DueDelivery;
import dev.syncledger.sink.notify.DeliveryDao.NewDeliveries;
import dev.syncledger.sink.notify.DeliveryDao.NewDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The notifier's durable queue in PostgreSQL: recorded once, claimed under a lease, settled, forgotten when old. */
class DeliveryDaoIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final String URL = "http://127.0.0.1:9/hook";

    private DeliveryDao dao() {
        return POSTGRES.jdbi().onDemand(DeliveryDao.class);
    }

    @Test
    void recordsATransitionOncePerUrlAndLeasesWhatItHandsOut() {
        NewDelivery delivery = new NewDelivery(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), URL, "{}");
        assertThat(dao().insert(NewDeliveries.of(List.of(delivery)), NOW)).isEqualTo(1);
        assertThat(dao().insert(NewDeliveries.of(List.of(delivery)), NOW.plusSeconds(5))).as("a redelivered transition").isZero();

        List<DueDelivery> claimed = dao().claimDue(NOW, 3_000, 10);
        assertThat(claimed).extracting(DueDelivery::transitionId).containsExactly(delivery.transitionId());
        assertThat(dao().claimDue(NOW.plusSeconds(2), 3_000, 10)).as("under its lease").isEmpty();
        assertThat(dao().claimDue(NOW.plusSeconds(4), 3_000, 10)).as("the lease ran out: the claimer died").hasSize(1);
    }

    @Test
    void forgetsOldFinishedDeliveriesButNeverPendingOnes() {
        NewDelivery old = new NewDelivery(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), URL, "{}");
        NewDelivery oldPending = new NewDelivery(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), URL, "{}");
        Instant longAgo = NOW.minus(Duration.ofDays(31));
        dao().insert(NewDeliveries.of(List.of(old, oldPending)), longAgo);
        NewDelivery recent = new NewDelivery(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), URL, "{}");
        dao().insert(NewDeliveries.of(List.of(recent)), NOW);
        for (DueDelivery due : dao().claimDue(NOW, 1_000, 10)) {
            if (!due.transitionId().equals(oldPending.transitionId())) {
                dao().recordAttempt(due.pk(), 1, NOW, 204, null, 12);
                dao().settle(due.pk(), "delivered", 1, NOW, 204, null, null);
            }
        }

        assertThat(dao().forgetFinished(NOW.minus(Notifier.KEEP_FINISHED), 100)).isEqualTo(1);
        List<UUID> left = POSTGRES.jdbi().withHandle(h -> h.createQuery("SELECT transition_id FROM alert_deliveries").mapTo(UUID.class).list());
        assertThat(left).containsExactlyInAnyOrder(oldPending.transitionId(), recent.transitionId());
        long attempts = POSTGRES.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM alert_delivery_attempts").mapTo(Long.class).one());
        assertThat(attempts).as("the forgotten delivery's attempt went with it").isEqualTo(1);
    }
}
