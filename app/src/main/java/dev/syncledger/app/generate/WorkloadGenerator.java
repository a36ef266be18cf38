package dev.syncledger.app.generate;

import java.io.IOException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A realistic synthetic workload of JSON event lines, as connectors would send them: for
 * {@code workspaces × connectorsPerWorkspace} connectors (pennylane, qonto, gmail, chrome-extension…),
 * an hourly sync run each, started by Cloud Tasks, by hand or after an OAuth connection; runs that
 * succeed with metadata or fail with the error texts real providers give and a failure diagnostic;
 * informational diagnostics; documents linked during successful runs and a few unlinked; collects of
 * browser-extension connectors; a few soft deletes; and, at the spec's rates, duplicated lines and
 * runs or collects delivered out of order.
 *
 * <p>Lines come out in delivery order, which follows {@code occurred_at} from the spec's start
 * except where duplicates and reordering deliberately break it. The same spec gives the same bytes:
 * every choice comes from the seed, none from the clock. Lines are generated while they are read,
 * an hour of the workload at a time, so a workload of millions of events needs no more memory than
 * one of thousands.
 *
 * <p>Used by {@code sync-ledger generate}, the demo, tests and benchmarks.
 */
public final class WorkloadGenerator implements Iterable<String> {

    private final WorkloadSpec spec;

    public WorkloadGenerator(WorkloadSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    public WorkloadSpec spec() {
        return spec;
    }

    /** A fresh pass over the workload: every call starts again from the first line and gives the same lines. */
    @Override
    public WorkloadLines iterator() {
        return new WorkloadLines(spec);
    }

    /** The lines, without line terminators, generated lazily as the stream is consumed. */
    public Stream<String> lines() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Writes every line followed by {@code \n}, and says what was written. */
    public WorkloadCounts writeTo(Appendable out) throws IOException {
        WorkloadLines lines = iterator();
        while (lines.hasNext()) {
            out.append(lines.next()).append('\n');
        }
        return lines.counts();
    }
}
