package dev.syncledger.app.generate;

import dev.syncledger.app.cli.UserFacingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
                "Writes a realistic synthetic workload as JSON event lines: N workspaces x M connectors, an hourly sync run per",
                "connector that succeeds or fails with realistic durations, metadata and errors, diagnostics across the reason",
                "taxonomy, document links, collects, soft deletes, and duplicated or out-of-order deliveries at the given rates.",
                "The output is deterministic for a given --seed and --start (and the other options): same flags, same bytes.",
                "Only event lines go to standard output; a one-line summary goes to standard error.",
                "Every option can also be set with an environment variable: --seed as SYNC_LEDGER_SEED."})
public final class GenerateCommand implements Callable<Integer> {

    /** How often, in lines, a closed standard output (`generate | head`) is looked for. */
    private static final int CLOSED_OUTPUT_CHECK_EVERY = 4096;

    @Spec
    CommandSpec spec;

    /** The clock the default --start is read from; the generator itself never reads one. */
    Clock clock = Clock.systemUTC();

    @Mixin
    WorkloadOptions workload;

    @Option(names = "--start", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "When the first hour starts, as an ISO-8601 instant (default: now minus the span the runs cover, "
                    + "truncated to the minute, so the workload ends about now).")
    Instant start;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write the lines (default: standard output; - also means it).")
    String output;

    @Option(names = "--verbose", description = "Print stack traces of failures.")
    boolean verbose;

    @Override
    public Integer call() {
        WorkloadSpec shape = workloadSpec();
        WorkloadGenerator generator = new WorkloadGenerator(shape);
        WorkloadCounts counts = toStandardOutput() ? writeToStandardOutput(generator) : writeToFile(generator, Path.of(output));
        PrintWriter err = spec.commandLine().getErr();
        err.println(summary(shape, counts));
        err.flush();
        return 0;
    }

    private WorkloadSpec workloadSpec() {
        try {
            return workload.spec(start, clock.instant());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private boolean toStandardOutput() {
        return output == null || output.equals("-");
    }

    private WorkloadCounts writeToFile(WorkloadGenerator generator, Path file) {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return generator.writeTo(writer);
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + file + ": " + describe(e), e);
        }
    }

    /**
     * Neither a PrintWriter nor System.out throws, so a reader that went away (a pipe into
     * {@code head}) is noticed by asking both now and then (picocli's writer wraps System.out without
     * seeing its errors), and generation stops there instead of running to the end for nobody.
     */
    private WorkloadCounts writeToStandardOutput(WorkloadGenerator generator) {
        PrintWriter out = spec.commandLine().getOut();
        WorkloadLines lines = generator.iterator();
        long written = 0;
        while (lines.hasNext()) {
            out.write(lines.next());
            out.write('\n');
            if (++written % CLOSED_OUTPUT_CHECK_EVERY == 0 && isClosed(out)) {
                throw new UserFacingException("standard output was closed after " + written + " lines; stopped generating");
            }
        }
        if (isClosed(out)) {
            throw new UserFacingException("could not write every line to standard output (was it closed?)");
        }
        return lines.counts();
    }

    private static boolean isClosed(PrintWriter out) {
        return out.checkError() || System.out.checkError();
    }

    private String summary(WorkloadSpec workload, WorkloadCounts counts) {
        long failed = counts.events("sync.failed");
        long collects = counts.events("collect.status_changed") / 3;
        return "generated " + counts.lines() + " lines: " + workload.runs() + " runs (" + failed + " failed) of "
                + workload.workspaces() + " workspaces x " + workload.connectorsPerWorkspace() + " connectors from "
                + workload.start() + " to " + workload.end() + ", " + counts.events("diagnostic.emitted") + " diagnostics, "
                + counts.events("document.linked") + " document links, " + collects + " collects, "
                + counts.duplicates() + " duplicates, " + counts.reordered() + " runs or collects out of order (seed "
                + workload.seed() + ")" + (toStandardOutput() ? "" : " to " + output);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        return e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
    }

    /** Reads --start: 2026-06-02T08:00:00Z, or with an offset, 2026-06-02T10:00:00+02:00. */
    public static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return OffsetDateTime.parse(value.trim()).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 instant such as 2026-06-02T08:00:00Z");
            }
        }
    }
}
