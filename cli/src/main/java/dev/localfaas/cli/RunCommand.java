package dev.localfaas.cli;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.awsapi.AwsApis;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.function.FunctionCatalog;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.gateway.AccessPolicy;
import dev.localfaas.runtime.observe.Dashboard;
import dev.localfaas.runtime.observe.LiveFeed;
import dev.localfaas.runtime.metering.LedgerRotation;
import dev.localfaas.runtime.function.FunctionsWatcher;
import dev.localfaas.runtime.gateway.Gateway;
import dev.localfaas.runtime.gateway.GatewayConfig;
import dev.localfaas.runtime.gateway.GatewayException;
import dev.localfaas.runtime.gateway.AdminResponse;
import dev.localfaas.runtime.gateway.policy.AccessPolicies;
import dev.localfaas.runtime.gateway.policy.LocalKey;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.localfaas.runtime.trigger.queue.kafka.BrokerAddress;
import dev.localfaas.runtime.trigger.schedule.ScheduleTable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
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
            "  faas run ./functions --upstream '/orders/*=http://127.0.0.1:8081,http://127.0.0.1:8082'",
            "  curl http://127.0.0.1:3000/users/42",
            "  aws lambda invoke --endpoint-url http://127.0.0.1:3000 --function-name hello out.json"})
final class RunCommand implements Callable<Integer> {

    /** How long the JAR folder must be still before a reload: long enough for a copy or a Maven build to finish. */
    static final Duration RELOAD_QUIET = Duration.ofMillis(300);
    /** How often the dashboard stream sends an update, at most (and only while something changed). */
    static final Duration LIVE_PERIOD = Duration.ofMillis(500);

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

    @Option(names = "--debug", arity = "0..1", paramLabel = "PORT", fallbackValue = "5005",
            description = "Start with a debugger port (JDWP) an IDE attaches to, for breakpoints in handler code "
                    + "(default port: 5005).")
    Integer debugPort;

    @Option(names = "--payload-format", paramLabel = "[NAME=]VERSION",
            description = "API Gateway payload format on HTTP routes: 1.0 (REST API) or 2.0 (HTTP API), for every"
                    + " function or, as NAME=1.0, for one (repeatable). Overrides @HttpTrigger and the inference"
                    + " (see docs/gateway.md).")
    List<String> payloadFormats;

    @Option(names = "--isolation", paramLabel = "[NAME=]MODE",
            description = "How Java functions' environments are isolated: classloader (default; in this JVM) or process"
                    + " (a child JVM on AWS's runtime interface client), for every function or, as NAME=process, for one"
                    + " (repeatable). See docs/isolation.md.")
    List<String> isolation;

    @Option(names = "--subscribe", paramLabel = "TOPIC=TARGET",
            description = "Subscribe a queue or function to a topic, e.g. orders=queue:audit, orders=queue:audit:raw"
                    + " (raw message delivery) or orders=function:notify (repeatable).")
    java.util.List<String> subscribe = new java.util.ArrayList<>();

