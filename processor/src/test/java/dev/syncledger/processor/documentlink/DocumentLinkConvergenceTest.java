package dev.syncledger.processor.documentlink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.rejection.RejectionReason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Property: for random sets of one link's events, every arrival order, with duplicates, folds to the
 * row that the set of accepted events alone gives, computed here without folding. Seeded, so a
 * failure names the seed that reproduces it.
 */
class DocumentLinkConvergenceTest {

    private static final int SETS = 3_000;
    private static final int ORDERS_PER_SET = 24;
    private static final UUID OTHER_WORKSPACE = UUID.fromString("0d6f1e2a-5b3c-4e7d-9f81-2a4b6c8d0e1f");

    /** The situations the generator must reach, so that a rule it never reaches cannot pass unnoticed. */
    enum Situation {
        UNLINKS_ONLY, ACTIVE, SOFT_DELETED, RELINKED_AFTER_UNLINK, TIE_ON_LATEST_OCCURRED_AT,
        EARLIER_LINK_ARRIVED_LATE, UNLINK_ARRIVED_BEFORE_ANY_LINK, REDELIVERED, WORKSPACE_MISMATCH
    }

    @Test
    void shouldFoldEveryArrivalOrderToTheRowOfTheAcceptedSet() {
        Set<Situation> seen = EnumSet.noneOf(Situation.class);
        for (int seed = 0; seed < SETS; seed++) {
            Random random = new Random(seed);
            List<LinkEvent> events = randomLink(random);
            boolean oneWorkspace = events.stream().map(LinkEvent::workspaceId).distinct().count() == 1;
            Optional<DocumentLinkRow> reference = LinkFoldRun.of(events).row();

            for (int order = 0; order < ORDERS_PER_SET; order++) {
                List<LinkEvent> arrival = withDuplicates(events, random);
                Collections.shuffle(arrival, random);
                LinkFoldRun run = LinkFoldRun.of(arrival);

                UUID stamped = arrival.get(0).workspaceId();
                List<LinkEvent> accepted = events.stream().filter(e -> e.workspaceId().equals(stamped)).toList();
                assertThat(run.row()).as("seed %d, order %d: row", seed, order).isEqualTo(expectedRow(accepted));
                assertThat(distinctRejectedIds(run)).as("seed %d, order %d: rejected events", seed, order)
                        .isEqualTo(events.stream().filter(e -> !e.workspaceId().equals(stamped))
                                .map(LinkEvent::eventId).collect(Collectors.toSet()));
                assertThat(run.rejections).extracting(Rejection::reason).allMatch(RejectionReason.WORKSPACE_MISMATCH::equals);
                if (oneWorkspace) {
                    assertThat(run.row()).as("seed %d, order %d: same row as any other order", seed, order).isEqualTo(reference);
                }
                seen.addAll(situations(arrival, accepted, run));
            }
        }
        assertThat(seen).as("the generated links reach every rule").containsExactlyInAnyOrder(Situation.values());
    }

    @Test
    void shouldEmitTheFinalRowLastWithRevisionsCountingOnlyChanges() {
        for (int seed = 0; seed < 500; seed++) {
            Random random = new Random(seed);
            List<LinkEvent> arrival = withDuplicates(randomLink(random), random);
            Collections.shuffle(arrival, random);
            LinkFoldRun run = LinkFoldRun.of(arrival);

            assertThat(run.revisions).as("seed %d", seed)
                    .isEqualTo(LongStream.rangeClosed(1, run.emitted.size()).boxed().toList());
            for (int i = 1; i < run.emitted.size(); i++) {
                assertThat(run.emitted.get(i)).as("seed %d: emitted only on change", seed).isNotEqualTo(run.emitted.get(i - 1));
            }
            if (run.row().isPresent()) {
                assertThat(run.emitted).as("seed %d", seed).last().isEqualTo(run.row().get());
            } else {
                assertThat(run.emitted).as("seed %d: no row, nothing emitted", seed).isEmpty();
            }
        }
    }

