package dev.localfaas.runtime.isolation.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one runtime process.
 *
 * @param command     the program and its arguments
 * @param workDir     its working directory (the task root, as on Lambda)
 * @param environment its whole environment (nothing of the emulator's own is inherited unless put here)
 * @param folder      the environment's own folder (its {@code /tmp} is inside): deleted when the process ends
 * @param framedLog   whether the runtime writes its log records as frames on the descriptor
 *                    {@code _LAMBDA_TELEMETRY_LOG_FD} names, as AWS's Java runtime interface client does on Lambda
 */
public record LaunchPlan(List<String> command, Path workDir, Map<String, String> environment, Path folder,
                         boolean framedLog) {

    public LaunchPlan {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** A plan for a runtime that logs on stdout and stderr only. */
    public LaunchPlan(List<String> command, Path workDir, Map<String, String> environment, Path folder) {
        this(command, workDir, environment, folder, false);
    }
}
