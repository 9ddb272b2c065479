package dev.localfaas.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds the picocli command line and runs it: arguments in, exit code out. */
@Command(name = "faas",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Run AWS Lambda handler JARs locally: an API gateway, schedules, queues, and what it would cost.",
        subcommands = {
            ListCommand.class,
            RunCommand.class,
            ValidateCommand.class,
            InvokeCommand.class,
            ReportCommand.class,
            ScheduleCommand.class,
            SendCommand.class,
            QueuesCommand.class,
            NewCommand.class,
            DevCommand.class,
            EventCommand.class,
            CompletionCommand.class,
            PublishCommand.class,
            TopicsCommand.class,
            EventsCommand.class,
            RulesCommand.class,
            TokenCommand.class,
            KeysCommand.class,
            VersionsCommand.class,
            AliasCommand.class,
            DeploymentsCommand.class,
            LogsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Faas implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (run, invoke, list, report, ...)");
    }

    /** The {@code faas} command line, writing to the given streams. */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Faas());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("faas: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            boolean trace = Arrays.asList(parsed.originalArgs().toArray(new String[0])).contains("--stacktrace");
            if (ex instanceof CliException ce) {
                c.getErr().println("faas: " + ce.getMessage());
                if (trace) {
                    ex.printStackTrace(c.getErr());
                }
                return ce.exitCode();
            }
            c.getErr().println("faas: internal error: " + ex + (trace ? "" : " (run with --stacktrace for details)"));
            if (trace) {
                ex.printStackTrace(c.getErr());
            }
            return ExitCodes.INTERNAL;
        });
        return cli;
    }

    /** Runs {@code faas} with these arguments; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return commandLine(out, err).execute(args);
    }
}
