package dev.localfaas.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.gateway.AdminRequest;
import dev.localfaas.runtime.gateway.AdminResponse;
import dev.localfaas.runtime.gateway.Gateway;
import dev.localfaas.runtime.metering.Cost;
import dev.localfaas.runtime.metering.CostSummary;
import dev.localfaas.runtime.observe.LiveFeed;
import dev.localfaas.runtime.metering.LiveUsage;
import dev.localfaas.runtime.metering.ProviderBill;
import dev.localfaas.runtime.metering.PriceBook;
import dev.localfaas.runtime.metering.PrometheusMetrics;
import dev.localfaas.runtime.metering.ReportOptions;
import dev.localfaas.runtime.trigger.PublishSubscribe;
import dev.localfaas.runtime.trigger.bus.EventBuses;
import dev.localfaas.runtime.trigger.bucket.BucketsEndpoint;
import dev.localfaas.runtime.trigger.bus.EventsEndpoint;
import dev.localfaas.runtime.trigger.bus.RuleInfo;
import dev.localfaas.runtime.trigger.kafka.FailureSink;
import dev.localfaas.runtime.trigger.kafka.KafkaEndpoint;
import dev.localfaas.runtime.trigger.kafka.KafkaSettings;
import dev.localfaas.runtime.trigger.kafka.KafkaTriggerException;
import dev.localfaas.runtime.trigger.kafka.KafkaTriggers;
import dev.localfaas.runtime.trigger.queue.QueueAdminHandler;
import dev.localfaas.runtime.trigger.queue.QueueBackend;
import dev.localfaas.runtime.trigger.queue.QueueMetrics;
import dev.localfaas.runtime.trigger.queue.QueueService;
import dev.localfaas.runtime.trigger.queue.QueueStoreException;
import dev.localfaas.runtime.trigger.queue.QueueTriggerException;
import dev.localfaas.runtime.trigger.queue.kafka.BrokerAddress;
import dev.localfaas.runtime.trigger.queue.kafka.KafkaQueueBackend;
import dev.localfaas.runtime.trigger.schedule.NoSuchScheduleException;
import dev.localfaas.runtime.trigger.schedule.ScheduleExpressionException;
import dev.localfaas.runtime.trigger.schedule.ScheduleInfo;
import dev.localfaas.runtime.trigger.schedule.Scheduler;
import dev.localfaas.runtime.trigger.schedule.SchedulerConfig;
import dev.localfaas.runtime.trigger.schedule.TimeSource;
import dev.localfaas.runtime.trigger.topic.TopicTriggerException;
import dev.localfaas.runtime.trigger.topic.TopicsEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What {@code faas run} serves besides HTTP: schedules, queue consumers, and the live usage and metrics endpoints.
 * Built, mounted, started, reloaded and stopped together, so that {@link RunCommand} reads as the sequence it is.
 */
