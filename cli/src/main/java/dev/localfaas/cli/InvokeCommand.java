package dev.localfaas.cli;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.execution.UnknownFunctionException;
import dev.localfaas.runtime.function.DiscoveryProblem;
import dev.localfaas.runtime.function.FunctionSpec;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code faas invoke}: one invocation, in this process (or through a running gateway with {@code --url}). */
@Command(name = "invoke",
        description = {"Invoke one function once: the response on stdout, the Lambda log on stderr.",
            "Exit code 0 on success, 1 on a function error or timeout, 2 on a usage error."},
        mixinStandardHelpOptions = true)
final class InvokeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "The function's name (see faas list).")
    String function;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR",
            description = "Folder holding the function JARs (default: the template.yaml or serverless.yml in this"
                    + " folder, else ./functions).")
    Path dir;

    @picocli.CommandLine.Mixin
    ProjectSource project;

    @Option(names = {"-e", "--event"}, paramLabel = "FILE",
            description = "Event JSON file, or - for standard input (default: {}).")
    String event;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Override the function's timeout.")
    Integer timeoutSeconds;

    @Option(names = "--memory", paramLabel = "MB", description = "Override the function's memory size.")
    Integer memoryMb;

    @Option(names = "--isolation", paramLabel = "MODE",
            description = "How the function's environment is isolated: classloader (default; in this JVM) or process"
                    + " (a child JVM on AWS's runtime interface client: real Max Memory Used, System.exit and"
                    + " out-of-memory end only it). Overrides the template's choice. See docs/isolation.md.")
    List<String> isolation;

    @Option(names = "--url", paramLabel = "URL",
            description = "Invoke through a running gateway's Invoke API instead, e.g. http://127.0.0.1:3000.")
    URI url;

    @Mixin
    AdminTokenOption admin;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where usage is recorded (default: DIR/.faas).")
    Path stateDir;

    @Option(names = "--aws-endpoint", paramLabel = "URL", defaultValue = "http://127.0.0.1:3000",
            description = "Where the function's AWS SDK calls go (AWS_ENDPOINT_URL): a running faas run gateway "
                    + "(default: ${DEFAULT-VALUE}).")
    URI awsEndpoint;

    /** What {@code --isolation} chose. */
    private IsolationChoice isolations = IsolationChoice.NONE;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        validateLimits();
        isolations = IsolationChoice.parse(isolation);
        if (url != null && isolation != null && !isolation.isEmpty()) {
            throw CliException.usage("--isolation does not apply with --url: the running gateway isolates its functions"
                    + " as it was started; restart it with faas run --isolation, or drop --url");
        }
        byte[] payload = EventInput.read(event, System.in);
        if (url != null) {
            return RemoteInvoke.invoke(url, admin.token, function, payload, out, err);
        }
        java.util.Optional<Path> templateFile = project.file(dir != null);
        dev.localfaas.runtime.config.Project template = templateFile
                .map(f -> ProjectSource.load(f, project.options("http://127.0.0.1:3000"), err)).orElse(null);
        dir = template != null ? template.directory() : dir != null ? dir : Path.of("functions");
        if (!Files.isDirectory(dir)) {
            throw CliException.noSuchDirectory(dir, "pass --dir with");
        }
        java.util.concurrent.atomic.AtomicBoolean refused = new java.util.concurrent.atomic.AtomicBoolean();
        RuntimeConfig config = RuntimeConfig.forDirectory(dir)
                .withLogSink((fn, line) -> {
                    refused.compareAndSet(false, MissingGateway.mentionsRefusal(line));
                    err.println(line);
                });
        if (stateDir != null) {
            config = config.withStateDir(stateDir);
        }
        // only the packages that could hold this function are scanned: most of a cold start's discovery time saved
        try (LocalFaas faas = template != null ? LocalFaas.open(config, this::override, template::catalog)
                : LocalFaas.openFunction(config, function, this::override)) {
            FunctionSpec target = faas.function(function).orElseThrow(() -> unknown(faas));
            PackageAdvice.print(err, java.util.List.of(target));
            if (!"java.io.InputStream".equals(target.inputType())) {
                EventInput.requireJson(event, payload);
            }
            faas.announceAwsEndpoint(awsEndpoint.toString());
            try (UsageRecording usage = UsageRecording.open(faas, config)) {
                InvocationResult result = faas.invoke(function, Invocation.of(payload, Trigger.CLI));
                faas.flush(); // the log lines reach stderr on the engine's writer thread: all of them before the answer
                String answer = new String(result.payload(), java.nio.charset.StandardCharsets.UTF_8);
                if ((refused.get() || MissingGateway.mentionsRefusal(answer)) && !MissingGateway.listening(awsEndpoint)) {
                    err.println(MissingGateway.message(function, awsEndpoint));
                }
                err.flush();
                out.println(answer);
                out.flush();
                return result.outcome() == Outcome.OK ? ExitCodes.OK : ExitCodes.FUNCTION_ERROR;
            }
        } catch (UnknownFunctionException e) {
            throw CliException.usage("no function named '" + e.function() + "'");
        }
    }

    private void validateLimits() {
        if (timeoutSeconds != null && (timeoutSeconds < 1 || timeoutSeconds > 900)) {
            throw CliException.usage("--timeout " + timeoutSeconds + " is out of range; Lambda allows 1 to 900 seconds");
        }
        if (memoryMb != null && (memoryMb < 128 || memoryMb > 10240)) {
            throw CliException.usage("--memory " + memoryMb + " is out of range; Lambda allows 128 to 10240 MB");
        }
    }

    private FunctionSpec override(FunctionSpec s) {
        if (!s.name().equals(function)) {
            return s;
        }
        s = isolations.apply(s);
        if (timeoutSeconds == null && memoryMb == null) {
            return s;
        }
        return s.withLimits(memoryMb != null ? memoryMb : s.memoryMb(),
                timeoutSeconds != null ? timeoutSeconds : s.timeoutSeconds());
    }

    private CliException unknown(LocalFaas faas) {
        String known = faas.functions().stream().map(FunctionSpec::name).collect(Collectors.joining(", "));
        String problems = faas.catalog().problems().stream().map(DiscoveryProblem::message)
                .collect(Collectors.joining("; "));
        return CliException.usage("no function named '" + function + "' in " + dir
                + (known.isEmpty() ? "; it holds no functions" : "; known functions: " + known)
                + (problems.isEmpty() ? "" : " (problems: " + problems + ")"));
    }
}
