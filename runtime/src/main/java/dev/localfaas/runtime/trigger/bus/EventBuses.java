package dev.localfaas.runtime.trigger.bus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.execution.TraceLink;
import dev.localfaas.runtime.trigger.delivery.AsyncDelivery;
import dev.localfaas.runtime.trigger.queue.OutgoingMessage;
import dev.localfaas.runtime.trigger.queue.QueueBackend;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The event buses of {@code faas run}, with EventBridge semantics: the {@code default} bus and custom ones, rules
 * whose patterns select events for function and queue targets. The one facade that the admin API,
 * {@code faas events put}, the functions' {@code @EventRule}s and (later) the EventBridge wire protocol use.
 *
 * <p>Every matching rule delivers to each of its targets: a queue's copy is stored durably before {@link #putEvents}
 * returns; a function is invoked asynchronously with Lambda's retries, with {@link Trigger#EVENT}.
 */
public final class EventBuses {

    public static final String DEFAULT = "default";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What {@code PutEvents} answers for one entry. */
    public record PutResult(String eventId, int matchedRules) {
    }

    private final String region;
    private final String account;
    private final QueueBackend queues;
    private final AsyncDelivery delivery;
    private final Consumer<String> notices;
    private final Set<String> buses = ConcurrentHashMap.newKeySet();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    public EventBuses(String region, String account, QueueBackend queues, AsyncDelivery delivery, Consumer<String> notices) {
        this.region = region;
        this.account = account;
        this.queues = queues;
        this.delivery = delivery;
        this.notices = notices;
        buses.add(DEFAULT);
    }

    public String busArn(String bus) {
        return "arn:aws:events:" + region + ":" + account + ":event-bus/" + bus;
    }

    public String ruleArn(String bus, String rule) {
        return "arn:aws:events:" + region + ":" + account + ":rule/" + (bus.equals(DEFAULT) ? "" : bus + "/") + rule;
    }