final class ServedTriggers implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scheduler scheduler;
    private final QueueService queues;
    private final PublishSubscribe events;
    private final LiveUsage usage;
    private final PrometheusMetrics metrics = new PrometheusMetrics();
    private KafkaTriggers kafka;
    private Consumer<String> kafkaNotices = line -> { };
    private volatile LiveFeed feed;

    private ServedTriggers(Scheduler scheduler, QueueService queues, PublishSubscribe events, LiveUsage usage) {
        this.scheduler = scheduler;
        this.queues = queues;
        this.events = events;
        this.usage = usage;
    }

    /** As {@link #open(LocalFaas, RuntimeConfig, Consumer, EventOptions)}, with the brokers of {@code --kafka} ("" none). */
    static ServedTriggers open(LocalFaas faas, RuntimeConfig config, Consumer<String> notices, EventOptions options,
                               String kafkaServers) {
        return open(faas, config, notices, options, kafkaServers, null);
    }

    /**
     * As {@link #open(LocalFaas, RuntimeConfig, Consumer, EventOptions, String)}, with the queues on the Kafka cluster
     * of {@code --broker} ({@code null}: in SQLite under the state directory).
     */
    static ServedTriggers open(LocalFaas faas, RuntimeConfig config, Consumer<String> notices, EventOptions options,
                               String kafkaServers, BrokerAddress broker) {
        ServedTriggers served = open(faas, config, notices, options, broker);
        served.kafka = new KafkaTriggers(faas, FailureSink.of(served.queues.backend(), served.events.topics()),
                KafkaSettings.defaults(kafkaServers, config.region(), config.accountId()), notices);
        served.kafkaNotices = notices;
        return served;
    }

    static ServedTriggers open(LocalFaas faas, RuntimeConfig config, Consumer<String> notices) {
        return open(faas, config, notices, EventOptions.DEFAULTS);
    }

    /**
     * Checks every schedule and queue trigger and opens the queue store.
     *
     * @throws CliException (exit 2) naming each function whose trigger is invalid
     */
    static ServedTriggers open(LocalFaas faas, RuntimeConfig config, Consumer<String> notices, EventOptions options) {
        return open(faas, config, notices, options, (BrokerAddress) null);
    }

    private static ServedTriggers open(LocalFaas faas, RuntimeConfig config, Consumer<String> notices,
                                       EventOptions options, BrokerAddress broker) {
        Scheduler scheduler;
        try {
            scheduler = new Scheduler(faas, faas.functions(), TimeSource.system(),
                    SchedulerConfig.defaults().withAccount(config.region(), config.accountId()).withLog(notices));
        } catch (ScheduleExpressionException e) {
            throw CliException.usage(e.getMessage());
        }
        QueueService queues;
        try {
            queues = broker == null ? QueueService.open(config, faas, notices)
                    : QueueService.on(KafkaQueueBackend.open(broker, notices), config, faas, notices);
        } catch (QueueStoreException e) {
            scheduler.close();
            throw new CliException(ExitCodes.USAGE, "--broker: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            scheduler.close();
            throw e;
        }
        PublishSubscribe events = PublishSubscribe.open(config, faas, queues.backend(), options.retries(),
                options.template().topics(), options.allSubscriptions(), options.template().rules(), notices);
        ServedTriggers served = new ServedTriggers(scheduler, queues, events,
                new LiveUsage(PriceBook.builtIn(), ReportOptions.defaults()));
        faas.addListener(served.usage);
        faas.addListener(served.metrics);
        return served;
    }

    /** The queue store the queue triggers consume (the SQS API serves the same one). */
    QueueBackend queueBackend() {
        return queues.backend();
    }

    /** The topics and event buses (the SNS and EventBridge APIs serve the same ones). */
    PublishSubscribe publishSubscribe() {
        return events;
    }

    /**
     * The admin endpoints: {@code /_faas/queues}, {@code /_faas/schedules}, {@code /_faas/topics}, {@code /_faas/usage},
     * {@code /_faas/metrics}.
     */
    void mount(Gateway gateway) {
        gateway.mountHandler(QueueAdminHandler.PREFIX, queues.adminHandler());
        gateway.mount("/_faas/schedules", this::schedules);
        gateway.mount(TopicsEndpoint.PREFIX, new TopicsEndpoint(events.topics()));
        EventsEndpoint buses = new EventsEndpoint(events.buses(), this::scheduledRules);
        gateway.mount(EventsEndpoint.BUSES, buses.buses());
        gateway.mount(EventsEndpoint.RULES, buses.rules());
        gateway.mount(BucketsEndpoint.PREFIX, new BucketsEndpoint(events.buckets()));
        gateway.mount("/_faas/usage", request -> AdminResponse.ok(JSON.readTree(usage.json())));
        gateway.mount("/_faas/metrics", request -> AdminResponse.text(PrometheusMetrics.CONTENT_TYPE, metrics.render()
                + gateway.refusalMetrics()
                + QueueMetrics.render(queues.backend().stats(), System.currentTimeMillis())
                + (feed == null ? "" : feed.traces().prometheus())));
        if (kafka != null) {
            gateway.mount(KafkaEndpoint.PREFIX, new KafkaEndpoint(kafka::triggers));
        }
    }

    /** What the dashboard shows beside the functions: queues, topics, schedules and the cost so far per provider. */
    void panels(LiveFeed feed) {
        this.feed = feed;
        feed.panel("queues", this::queuePanel)
                .panel("topics", () -> events.topics().list())
                .panel("schedules", () -> scheduler.describe().stream()
                        .map(i -> Map.<String, Object>of("function", i.function(), "rule", i.rule(),
                                "expression", i.expression(), "enabled", i.enabled(),
                                "nextFirings", i.nextFirings().stream().limit(3).map(Object::toString).toList()))
                        .toList())
                .panel("cost", this::costSoFar);
    }

    /** The queues' counts, and on Kafka the partitions of each that this instance owns. */
    private List<Map<String, Object>> queuePanel() {
        QueueBackend backend = queues.backend();
        return backend.stats().stream().map(s -> {
            Map<String, Object> q = new java.util.LinkedHashMap<>();
            q.put("name", s.name());
            q.put("visible", s.visible());
            q.put("inFlight", s.inFlight());
            q.put("delayed", s.delayed());
            q.put("deadLetterQueue", s.deadLetterQueue());
            q.put("oldestSentAt", s.oldestSentAt());
            backend.ownedPartitions(s.name()).ifPresent(p -> q.put("partitions", p));
            return q;
        }).toList();
    }

    /** Where the queues live: the SQLite file, or the Kafka brokers of {@code --broker}. */
    String queueStore() {
        return queues.backend().location();
    }

    /** Per provider: the cost of every invocation so far (before the free tier), and per function. */
    private List<Map<String, Object>> costSoFar() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ProviderBill bill : usage.bills().values()) {
            Map<String, Object> functions = new java.util.LinkedHashMap<>();
            bill.before().forEach((function, cost) -> functions.put(function, cost == null ? 0 : cost.total()));
            Cost total = bill.totalBefore();
            out.add(Map.of("provider", bill.provider().name(), "id", bill.provider().id(),
                    "total", total == null ? 0 : total.total(), "functions", functions));
        }
        return out;
    }

    /** Makes a queue a project file declares known to the store, with its dead-letter queue ("" for none). */
    void declareQueue(String queue, String deadLetterQueue) {
        queues.backend().declare(queue, deadLetterQueue.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(deadLetterQueue));
        if (!deadLetterQueue.isEmpty()) {
            queues.backend().declare(deadLetterQueue, java.util.Optional.empty());
        }
    }

    /** Starts firing schedules and consuming queues. */
    void start(List<FunctionSpec> functions) {
        try {
            queues.start(functions);
        } catch (QueueTriggerException e) {
            throw CliException.usage(String.join("; ", e.problems()));
        }
        try {
            events.start(functions);
        } catch (TopicTriggerException e) {
            throw CliException.usage(String.join("; ", e.problems()));
        }
        if (kafka != null) {
            try {
                kafka.start(functions);
            } catch (KafkaTriggerException e) {
                throw CliException.usage(String.join("; ", e.problems()));
            }
            kafka.triggers().forEach(k -> kafkaNotices.accept(k.function() + ": consuming Kafka topics "
                    + String.join(", ", k.topics()) + " at " + k.bootstrapServers() + " as group " + k.consumerGroup()));
        }
        scheduler.start();
    }

    /** The schedules as the rules of the default bus they are on EventBridge. */
    private List<RuleInfo> scheduledRules() {
        return scheduler.describe().stream().map(i -> new RuleInfo(EventBuses.DEFAULT, i.rule(), i.ruleArn(), "",
                i.expression(), List.of("function:" + i.function()), i.function(), null)).toList();
    }

    List<ScheduleInfo> schedules() {
        return scheduler.describe();
    }

    /** Swaps schedules and consumers to a reloaded set of functions; returns the problems found, one line each. */
    List<String> reload(List<FunctionSpec> functions) {
        List<String> problems = new ArrayList<>(scheduler.update(functions));
        problems.addAll(queues.update(functions));
        problems.addAll(events.update(functions));
        if (kafka != null) {
            problems.addAll(kafka.update(functions));
        }
        return problems;
    }

    /** The few lines of cost printed when {@code faas run} stops. */
    String costSummary(String reportCommand) {
        return CostSummary.render(usage.report(), reportCommand);
    }

    private AdminResponse schedules(AdminRequest request) {
        List<String> segments = request.segments();
        if (segments.isEmpty() && request.method().equals("GET")) {
            List<Map<String, Object>> schedules = scheduler.describe().stream()
                    .map(i -> Map.<String, Object>of("function", i.function(), "rule", i.rule(), "ruleArn", i.ruleArn(),
                            "expression", i.expression(), "enabled", i.enabled(),
                            "nextFirings", i.nextFirings().stream().map(Object::toString).toList(),
                            "warnings", i.warnings()))
                    .toList();
            return AdminResponse.ok(Map.of("schedules", schedules));
        }
        if (segments.size() == 2 && segments.get(1).equals("fire")) {
            if (!request.method().equals("POST")) {
                return AdminResponse.methodNotAllowed(request.method(), request.path());
            }
            try {
                List<Map<String, String>> fired = scheduler.fireNow(segments.get(0)).stream()
                        .map(f -> Map.of("function", f.function(), "rule", f.rule(), "requestId", f.requestId(),
                                "scheduledTime", f.scheduledTime().toString()))
                        .toList();
                return AdminResponse.of(202, Map.of("fired", fired));
            } catch (NoSuchScheduleException e) {
                return AdminResponse.notFound(e.getMessage());
            }
        }
        return AdminResponse.notFound("Not Found: " + request.path()
                + " (GET /_faas/schedules, POST /_faas/schedules/{function}/fire)");
    }

    /** Stops schedules and consumers (batches in flight finish) and closes the queue store. */
    @Override
    public void close() {
        scheduler.close();
        if (kafka != null) {
            kafka.close(); // before the queues and topics its on-failure destinations write to
        }
        events.close();
        queues.close();
    }
}
