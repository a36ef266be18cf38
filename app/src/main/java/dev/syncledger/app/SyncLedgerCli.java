package dev.syncledger.app;

import dev.syncledger.app.cli.EnvironmentDefaults;
import dev.syncledger.app.cli.UserFacingException;
import dev.syncledger.app.generate.GenerateCommand;
import dev.syncledger.app.replay.ReplayCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/** The one sync-ledger command line. Exit codes: 0 done, 1 runtime failure, 2 usage error. */
@Command(
        name = "sync-ledger",
        mixinStandardHelpOptions = true,
        version = "sync-ledger 0.1.0",
        description = "Folds connector sync lifecycle events from Kafka into current-state rows in PostgreSQL.",
        subcommands = {ReplayCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class})
public final class SyncLedgerCli {

    public static final int EXIT_RUNTIME_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return create().execute(args);
    }

    /** As {@link #run(String...)}, printing to the given writers instead of standard output and error. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = create();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    public static CommandLine create() {
        CommandLine commandLine = new CommandLine(new SyncLedgerCli());
        commandLine.setDefaultValueProvider(new EnvironmentDefaults());
        commandLine.setParameterExceptionHandler(SyncLedgerCli::usageError);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> runtimeFailure(e, cmd, verbose(parsed)));
        return commandLine;
    }

    private static int usageError(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("sync-ledger: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
        return EXIT_USAGE;
    }

    private static int runtimeFailure(Exception e, CommandLine cmd, boolean verbose) {
        PrintWriter err = cmd.getErr();
        String message = e instanceof UserFacingException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        err.println("sync-ledger: " + message);
        if (verbose) {
            e.printStackTrace(err);
        } else if (!(e instanceof UserFacingException)) {
            err.println("sync-ledger: run again with --verbose for the stack trace");
        }
        err.flush();
        return EXIT_RUNTIME_FAILURE;
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        return leaf.hasMatchedOption("--verbose");
    }
}
