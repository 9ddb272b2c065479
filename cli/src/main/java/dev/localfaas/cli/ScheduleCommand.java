package dev.localfaas.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code faas schedule ...}: schedule expressions, for learning and checking them. */
@Command(name = "schedule",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Learn and check EventBridge schedule expressions (UTC).",
        subcommands = {ScheduleNextCommand.class})
public final class ScheduleCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: next");
    }
}