    /** What the issue says a link's row is, computed from the set directly rather than by folding. */
    private static Optional<DocumentLinkRow> expectedRow(List<LinkEvent> accepted) {
        List<LinkEvent> links = accepted.stream().filter(LinkEvent::isLink).toList();
        if (links.isEmpty()) {
            return Optional.empty();
        }
        LinkEvent latest = accepted.stream().max(LinkEvent.BY_OCCURRENCE).orElseThrow();
        return Optional.of(new DocumentLinkRow(latest.key(), latest.workspaceId(),
                links.stream().map(LinkEvent::occurredAt).min(Comparator.naturalOrder()).orElseThrow(),
                latest.occurredAt(), latest.isLink() ? null : latest.occurredAt()));
    }

    private static Set<Situation> situations(List<LinkEvent> arrival, List<LinkEvent> accepted, LinkFoldRun run) {
        Set<Situation> found = EnumSet.noneOf(Situation.class);
        if (!run.rejections.isEmpty()) {
            found.add(Situation.WORKSPACE_MISMATCH);
        }
        if (new LinkedHashSet<>(arrival).size() < arrival.size()) {
            found.add(Situation.REDELIVERED);
        }
        Optional<DocumentLinkRow> row = run.row();
        if (row.isEmpty()) {
            if (!accepted.isEmpty()) {
                found.add(Situation.UNLINKS_ONLY);
            }
            return found;
        }
        found.add(row.get().isActive() ? Situation.ACTIVE : Situation.SOFT_DELETED);
        if (row.get().isActive() && accepted.stream().anyMatch(e -> !e.isLink() && e.occurredAt().isAfter(row.get().createdAt()))) {
            found.add(Situation.RELINKED_AFTER_UNLINK);
        }
        if (accepted.stream().filter(e -> e.occurredAt().equals(row.get().updatedAt())).map(LinkEvent::kind).distinct().count() > 1) {
            found.add(Situation.TIE_ON_LATEST_OCCURRED_AT);
        }
        List<LinkEvent> acceptedArrival = arrival.stream().filter(accepted::contains).toList();
        if (!acceptedArrival.get(0).isLink()) {
            found.add(Situation.UNLINK_ARRIVED_BEFORE_ANY_LINK);
        }
        LinkEvent firstLink = acceptedArrival.stream().filter(LinkEvent::isLink).findFirst().orElseThrow();
        if (firstLink.occurredAt().isAfter(row.get().createdAt())) {
            found.add(Situation.EARLIER_LINK_ARRIVED_LATE);
        }
        return found;
    }

    private static Set<UUID> distinctRejectedIds(LinkFoldRun run) {
        return run.rejections.stream().map(Rejection::eventId).collect(Collectors.toSet());
    }

    private static List<LinkEvent> withDuplicates(List<LinkEvent> events, Random random) {
        List<LinkEvent> arrival = new ArrayList<>(events);
        for (LinkEvent event : events) {
            if (random.nextInt(4) == 0) {
                arrival.add(event);
            }
        }
        return arrival;
    }

    /**
     * One link's events: links and unlinks over a few seconds, so that ties on occurred_at are common,
     * and in a quarter of the sets some events naming another workspace.
     */
    static List<LinkEvent> randomLink(Random random) {
        int count = 1 + random.nextInt(6);
        boolean intruders = random.nextInt(4) == 0;
        List<LinkEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID workspace = intruders && random.nextInt(3) == 0 ? OTHER_WORKSPACE : DocumentLinkEvents.WORKSPACE;
            LinkEventKind kind = random.nextInt(5) < 3 ? LinkEventKind.LINKED : LinkEventKind.UNLINKED;
            events.add(new LinkEvent(new UUID(random.nextLong(), random.nextLong()), DocumentLinkEvents.t(random.nextInt(8)),
                    workspace, DocumentLinkEvents.KEY, kind));
        }
        return events;
    }
}