    /** Creates a custom bus (idempotent). */
    public String createBus(String name) {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,256}")) {
            throw new BusRequestException("'" + name + "' is not an event bus name; use letters, digits, . - or _");
        }
        buses.add(name);
        return busArn(name);
    }

    public List<String> buses() {
        return buses.stream().sorted().toList();
    }

    /**
     * Installs the rules the functions declare, replacing the previous declared ones; a rule that cannot run is left
     * out and reported, one line naming it. A rule's bus is created with it.
     */
    public synchronized List<String> update(Collection<FunctionSpec> functions) {
        List<String> problems = new ArrayList<>();
        List<Rule> declared = new ArrayList<>();
        for (FunctionSpec f : functions) {
            for (int i = 0; i < f.events().rules().size(); i++) {
                try {
                    declared.add(compile(RuleSpec.of(f, f.events().rules().get(i), i), true));
                } catch (BusRequestException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        rules.removeIf(r -> r.declared);
        declared.forEach(this::install);
        return problems;
    }

    /** Adds or replaces a rule at run time ({@code PutRule} with its targets). */
    public synchronized RuleInfo putRule(RuleSpec spec) {
        Rule rule = compile(spec, false);
        install(rule);
        return info(rule);
    }

    /**
     * {@code PutRule}: creates a rule or replaces its pattern, keeping its targets; a rule may have none yet.
     *
     * @throws BusRequestException when the bus does not exist or the pattern is invalid, naming the rule
     */
    public synchronized RuleInfo defineRule(String bus, String name, String pattern) {
        requireBus(bus);
        List<RuleSpec.RuleTarget> targets = rule(bus, name).map(RuleSpec::targets).orElse(List.of());
        Rule rule = Rule.compile(new RuleSpec(bus, name, pattern, targets, "events:PutRule"), ruleArn(bus, name), false,
                false);
        install(rule);
        return info(rule);
    }

    /** The rule named {@code name} on {@code bus}, as declared or last changed. */
    public Optional<RuleSpec> rule(String bus, String name) {
        return rules.stream().filter(r -> r.spec.bus().equals(bus) && r.spec.name().equals(name)).map(r -> r.spec)
                .findFirst();
    }

    /**
     * {@code PutTargets}: adds targets to a rule, replacing those with the same id.
     *
     * @throws BusRequestException when the rule does not exist or a target's input shaping is invalid
     */
    public synchronized RuleInfo putTargets(String bus, String name, List<RuleSpec.RuleTarget> targets) {
        RuleSpec spec = rule(bus, name).orElseThrow(() -> new BusRequestException("Rule " + name
                + " does not exist on EventBus " + bus + "."));
        List<RuleSpec.RuleTarget> merged = new ArrayList<>(spec.targets());
        for (RuleSpec.RuleTarget t : targets) {
            merged.removeIf(old -> old.effectiveId().equals(t.effectiveId()));
            merged.add(t);
        }
        return replaceTargets(spec, merged);
    }

    /** {@code RemoveTargets}: removes the targets with these ids; returns the ids that the rule did not have. */
    public synchronized List<String> removeTargets(String bus, String name, List<String> ids) {
        RuleSpec spec = rule(bus, name).orElseThrow(() -> new BusRequestException("Rule " + name
                + " does not exist on EventBus " + bus + "."));
        List<RuleSpec.RuleTarget> kept = new ArrayList<>(spec.targets());
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (!kept.removeIf(t -> t.effectiveId().equals(id))) {
                missing.add(id);
            }
        }
        replaceTargets(spec, kept);
        return missing;
    }

    private RuleInfo replaceTargets(RuleSpec spec, List<RuleSpec.RuleTarget> targets) {
        boolean declared = rules.stream().anyMatch(r -> r.spec == spec && r.declared);
        Rule rule = Rule.compile(new RuleSpec(spec.bus(), spec.name(), spec.pattern(), targets, spec.declaredBy()),
                ruleArn(spec.bus(), spec.name()), declared, false);
        install(rule);
        return info(rule);
    }

    public boolean busExists(String bus) {
        return buses.contains(bus);
    }

    private void requireBus(String bus) {
        if (!buses.contains(bus)) {
            throw new BusRequestException("Event bus " + bus + " does not exist.");
        }
    }

    public synchronized boolean deleteRule(String bus, String name) {
        return rules.removeIf(r -> r.spec.bus().equals(bus) && r.spec.name().equals(name));
    }

    private Rule compile(RuleSpec spec, boolean declared) {
        createBus(spec.bus());
        return Rule.compile(spec, ruleArn(spec.bus(), spec.name()), declared);
    }

    private void install(Rule rule) {
        rules.removeIf(r -> r.spec.bus().equals(rule.spec.bus()) && r.spec.name().equals(rule.spec.name()));
        rules.add(rule);
    }

    /**
     * Puts events on a bus and routes each to every matching rule's targets.
     *
     * @throws BusRequestException when the bus does not exist or an entry is malformed (then no entry is put)
     */
    public List<PutResult> putEvents(String bus, List<EventEntry> entries) {
        if (!buses.contains(bus)) {
            throw new BusRequestException("no event bus " + bus + "; create it (POST /_faas/buses/" + bus
                    + ") or declare a rule on it, or use the default bus");
        }
        List<ObjectNode> events = new ArrayList<>();
        for (EventEntry e : entries) {
            ObjectNode event = JSON.createObjectNode();
            event.put("version", "0");
            event.put("id", Invocation.newRequestId());
            event.put("detail-type", e.detailType());
            event.put("source", e.source());
            event.put("account", account);
            event.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            event.put("region", region);
            e.resources().forEach(event.putArray("resources")::add);
            if (!event.has("resources")) {
                event.putArray("resources");
            }
            event.set("detail", e.detailJson());
            events.add(event);
        }
        List<PutResult> results = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ObjectNode event = events.get(i);
            results.add(new PutResult(event.get("id").asText(), route(bus, event, entries.get(i).traceHeader())));
        }
        return results;
    }

    /** Delivers to every matching rule's targets; {@code traceHeader} goes on as SNS carries it (or null). */
    private int route(String bus, ObjectNode event, String traceHeader) {
        long putAt = System.currentTimeMillis();
        int matched = 0;
        for (Rule rule : rules) {
            if (!rule.spec.bus().equals(bus)) {
                continue;
            }
            if (!rule.pattern.matches(event)) {
                rule.counts.filtered();
                continue;
            }
            rule.counts.matched();
            matched++;
            for (int i = 0; i < rule.spec.targets().size(); i++) {
                var target = rule.spec.targets().get(i).target();
                String input = rule.inputs.get(i).render(event, rule.spec.name(), rule.arn);
                if (target.isFunction()) {
                    // the trace hop is "kind name", as queues' and topics' are, for the waterfall and the service map
                    String hop = "rule " + (bus.equals(DEFAULT) ? "" : bus + "/") + rule.spec.name();
                    delivery.deliver(target.name(), input.getBytes(StandardCharsets.UTF_8), Trigger.EVENT, rule.counts,
                            "rule " + rule.spec.name() + " on bus " + bus, TraceLink.via(traceHeader, hop, putAt));
                } else {
                    try {
                        queues.send(target.name(), OutgoingMessage.of(input).withTraceHeader(traceHeader));
                        rule.counts.delivered();
                    } catch (RuntimeException e) {
                        rule.counts.failed();
                        notices.accept(rule.spec.describe() + ": event " + event.get("id").asText() + " not stored on "
                                + target + ": " + e.getMessage());
                    }
                }
            }
        }
        return matched;
    }

    /** Every rule with its counts, by bus and name. */
    public List<RuleInfo> rules() {
        return rules.stream().sorted((a, b) -> (a.spec.bus() + "/" + a.spec.name()).compareTo(b.spec.bus() + "/" + b.spec.name()))
                .map(this::info).toList();
    }

    private RuleInfo info(Rule r) {
        return new RuleInfo(r.spec.bus(), r.spec.name(), r.arn, r.spec.pattern(), null,
                r.spec.targets().stream().map(t -> t.target().toString()).toList(), r.spec.declaredBy(), r.counts.snapshot());
    }
}
