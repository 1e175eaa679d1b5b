package io.kdbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** The {@code kdbench} command line. */
@Command(name = "kdbench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Benchmark and reproducibility harness for knowledge distillation in medical imaging.",
        subcommands = {ListCommand.class, RunCommand.class, ReportCommand.class, CompareCommand.class, ClaimsCommand.class,
                VerifyCommand.class, MetricsCommand.class, DatasetsCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Log progress details and DL4J / ND4J messages.")
    void setVerbose(boolean verbose) {
        Logging.configure(verbose);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A bare {@code kdbench} did nothing it was asked: usage on stderr, and exit 2 so a script notices. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ErrorHandler.BAD_INPUT;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code: 0 done, 1 unexpected error, 2 bad input. */
    public static int execute(String... args) {
        Logging.configure(false);
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new ErrorHandler())
                .setParameterExceptionHandler(Main::usageError)
                .execute(args);
    }

    /** A mistyped command line: one line saying what is wrong and where the help is, exit 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String verb = unknownVerb(e);
        if (verb != null) {
            cmd.getErr().println("kdbench: unknown verb '" + verb + "'; valid verbs: "
                    + String.join(", ", cmd.getSubcommands().keySet()) + " (see: kdbench --help)");
            return ErrorHandler.BAD_INPUT;
        }
        cmd.getErr().println("kdbench: " + e.getMessage() + " (see: " + cmd.getCommandSpec().qualifiedName() + " --help)");
        return ErrorHandler.BAD_INPUT;
    }

    /** The first word when it is neither a verb nor an option of {@code kdbench} itself; else null. */
    private static String unknownVerb(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && e.getCommandLine().getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return u.getUnmatched().get(0);
        }
        return null;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"kdbench " + (v == null ? "dev" : v)};
        }
    }
}
