package dev.localfaas.runtime.trigger;

import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.execution.RetryPolicy;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.trigger.bucket.Buckets;
import dev.localfaas.runtime.trigger.bus.EventBuses;
import dev.localfaas.runtime.trigger.bus.RuleSpec;
import dev.localfaas.runtime.trigger.delivery.AsyncDelivery;
import dev.localfaas.runtime.trigger.queue.QueueBackend;
import dev.localfaas.runtime.trigger.topic.SubscriptionSpec;
import dev.localfaas.runtime.trigger.topic.TopicSpec;
import dev.localfaas.runtime.trigger.topic.TopicTriggerException;
import dev.localfaas.runtime.trigger.topic.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Topics, event buses and buckets as {@code faas run} serves them, over one asynchronous delivery and the queue store.
 * Open it after the queues, {@link #start} it with the functions, {@link #update} it after a reload, close it before
 * the queues.
 */
public final class PublishSubscribe implements AutoCloseable {

    /** How often bucket folders are scanned; a file is announced once two scans agree it is complete. */
    static final java.time.Duration BUCKET_SCAN = java.time.Duration.ofMillis(250);

    private final AsyncDelivery delivery;
    private final Topics topics;
    private final EventBuses buses;
    private final Buckets buckets;
    private final List<SubscriptionSpec> extraSubscriptions;
    private final List<TopicSpec> extraTopics;
    private final List<RuleSpec> extraRules;

    private PublishSubscribe(AsyncDelivery delivery, Topics topics, EventBuses buses, Buckets buckets,
                             List<SubscriptionSpec> extraSubscriptions, List<TopicSpec> extraTopics,
                             List<RuleSpec> extraRules) {
        this.delivery = delivery;
        this.topics = topics;
        this.buses = buses;
        this.buckets = buckets;
        this.extraSubscriptions = List.copyOf(extraSubscriptions);
        this.extraTopics = List.copyOf(extraTopics);
        this.extraRules = List.copyOf(extraRules);
    }

    /**
     * @param retries            the waits before the retries of asynchronous deliveries (Lambda: 1 and 2 minutes)
     * @param extraSubscriptions subscriptions declared outside the functions ({@code faas run --subscribe}, a template)
     */
    public static PublishSubscribe open(RuntimeConfig config, FunctionInvoker invoker, QueueBackend queues,
                                        RetryPolicy retries, List<SubscriptionSpec> extraSubscriptions,
                                        Consumer<String> notices) {
        return open(config, invoker, queues, retries, List.of(), extraSubscriptions, List.of(), notices);
    }

    /**
     * @param extraTopics topics declared outside the functions (a template's {@code AWS::SNS::Topic}), created first
     * @param extraRules  rules declared outside the functions (a template's {@code AWS::Events::Rule})
     */
    public static PublishSubscribe open(RuntimeConfig config, FunctionInvoker invoker, QueueBackend queues,
                                        RetryPolicy retries, List<TopicSpec> extraTopics,
                                        List<SubscriptionSpec> extraSubscriptions, List<RuleSpec> extraRules,
                                        Consumer<String> notices) {
        AsyncDelivery delivery = new AsyncDelivery(invoker, queues, retries, config.region(), config.accountId(), notices);
        Topics topics = new Topics(config.region(), config.accountId(), queues, delivery, notices);
        EventBuses buses = new EventBuses(config.region(), config.accountId(), queues, delivery, notices);
        Buckets buckets = new Buckets(config.stateDir().resolve("buckets"), config.region(), delivery, BUCKET_SCAN, notices);
        return new PublishSubscribe(delivery, topics, buses, buckets, extraSubscriptions, extraTopics, extraRules);
    }

    /**
     * Installs every subscription, rule and bucket notification, or none when one is bad.
     *
     * @throws TopicTriggerException one line per problem, each naming the subscription, rule or bucket
     */
    public void start(Collection<FunctionSpec> functions) {
        List<String> problems = new ArrayList<>();
        extraTopics.forEach(topics::create); // before any subscription names them, so FIFO settings hold
        try {
            topics.start(functions);
        } catch (TopicTriggerException e) {
            problems.addAll(e.problems());
        }
        problems.addAll(buses.update(functions));
        problems.addAll(buckets.update(functions));
        for (SubscriptionSpec s : extraSubscriptions) {
            try {
                topics.subscribe(s);
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        for (RuleSpec r : extraRules) {
            try {
                buses.putRule(r);
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new TopicTriggerException(problems);
        }
    }

    /** After a reload; returns the problems, one line each (the rest is installed). */
    public List<String> update(Collection<FunctionSpec> functions) {
        List<String> problems = new ArrayList<>(topics.update(functions));
        problems.addAll(buses.update(functions));
        problems.addAll(buckets.update(functions));
        return problems;
    }

    public Topics topics() {
        return topics;
    }

    public EventBuses buses() {
        return buses;
    }

    public Buckets buckets() {
        return buckets;
    }

    /** Drops pending retries; deliveries running now finish. */
    @Override
    public void close() {
        buckets.close();
        delivery.close();
    }
}
