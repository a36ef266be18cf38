package dev.syncledger.app;

import dev.syncledger.app.api.ServeCommand;
import dev.syncledger.app.api.TokenCommand;
import dev.syncledger.app.cli.CliEnvironment;
import dev.syncledger.app.cli.EnvironmentDefaults;
import dev.syncledger.app.cli.UserFacingException;
import dev.syncledger.app.broker.EmbeddedKafkaBroker;
import dev.syncledger.app.observability.HttpEndpointException;
import dev.syncledger.app.pipeline.PipelineException;
import dev.syncledger.app.generate.GenerateCommand;
import dev.syncledger.app.migrate.MigrateCommand;
import dev.syncledger.app.publish.PublishCommand;
import dev.syncledger.app.config.ConfigFile;
import dev.syncledger.app.config.SchemaRegistryOptions;
import dev.syncledger.app.demo.DemoCommand;
import dev.syncledger.app.replay.ReplayCommand;
import dev.syncledger.app.run.RunCommand;
import java.io.PrintWriter;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/** The one sync-ledger command line. Exit codes: 0 done, 1 runtime failure, 2 usage error. */
@Command(
        name = "sync-ledger",
        mixinStandardHelpOptions = true,
        version = "sync-ledger 0.1.0",
        description = "Folds connector sync lifecycle events from Kafka into current-state rows in PostgreSQL.",
        subcommands = {DemoCommand.class, RunCommand.class, PublishCommand.class, GenerateCommand.class, ReplayCommand.class, ServeCommand.class,
                TokenCommand.class, MigrateCommand.class, CommandLine.HelpCommand.class})
public final class SyncLedgerCli {

    public static final int EXIT_RUNTIME_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), CliEnvironment.system(), args);
    }

    /** As {@link #run(String...)}, printing to the given writers instead of standard output and error. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, CliEnvironment.system(), args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, with the given environment variables and stop request. */
    public static int run(PrintWriter out, PrintWriter err, CliEnvironment environment, String... args) {
        CommandLine commandLine;
        try {
            commandLine = create(environment, args);
        } catch (ConfigFile.InvalidConfigException e) {
            err.println("sync-ledger: " + e.getMessage());
            err.flush();
            return EXIT_USAGE;
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    /**
     * The command line with its defaults layered: environment, then the {@code --config} file found among
     * {@code args}, then each option's own default.
     *
     * @throws ConfigFile.InvalidConfigException when the configuration file is missing or names an unknown setting
     */
    public static CommandLine create(CliEnvironment environment, String... args) {
        CommandLine commandLine = new CommandLine(new SyncLedgerCli(), new Factory(environment));
        ConfigFile file = ConfigFile.locate(args, environment.variables())
                .map(path -> ConfigFile.load(path, settingNames(commandLine)))
                .orElse(ConfigFile.none());
        commandLine.setDefaultValueProvider(new EnvironmentDefaults(environment.variables(), file));
        commandLine.setParameterExceptionHandler(SyncLedgerCli::usageError);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> runtimeFailure(e, cmd, verbose(parsed)));
        return commandLine;
    }

    /** Every long option of every command, without its dashes: the keys a configuration file may hold. */
    public static Set<String> settingNames(CommandLine commandLine) {
        Set<String> names = new TreeSet<>();
        collectSettingNames(commandLine, names);
        return names;
    }

    private static void collectSettingNames(CommandLine commandLine, Set<String> names) {
        for (OptionSpec option : commandLine.getCommandSpec().options()) {
            if (option.longestName().startsWith("--") && !option.usageHelp() && !option.versionHelp()) {
                names.add(ConfigFile.keyOf(option.longestName()));
            }
        }
        commandLine.getSubcommands().values().forEach(sub -> collectSettingNames(sub, names));
    }

    private static int usageError(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("sync-ledger: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
        return EXIT_USAGE;
    }

    private static int runtimeFailure(Exception e, CommandLine cmd, boolean verbose) {
        PrintWriter err = cmd.getErr();
        boolean explained = saysWhatToDo(e);
        err.println("sync-ledger: " + (explained ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage()));
        if (verbose) {
            e.printStackTrace(err);
        } else if (!explained) {
            err.println("sync-ledger: run again with --verbose for the stack trace");
        }
        err.flush();
        return EXIT_RUNTIME_FAILURE;
    }

    /** The failures whose message is already the one line a person can act on: the components' own, and the commands'. */
    private static boolean saysWhatToDo(Exception e) {
        return e instanceof UserFacingException || e instanceof HttpEndpointException || e instanceof PipelineException
                || e instanceof EmbeddedKafkaBroker.StartException;
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        if (leaf.hasMatchedOption("--verbose")) {
            return true;
        }
        OptionSpec option = leaf.commandSpec().findOption("--verbose");
        return option != null && Boolean.TRUE.equals(option.getValue());
    }

    /** Hands each command what it takes from the process, so a test can give its own. */
    private record Factory(CliEnvironment environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == RunCommand.class) {
                return type.cast(new RunCommand(environment.shutdown(), environment.variables()));
            }
            if (type == ServeCommand.class) {
                return type.cast(new ServeCommand(environment.shutdown(), environment.variables()));
            }
            if (type == TokenCommand.class) {
                return type.cast(new TokenCommand(environment.variables()));
            }
            if (type == SchemaRegistryOptions.class) {
                return type.cast(new SchemaRegistryOptions(environment.variables()));
            }
            if (type == DemoCommand.class) {
                return type.cast(new DemoCommand(environment.shutdown()));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
