package dev.syncledger.app.generate;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** A workspace of the generated workload: its id and the people whose browser extension records collects. */
record SimulatedWorkspace(UUID id, List<UUID> people) {

    static SimulatedWorkspace draw(Draw draw) {
        UUID id = draw.uuid();
        int count = (int) draw.between(1, 6);
        List<UUID> people = IntStream.range(0, count).mapToObj(i -> draw.uuid()).toList();
        return new SimulatedWorkspace(id, people);
    }
}
