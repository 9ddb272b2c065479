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
 */
public record LaunchPlan(List<String> command, Path workDir, Map<String, String> environment, Path folder) {

    public LaunchPlan {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
