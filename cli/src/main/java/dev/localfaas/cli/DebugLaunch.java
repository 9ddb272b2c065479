package dev.localfaas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --debug[=PORT]}: a debugger can only attach to a JVM that loaded the JDWP agent at its start, so this faas
 * starts itself again, with the agent listening on PORT and the same arguments without {@code --debug}, passes its
 * terminal on, and ends with the child's exit code. Stopping this process (Ctrl-C, SIGTERM) stops the child the same
 * way and waits for it to drain.
 */
final class DebugLaunch {

    private DebugLaunch() {
    }

    static int relaunch(int port, List<String> originalArgs, PrintWriter err) throws IOException, InterruptedException {
        if (port < 1 || port > 65_535) {
            throw CliException.usage("--debug " + port + " is not a TCP port; use 1 to 65535 (default 5005)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-agentlib:jdwp") && !option.startsWith("-Xrunjdwp")) {
                command.add(option);
            }
        }
        command.add("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:" + port);
        String classpath = System.getProperty("java.class.path");
        if (classpath.endsWith(".jar") && !classpath.contains(java.io.File.pathSeparator) && Files.isRegularFile(Path.of(classpath))) {
            command.addAll(List.of("-jar", classpath)); // -jar keeps the manifest's Add-Opens
        } else {
            command.addAll(List.of("-cp", classpath, Main.class.getName()));
        }
        command.addAll(withoutDebug(originalArgs));
        err.println("faas: debugging on 127.0.0.1:" + port + " (JDWP): attach your IDE there, e.g. IntelliJ "
                + "Run > Edit Configurations > Remote JVM Debug, or VS Code's \"attach\" launch with port " + port
                + " (docs/debugging.md); breakpoints in handler code work");
        err.flush();
        StopSignal signal = StopSignal.fromProcessSignals();
        Process child = new ProcessBuilder(command).inheritIO().start();
        Thread forward = new Thread(() -> {
            try {
                signal.await();
                child.destroy(); // SIGTERM: the child drains and stops as faas run does
            } catch (InterruptedException e) {
                // the child ended first
            }
        }, "faas-debug-stop");
        forward.setDaemon(true);
        forward.start();
        try {
            return child.waitFor();
        } finally {
            forward.interrupt();
            signal.stopped();
        }
    }

    /** The arguments without {@code --debug}, {@code --debug=N} or {@code --debug N}. */
    static List<String> withoutDebug(List<String> args) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--debug=")) {
                continue;
            }
            if (arg.equals("--debug")) {
                if (i + 1 < args.size() && args.get(i + 1).matches("\\d+")) {
                    i++;
                }
                continue;
            }
            kept.add(arg);
        }
        return kept;
    }
}