    @Option(names = "--retry-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wait before each of the two retries of a failed asynchronous delivery (topics, event rules,"
                    + " buckets), e.g. 2s (default: Lambda's 1 minute, then 2 minutes).")
    Duration retryDelay;

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "Kafka brokers (bootstrap servers, comma-separated) of Kafka triggers that name none: MSK"
                    + " events, and @KafkaTrigger without bootstrapServers (see docs/kafka.md).")
    String kafka = "";

    @Option(names = "--broker", paramLabel = "kafka://HOST:PORT",
            description = "Keep the embedded queues on a Kafka cluster instead of SQLite, e.g. kafka://localhost:9092"
                    + " (add ?partitions=N for new queue topics; default 6): several faas run processes with the same"
                    + " broker and template share each queue's work (see docs/kafka.md).")
    String broker;

    @Option(names = "--deploy-speed", paramLabel = "N", defaultValue = "1",
            description = "Run DeploymentPreference schedules N times faster, e.g. 30 turns a 5-minute canary into 10 s"
                    + " (default: ${DEFAULT-VALUE}).")
    double deploySpeed = 1; // faas dev builds this command without parsing: the default must hold here too

    @Option(names = "--upstream", paramLabel = "ROUTE=URL[,URL...]",
            description = "Put an HTTP service behind the gateway, load-balanced and health-checked (repeatable), e.g."
                    + " '/orders/*=http://127.0.0.1:8081,http://127.0.0.1:8082' or"
                    + " '/orders/*=http://127.0.0.1:8081;weight=9,http://127.0.0.1:8082;weight=1,health=/actuator/health'"
                    + " (see docs/upstreams.md).")
    List<String> upstreams = new java.util.ArrayList<>();

    @Mixin
    AccessOptions access;

    @Mixin
    ConsoleOptions console;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** What ends the command; tests replace it. */
    StopSignal stop;

    /** Given the reload entry point once the gateway serves; {@code faas dev} reloads through it after a recompile. */
    java.util.function.Consumer<Runnable> onReady;

    @Override
    public Integer call() throws InterruptedException, java.io.IOException {
        if (debugPort != null) {
            return DebugLaunch.relaunch(debugPort, spec.root().commandLine().getParseResult().originalArgs(),
                    spec.commandLine().getErr());
        }
        ConsoleOptions consoleOptions = console != null ? console : new ConsoleOptions(); // faas dev: not parsed
        consoleOptions.validate();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = consoleOptions.json() ? err : stdout; // with --log-format json stdout holds JSON lines only
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
        if (usageRetention != null && (usageRetention.isZero() || usageRetention.isNegative())) {
            throw CliException.usage("--usage-retention must be longer than zero, like 30d");
        }
        BrokerAddress queueBroker = brokerAddress();
        EventOptions events = EventOptions.parse(retryDelay, subscribe)
                .with(template == null ? null : template.events());
        ConsoleLog log = consoleOptions.console(stdout, System.console() != null, System.getenv());
        java.util.Map<String, dev.localfaas.runtime.config.FunctionLogging> declaredLogging = new java.util.HashMap<>();
        if (template != null) {
            template.model().functions().forEach(f -> declaredLogging.put(f.name(), f.logging()));
        }
        log.settingsBy(f -> consoleOptions.settings(f, declaredLogging.get(f.name())));
        RuntimeConfig config = RuntimeConfig.forDirectory(dir)
                .withSnapshotJars(!noWatch || onReady != null || TrafficSetup.autoPublishes(template))
                .withLogSink(log);
        config = stateDir == null ? config : config.withStateDir(stateDir);
        config = keepWarm == null ? config : config.withKeepWarm(keepWarm);
        StopSignal signal = stop != null ? stop : StopSignal.fromProcessSignals();
        RuntimeConfig runtime = config;
        PayloadFormatChoice formats = PayloadFormatChoice.parse(payloadFormats);
        IsolationChoice isolations = IsolationChoice.parse(isolation);
        java.util.function.UnaryOperator<dev.localfaas.runtime.function.FunctionSpec> adjust =
                f -> isolations.apply(formats.apply(f));
        try (LocalFaas faas = openShowingProgress(err, () -> template == null ? LocalFaas.open(runtime, adjust)
                    : LocalFaas.open(runtime, adjust, template::catalog));
             UsageRecording usage = UsageRecording.open(faas, config, usageRetention == null ? LedgerRotation.defaults()
                     : LedgerRotation.defaults().withRetention(usageRetention), line -> err.println("faas: warning: " + line));
             ServedTriggers triggers = ServedTriggers.open(faas, config, line -> err.println("faas: " + line), events,
                     kafka, queueBroker);
             LiveFeed feed = new LiveFeed(faas::functions, faas::stats, config.accountConcurrency(),
                     config.stateDir().resolve("logs"), LIVE_PERIOD, line -> err.println("faas: warning: " + line))) {
            faas.addListener(feed);
            log.widen(faas.functions());
            AccessPolicy adminAccess = AccessPolicy.defaults().withAllowedHosts(allowedHosts)
                    .withAdminToken(adminToken == null || adminToken.isBlank() ? null : adminToken);
            Gateway gateway = Gateway.create(GatewayConfig.defaults().withHost(host).withPort(port)
                    .withAccount(config.region(), config.accountId()).withAccess(adminAccess), faas);
            gateway.onNotice(line -> err.println("faas: " + line)).functionStats(faas::stats);
            faas.addListener(gateway.invocationListener());
            triggers.mount(gateway);
            triggers.panels(feed);
            Dashboard.serve(gateway, feed, faas::functions);
            AccessPolicies policies = access.policies(template, config.stateDir(),
                    line -> err.println("faas: warning: " + line));
            gateway.accessPolicies(policies);
            gateway.mount("/_faas/jwks.json", request -> Files.isRegularFile(access.keyFile())
                    ? AdminResponse.text("application/json", LocalKey.loadOrCreate(access.keyFile()).publicKeys().toString())
                    : AdminResponse.notFound("no local token key yet; faas token creates it"));
            if (template != null) {
                template.model().queues().forEach(q -> triggers.declareQueue(q.name(), q.deadLetterQueue()));
            }
            gateway.upstreams(UpstreamChoice.parse(upstreams, template));
            gateway.serveAwsApi(AwsApis.of(faas, triggers.queueBackend(), triggers.publishSubscribe(), config.region(),
                    config.accountId()).withVersions(faas.traffic()));
            TrafficSetup.apply(faas, gateway, template, deploySpeed, err);
            try {
                gateway.start();
            } catch (GatewayException e) {
                throw CliException.usage(e.getMessage());
            }
            faas.announceEndpoint(gateway.url());
            out.println("localfaas " + Version.get() + " serving " + (template == null ? dir
                    : templateFile.get() + " (" + template.model().format().label() + ")"));
            out.println();
            if (gateway.reachableFromNetwork()) {
                warnExposed(err, gateway);
            }
            if (template != null) {
                TemplateNotes.print(out, err, template.model());
            }
            ServeTable.print(out, faas.catalog(), gateway.routes(), gateway.url());
            UpstreamTable.print(out, gateway.upstreamStatus(), gateway.url());
            PackageAdvice.print(err, faas.functions());
            printSchedules(out, triggers);
            if (template != null) {
                TemplateNotes.printOutputs(out, template.model(), gateway.url());
            }
            out.println();
            out.println("Dashboard: " + gateway.url() + Dashboard.PAGE
                    + gateway.adminToken().map(t -> "#token=" + t).orElse(""));
            out.println("AWS APIs (SQS, SNS, EventBridge, Lambda) on " + gateway.url() + ": region " + config.region() + ", account "
                    + config.accountId() + "; functions get AWS_ENDPOINT_URL and dummy credentials");
            if (queueBroker != null) {
                out.println("Queues on Kafka at " + queueBroker + ": one topic per queue (localfaas.queue.NAME), shared"
                        + " with every faas run on this broker");
            }
            triggers.start(faas.functions());
            FunctionsWatcher watcher;
            try {
                watcher = noWatch ? null : FunctionsWatcher.start(dir, RELOAD_QUIET,
                        () -> reload(faas, gateway, triggers, log, out, err), line -> err.println("faas: " + line));
            } catch (java.io.UncheckedIOException e) {
                gateway.stop();
                throw CliException.usage(e.getMessage());
            }
            if (onReady != null) {
                onReady.accept(() -> reload(faas, gateway, triggers, log, out, err));
            }
            List<FunctionsWatcher> autoPublished = TrafficSetup.watchAutoPublished(template, faas,
                    () -> reload(faas, gateway, triggers, log, out, err), err);
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
                autoPublished.forEach(FunctionsWatcher::close);
                gateway.stop();
                policies.flush(); // API key usage counts outlive the gateway
                triggers.close();
                faas.flush(); // the cost summary counts every invocation that completed
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

    /** The {@code --broker} address, or null for queues in SQLite. */
    private BrokerAddress brokerAddress() {
        if (broker == null) {
            return null;
        }
        try {
            return BrokerAddress.parse(broker);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--broker " + e.getMessage());
        }
    }

    /** The gateway's address as functions and queue URLs name it (port 0 is only known once it listens). */
    private String endpoint() {
        return "http://" + host + ":" + port;
    }

    /** Discovery of a large folder takes a while: on a terminal a spinner says so when it lasts over a second. */
    private LocalFaas openShowingProgress(PrintWriter err, java.util.function.Supplier<LocalFaas> open) {
        try (Progress progress = Progress.onTerminalAfter(1000, err, "discovering the functions in " + dir)) {
            LocalFaas faas = open.get();
            progress.done("found " + faas.functions().size() + " functions in " + progress.elapsed());
            return faas;
        }
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

    private void reload(LocalFaas faas, Gateway gateway, ServedTriggers triggers, ConsoleLog log, PrintWriter out,
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
