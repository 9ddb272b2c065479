package dev.localfaas.cli;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.function.FunctionCatalog;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.gateway.AccessPolicy;
import dev.localfaas.runtime.metering.LedgerRotation;
import dev.localfaas.runtime.function.FunctionsWatcher;
import dev.localfaas.runtime.gateway.Gateway;
import dev.localfaas.runtime.gateway.GatewayConfig;
import dev.localfaas.runtime.gateway.GatewayException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.localfaas.runtime.trigger.schedule.ScheduleTable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
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
            "  faas run ./functions --port 0 --keep-warm 30s",
            "  curl http://127.0.0.1:3000/users/42",
            "  aws lambda invoke --endpoint-url http://127.0.0.1:3000 --function-name hello out.json"})
final class RunCommand implements Callable<Integer> {

    /** How long the JAR folder must be still before a reload: long enough for a copy or a Maven build to finish. */
    static final Duration RELOAD_QUIET = Duration.ofMillis(300);

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "functions",
            description = "Folder holding the function JARs (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = GatewayConfig.DEFAULT_HOST,
            description = "Interface to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "3000",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--allowed-hosts", paramLabel = "NAME", split = ",",
            description = "Host names to answer to besides this address and localhost, e.g. a tunnel's name; "
                    + "* for any (turns off the DNS-rebinding check).")
    java.util.List<String> allowedHosts = new java.util.ArrayList<>();

    @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:" + AdminTokenOption.ENV + "}",
            description = "Token that /_faas/* and the Invoke API require when --host is not loopback "
                    + "(default: $" + AdminTokenOption.ENV + ", else one is generated and printed).")
    String adminToken;

    @Option(names = "--usage-retention", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long rotated usage segments (.faas/usage-*.jsonl) are kept, e.g. 30d (default: 90d).")
    Duration usageRetention;

    @Option(names = "--no-watch", description = "Do not reload when JARs in DIR change.")
    boolean noWatch;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where state lives (default: DIR/.faas).")
    Path stateDir;

    @Option(names = "--keep-warm", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long an idle execution environment stays warm, e.g. 30s or 10m (default: 10m).")
    Duration keepWarm;

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
        if (!Files.isDirectory(dir)) {
            throw CliException.noSuchDirectory(dir, "pass");
        }
        if (port < 0 || port > 65_535) {
            throw CliException.usage("--port " + port + " is not a TCP port; use 1 to 65535, or 0 for a free one");
        }
        if (usageRetention != null && (usageRetention.isZero() || usageRetention.isNegative())) {
            throw CliException.usage("--usage-retention must be longer than zero, like 30d");
        }
        InvocationLog log = new InvocationLog(out);
        RuntimeConfig config = RuntimeConfig.forDirectory(dir).withSnapshotJars(!noWatch).withLogSink(log::line);
        config = stateDir == null ? config : config.withStateDir(stateDir);
        config = keepWarm == null ? config : config.withKeepWarm(keepWarm);
        StopSignal signal = stop != null ? stop : StopSignal.fromProcessSignals();
        try (LocalFaas faas = LocalFaas.open(config);
             UsageRecording usage = UsageRecording.open(faas, config, usageRetention == null ? LedgerRotation.defaults()
                     : LedgerRotation.defaults().withRetention(usageRetention), line -> err.println("faas: warning: " + line));
             ServedTriggers triggers = ServedTriggers.open(faas, config, line -> err.println("faas: " + line))) {
            log.widen(faas.functions());
            AccessPolicy access = AccessPolicy.defaults().withAllowedHosts(allowedHosts)
                    .withAdminToken(adminToken == null || adminToken.isBlank() ? null : adminToken);
            Gateway gateway = Gateway.create(GatewayConfig.defaults().withHost(host).withPort(port)
                    .withAccount(config.region(), config.accountId()).withAccess(access), faas);
            gateway.onNotice(line -> err.println("faas: " + line)).functionStats(faas::stats);
            faas.addListener(gateway.invocationListener());
            triggers.mount(gateway);
            try {
                gateway.start();
            } catch (GatewayException e) {
                throw CliException.usage(e.getMessage());
            }
            faas.announceEndpoint(gateway.url());
            out.println("localfaas " + Version.get() + " serving " + dir);
            out.println();
            if (gateway.reachableFromNetwork()) {
                warnExposed(err, gateway);
            }
            ServeTable.print(out, faas.catalog(), gateway.routes(), gateway.url());
            printSchedules(out, triggers);
            triggers.start(faas.functions());
            FunctionsWatcher watcher;
            try {
                watcher = noWatch ? null : FunctionsWatcher.start(dir, RELOAD_QUIET,
                        () -> reload(faas, gateway, triggers, log, out, err), line -> err.println("faas: " + line));
            } catch (java.io.UncheckedIOException e) {
                gateway.stop();
                throw CliException.usage(e.getMessage());
            }
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

    /** Listening beyond loopback: say so, and how clients pass the token (never silently open to a network). */
    private void warnExposed(PrintWriter err, Gateway gateway) {
        String token = gateway.adminToken().orElseThrow();
        err.println("faas: warning: listening on " + host + ", reachable from other machines; /_faas/* and the Invoke"
                + " API require the admin token");
        err.println("faas: admin token: " + (adminToken == null || adminToken.isBlank() ? token + " (generated; pass"
                + " --admin-token or set " + AdminTokenOption.ENV + " to keep one)" : "as given"));
        err.println("faas: clients send it as 'X-Faas-Token: TOKEN' (faas invoke/send/queues --admin-token TOKEN,"
                + " or " + AdminTokenOption.ENV + "=TOKEN; AWS SDKs: AWS_ACCESS_KEY_ID=TOKEN)");
        err.flush();
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
