package dev.localfaas.runtime.traffic;

import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Trigger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Gradual deployments of aliases, as CodeDeploy runs them for SAM's {@code AutoPublishAlias} and
 * {@code DeploymentPreference}: PreTraffic hook, traffic shifted step by step to the new version, PostTraffic hook;
 * the new version's health judged after each of its calls, and a breach of the rules rolls the alias back to the old
 * version at once. Keeps the history, including by-hand switches of an alias.
 */
public final class Deployments implements AutoCloseable {

    private record AutoPublish(String alias, DeploymentPreference preference) {
    }

    private static final ThreadLocal<Boolean> MOVING = ThreadLocal.withInitial(() -> false);

    private final Traffic traffic;
    private final FunctionInvoker invoker;
    private final VersionHealth health;
    private final ScheduledExecutorService timer;
    private final Map<String, AutoPublish> autoPublish = new ConcurrentHashMap<>();
    private final Map<String, Deployment> active = new ConcurrentHashMap<>();
    private final List<Deployment> history = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile double speed = 1;
    private volatile Consumer<String> notices = line -> { };

    public Deployments(Traffic traffic, FunctionInvoker invoker, VersionHealth health) {
        this.traffic = traffic;
        this.invoker = invoker;
        this.health = health;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faas-deployments");
            t.setDaemon(true);
            return t;
        });
        health.watch(this::judge);
        traffic.onAliasChange(this::aliasChanged);
    }

    /** Runs every schedule {@code factor} times faster ({@code --deploy-speed}), for a demo. */
    public void speed(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("--deploy-speed must be more than 0, like 10 for ten times faster");
        }
        this.speed = factor;
    }

    /** Where deployment progress and rollbacks are told, one line each. */
    public void onNotice(Consumer<String> sink) {
        this.notices = sink;
    }

    /**
     * {@code function} publishes a version whenever its code or configuration changed and moves {@code alias} to it
     * as {@code preference} says; its triggers run the alias. Takes effect now for a function already served.
     */
    public void autoPublish(String function, String alias, DeploymentPreference preference) {
        autoPublish.put(function, new AutoPublish(alias, preference));
        traffic.triggerAlias(function, alias);
        afterReload(List.of(function));
    }

    /** After a reload: publishes what changed among the auto-publishing functions and deploys it. */
    public void afterReload(Collection<String> functions) {
        for (String function : functions) {
            AutoPublish auto = autoPublish.get(function);
            if (auto == null || !traffic.resolves(function, null)) {
                continue;
            }
            PublishedVersion v;
            try {
                v = traffic.publish(function, "published by AutoPublishAlias");
            } catch (RuntimeException e) { // a full disk, an unreadable package: the reload itself goes on
                notices.accept(function + ": could not publish a version for alias " + auto.alias() + ": "
                        + e.getMessage());
                continue;
            }
            Alias current = traffic.alias(function, auto.alias()).orElse(null);
            Deployment running = active.get(function);
            if (current == null) {
                move(function, auto.alias(), v.number(), Map.of());
                notices.accept(function + ": published version " + v.number() + "; alias " + auto.alias()
                        + " created on it");
            } else if (!current.version().equals(v.number()) && (running == null || !running.to.equals(v.number()))) {
                deploy(function, auto.alias(), v.number(), auto.preference());
            }
        }
    }

    /**
     * Moves {@code alias} of {@code function} to {@code version} following {@code preference}; a deployment still
     * running for that function is stopped first.
     */
    public DeploymentRecord deploy(String function, String alias, String version, DeploymentPreference preference) {
        Alias current = traffic.alias(function, alias).orElseThrow(() -> TrafficException.notFound("alias " + alias
                + " of " + function + " does not exist; create it with faas alias set " + function + " " + alias
                + " --version N"));
        Deployment previous = active.remove(function);
        if (previous != null) {
            synchronized (previous) {
                if (previous.running()) {
                    previous.end(DeploymentRecord.STOPPED, "superseded by a deployment of version " + version);
                }
            }
        }
        Deployment d = new Deployment("d-" + ids.incrementAndGet(), function, alias, current.version(), version,
                preference.enabled() ? preference : DeploymentPreference.ALL_AT_ONCE);
        synchronized (d) {
            d.event("started: " + function + ":" + alias + " from version " + d.from + " to " + version + " ("
                    + d.preference.type().label() + ", rollback on " + d.preference.rules().describe() + ")");
        }
        history.add(d);
        active.put(function, d);
        notices.accept("deployment " + d.id + " of " + function + ":" + alias + ": version " + d.from + " -> "
                + version + " (" + d.preference.type().label() + (speed == 1 ? "" : ", " + fmt(speed) + "x speed")
                + ")");
        timer.execute(() -> begin(d));
        return d.record();
    }

    public List<DeploymentRecord> history() {
        return history.stream().map(Deployment::record).toList();
    }

    /** Every version that ran, judged by the rules of its function's deployment preference (or the defaults). */
    public List<HealthReport> health() {
        List<HealthReport> out = new ArrayList<>();
        for (String key : health.keys()) {
            int colon = key.lastIndexOf(':');
            String function = key.substring(0, colon);
            out.add(health.report(function, key.substring(colon + 1), rules(function)));
        }
        return out;
    }

    private HealthRules rules(String function) {
        Deployment d = active.get(function);
        if (d != null) {
            return d.preference.rules();
        }
        AutoPublish auto = autoPublish.get(function);
        return auto != null && auto.preference().rules().any() ? auto.preference().rules() : HealthRules.DEFAULT;
    }

    private void begin(Deployment d) {
        String pre = d.preference.preTraffic();
        if (pre != null) {
            String failure = hook(d, "PreTraffic", pre);
            synchronized (d) {
                if (!d.running()) {
                    return;
                }
                if (failure != null) {
                    finish(d, DeploymentRecord.ABORTED, failure + "; the alias stays on version " + d.from);
                    return;
                }
                d.event("PreTraffic hook " + pre + " passed");
            }
        }
        step(d, 0);
    }

    private void step(Deployment d, int index) {
        List<DeploymentType.Step> steps = d.preference.type().steps();
        synchronized (d) {
            if (!d.running()) {
                return;
            }
            if (index < steps.size()) {
                DeploymentType.Step step = steps.get(index);
                d.step = index;
                d.weight = step.weight();
                move(d.function, d.alias, d.from, Map.of(d.to, step.weight()));
                Duration hold = Duration.ofNanos((long) (step.hold().toNanos() / speed));
                d.event("version " + d.to + " takes " + HealthRules.percent(step.weight()) + " for "
                        + human(hold));
                notices.accept("deployment " + d.id + " of " + d.function + ":" + d.alias + ": version " + d.to
                        + " takes " + HealthRules.percent(step.weight()) + " of the calls for " + human(hold));
                d.next = timer.schedule(() -> step(d, index + 1), hold.toNanos(), TimeUnit.NANOSECONDS);
                return;
            }
            d.weight = 1;
            move(d.function, d.alias, d.to, Map.of());
            d.event("version " + d.to + " takes all the calls");
        }
        String post = d.preference.postTraffic();
        String failure = post == null ? null : hook(d, "PostTraffic", post);
        synchronized (d) {
            if (!d.running()) {
                return;
            }
            if (failure != null) {
                rollBack(d, failure);
                return;
            }
            finish(d, DeploymentRecord.SUCCEEDED, "");
        }
    }

    /** After each call of a version: a running deployment of that version rolls back when the rules are breached. */
    private void judge(String function, String version) {
        Deployment d = active.get(function);
        if (d == null || !d.to.equals(version)) {
            return;
        }
        HealthReport report = health.report(function, version, d.preference.rules());
        if (report.failing()) {
            synchronized (d) {
                if (d.running()) {
                    rollBack(d, report.reason());
                }
            }
        }
    }

    private void rollBack(Deployment d, String why) {
        d.weight = 0;
        move(d.function, d.alias, d.from, Map.of());
        finish(d, DeploymentRecord.ROLLED_BACK, "version " + d.to + ": " + why + "; alias " + d.alias
                + " is back on version " + d.from);
    }

    private void finish(Deployment d, String outcome, String why) {
        d.end(outcome, why);
        active.remove(d.function, d);
        notices.accept("deployment " + d.id + " of " + d.function + ":" + d.alias + " " + outcome
                + (why.isEmpty() ? ": version " + d.to + " takes all the calls" : ": " + why));
    }

    /** Runs a hook function with a CodeDeploy-style event; null when it passed, else why it failed. */
    private String hook(Deployment d, String phase, String function) {
        String event = "{\"DeploymentId\":\"" + d.id + "\",\"LifecycleEventHookExecutionId\":\""
                + UUID.randomUUID() + "\",\"Function\":\"" + d.function + "\",\"Alias\":\"" + d.alias
                + "\",\"Version\":\"" + d.to + "\"}";
        try {
            InvocationResult r = invoker.invoke(function, Invocation.of(event.getBytes(StandardCharsets.UTF_8),
                    Trigger.INVOKE));
            return r.failed() ? phase + " hook " + function + " failed (" + r.outcome().id()
                    + (r.errorType() == null ? "" : ", " + r.errorType()) + ")" : null;
        } catch (RuntimeException e) {
            return phase + " hook " + function + " could not run: " + e.getMessage();
        }
    }

    private void move(String function, String alias, String version, Map<String, Double> weights) {
        MOVING.set(true);
        try {
            traffic.setAlias(function, alias, version, weights, null);
        } finally {
            MOVING.set(false);
        }
    }

    /** An alias set by hand (CLI, API) stops a deployment of it, and is kept in the history as an instant switch. */
    private void aliasChanged(Alias alias) {
        if (MOVING.get()) {
            return;
        }
        Deployment running = active.get(alias.function());
        if (running != null && running.alias.equals(alias.name())) {
            synchronized (running) {
                if (running.running()) {
                    finish(running, DeploymentRecord.STOPPED, "alias " + alias.name() + " was set by hand to "
                            + alias.describeRouting());
                }
            }
        }
        Deployment manual = new Deployment("d-" + ids.incrementAndGet(), alias.function(), alias.name(), "",
                alias.describeRouting(), new DeploymentPreference(DeploymentType.ALL_AT_ONCE, HealthRules.NONE, null,
                        null, true));
        synchronized (manual) {
            manual.weight = alias.weights().isEmpty() ? 1 : alias.additional().get().getValue();
            manual.end(DeploymentRecord.SUCCEEDED, "set by hand: " + alias.describeRouting());
        }
        history.add(manual);
    }

    private static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 60_000 == 0 && ms > 0 ? (ms / 60_000) + " min" : ms >= 1000 ? fmt(ms / 1000.0) + " s" : ms + " ms";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
