package dev.truss.bootstrap.cli;

import java.io.PrintWriter;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The root of the command line. A command that fails on bad input or an unreachable service
 * prints one line saying what went wrong and exits non-zero; no stack trace reaches a user.
 */
@Command(name = "truss", mixinStandardHelpOptions = true, version = "truss 0.1.0",
        description = "Finds the best moments of your videos and streams, and turns them into vertical clips.",
        subcommands = {ServeCommand.class, ClipCommand.class, SampleVideoCommand.class, DynamoDbCommand.class, CommandLine.HelpCommand.class})
public final class TrussCommand {

    public static int run(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** The command line writing to {@code out} and {@code err}, for tests and embedding. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, System::getenv);
    }

    /** As above, with the secrets ({@code TRUSS_GEMINI_KEY} and the like) read from {@code environment}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, UnaryOperator<String> environment) {
        CommandLine commandLine = new CommandLine(new TrussCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        ((ServeCommand) commandLine.getSubcommands().get("serve").getCommand()).environment = environment;
        ((ClipCommand) commandLine.getSubcommands().get("clip").getCommand()).environment = environment;
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            line.getErr().println("truss: " + exception.getMessage());
            return 1;
        });
        return commandLine;
    }
}
