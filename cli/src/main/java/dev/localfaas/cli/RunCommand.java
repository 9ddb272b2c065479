package dev.localfaas.cli;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.function.FunctionCatalog;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.gateway.FunctionsWatcher;
import dev.localfaas.runtime.gateway.Gateway;
import dev.localfaas.runtime.gateway.GatewayConfig;
import dev.localfaas.runtime.gateway.GatewayException;
import dev.localfaas.runtime.gateway.AdminResponse;
import dev.localfaas.runtime.gateway.policy.LocalKey;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.localfaas.runtime.trigger.schedule.ScheduleTable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import dev.localfaas.runtime.config.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code faas run}: serves a folder of function JARs on the gateway until Ctrl-C, printing every invocation's log,
 * and reloading when a JAR changes.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Serve the functions in DIR: HTTP routes as API Gateway would, the Lambda Invoke API, "
                + "schedules and queues. Every invocation's log is printed, prefixed with the function's name.",
            "Ctrl-C stops accepting requests, lets running ones finish and exits 0."},
        footer = {"", "Examples:", "  faas run sample-functions/target/functions",
            "  cd sample-functions && faas run            (serves template.yaml)",
            "  faas run -t template.yaml --parameter-overrides Stage=dev",
            "  faas run ./functions --port 0 --keep-warm 30s",
            "  curl http://127.0.0.1:3000/users/42",
            "  aws lambda invoke --endpoint-url http://127.0.0.1:3000 --function-name hello out.json"})
final class RunCommand implements Callable<Integer> {

    /** How long the JAR folder must be still before a reload: long enough for a copy or a Maven build to finish. */
    static final Duration RELOAD_QUIET = Duration.ofMillis(300);

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "Folder holding the function JARs (default: the template.yaml or serverless.yml in this"
                    + " folder, else ./functions).")
    Path dir;

    @Mixin
    ProjectSource project;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = GatewayConfig.DEFAULT_HOST,
            description = "Interface to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "3000",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--no-watch", description = "Do not reload when JARs in DIR change.")
    boolean noWatch;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where state lives (default: DIR/.faas).")
    Path stateDir;

    @Option(names = "--keep-warm", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long an idle execution environment stays warm, e.g. 30s or 10m (default: 10m).")
    Duration keepWarm;

    @Mixin
    AccessOptions access;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** What ends the command; tests replace it. */
    StopSignal stop;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65_535) {
            throw CliException.usage("--port " + port + " is not a TCP port; use 1 to 65535, or 0 for a free one");
        }
        Optional<Path> templateFile = project.file(dir != null);
        Project template = templateFile.map(f -> ProjectSource.load(f, project.options(endpoint()), err)).orElse(null);
        if (template != null) {
            dir = template.directory();
            noWatch = true; // the watcher follows a folder of JARs; a template's modules are rebuilt elsewhere
        } else if (dir == null) {
            dir = Path.of("functions");
        }
        if (!Files.isDirectory(dir)) {
            throw CliException.noSuchDirectory(dir, "pass");
        }
        InvocationLog log = new InvocationLog(out);
        RuntimeConfig config = RuntimeConfig.forDirectory(dir).withSnapshotJars(!noWatch).withLogSink(log::line);
        config = stateDir == null ? config : config.withStateDir(stateDir);
        config = keepWarm == null ? config : config.withKeepWarm(keepWarm);
        StopSignal signal = stop != null ? stop : StopSignal.fromProcessSignals();
        try (LocalFaas faas = template == null ? LocalFaas.open(config) : LocalFaas.open(config,
                UnaryOperator.identity(), template::catalog);
             UsageRecording usage = UsageRecording.open(faas, config, line -> err.println("faas: warning: " + line));
             ServedTriggers triggers = ServedTriggers.open(faas, config, line -> err.println("faas: " + line))) {
            log.widen(faas.functions());
            Gateway gateway = Gateway.create(GatewayConfig.defaults().withHost(host).withPort(port)
                    .withAccount(config.region(), config.accountId()), faas);
            gateway.onNotice(line -> err.println("faas: " + line)).functionStats(faas::stats);
            faas.addListener(gateway.invocationListener());
            triggers.mount(gateway);
            gateway.accessPolicies(access.policies(template, line -> err.println("faas: warning: " + line)));
            gateway.mount("/_faas/jwks.json", request -> Files.isRegularFile(access.keyFile())
                    ? AdminResponse.text("application/json", LocalKey.loadOrCreate(access.keyFile()).publicKeys().toString())
                    : AdminResponse.notFound("no local token key yet; faas token creates it"));
            if (template != null) {
                template.model().queues().forEach(q -> triggers.declareQueue(q.name(), q.deadLetterQueue()));
            }
            try {
                gateway.start();
            } catch (GatewayException e) {
                throw CliException.usage(e.getMessage());
            }
            faas.announceEndpoint(gateway.url());
            out.println("localfaas " + Version.get() + " serving " + (template == null ? dir
                    : templateFile.get() + " (" + template.model().format().label() + ")"));
            out.println();
            if (template != null) {
                TemplateNotes.print(out, err, template.model());
            }
            ServeTable.print(out, faas.catalog(), gateway.routes(), gateway.url());
            printSchedules(out, triggers);
            if (template != null) {
                TemplateNotes.printOutputs(out, template.model());
            }
            triggers.start(faas.functions());
            FunctionsWatcher watcher = noWatch ? null : FunctionsWatcher.start(dir, RELOAD_QUIET,
                    () -> reload(faas, gateway, triggers, log, out, err), line -> err.println("faas: " + line));
            out.println();
            out.println("Ready on " + gateway.url() + (noWatch ? "" : ", watching " + dir + " for changed JARs")
                    + " (Ctrl-C to stop)");
            out.flush();
            try {
                signal.await();
            } finally {
                out.println("Stopping: waiting for requests in flight...");
                out.flush();
                if (watcher != null) {
                    watcher.close();
                }
                gateway.stop();
                triggers.close();
                out.println();
                out.print(triggers.costSummary("faas report --dir " + dir
                        + (stateDir == null ? "" : " --state-dir " + stateDir)));
            }
        } finally {
            out.println("Stopped.");
            out.flush();
            signal.stopped();
        }
        return ExitCodes.OK;
    }

    /** The gateway's address as functions and queue URLs name it (port 0 is only known once it listens). */
    private String endpoint() {
        return "http://" + host + ":" + port;
    }

    private static void printSchedules(PrintWriter out, ServedTriggers triggers) {
        if (!triggers.schedules().isEmpty()) {
            out.println();
            ScheduleTable.render(triggers.schedules(), ZoneId.systemDefault()).forEach(out::println);
        }
    }

    private void reload(LocalFaas faas, Gateway gateway, ServedTriggers triggers, InvocationLog log, PrintWriter out,
                        PrintWriter err) {
        FunctionCatalog catalog = faas.reload();
        log.widen(catalog.functions());
        triggers.reload(catalog.functions()).forEach(problem -> err.println("faas: " + problem));
        try {
            gateway.refreshRoutes();
        } catch (GatewayException e) {
            err.println("faas: the new routes were refused, the previous ones stay in service: " + e.getMessage());
        }
        out.println("Reloaded " + dir + ": " + catalog.functions().size() + " function"
                + (catalog.functions().size() == 1 ? "" : "s") + " ("
                + String.join(", ", catalog.functions().stream().map(FunctionSpec::name).toList()) + ")");
        ServeTable.printProblems(out, catalog.problems());
        out.flush();
    }
}
