package dev.localfaas.runtime.trigger.topic;

import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.TraceLink;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.trigger.delivery.AsyncDelivery;
import dev.localfaas.runtime.trigger.queue.QueueBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The topics of {@code faas run}, with SNS semantics: the facade that the admin API, {@code faas publish}, the
 * functions' declarations and (later) the SNS wire protocol all use; the only place topics live.
 *
 * <pre>{@code
 * Topics topics = new Topics(region, account, queues, delivery, notices);
 * topics.start(faas.functions());                       // TopicTriggerException: one line per bad subscription
 * topics.subscribe(new SubscriptionSpec("orders", Target.queue("audit"), "", MessageAttributes, true, "--subscribe"));
 * topics.publish("orders", PublishRequest.of("{\"id\": 1}"));
 * }</pre>
 *
 * A topic is created when first named (declared, subscribed to, or published to). Publishing offers the message to
 * every subscription: a queue's copy is stored durably before {@code publish} returns; a function's copy is invoked
 * asynchronously with Lambda's retries ({@link AsyncDelivery}). Subscriptions declared by functions are replaced on
 * each reload; those added at run time stay until the process ends.
 */
public final class Topics {

    private final String region;
    private final String account;
    private final QueueBackend queues;
    private final AsyncDelivery delivery;
    private final Consumer<String> notices;
    private final SnsMessages messages;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();

    public Topics(String region, String account, QueueBackend queues, AsyncDelivery delivery, Consumer<String> notices) {
        this.region = region;
        this.account = account;
        this.queues = queues;
        this.delivery = delivery;
        this.notices = notices;
        this.messages = new SnsMessages(region);
    }

    public String arn(String topic) {
        return "arn:aws:sns:" + region + ":" + account + ":" + topic;
    }

    /** Creates a topic (idempotent, as {@code CreateTopic}); a FIFO setting on an existing topic is kept. */
    public TopicInfo create(TopicSpec spec) {
        return info(topic(spec));
    }

    private Topic topic(TopicSpec spec) {
        return topics.computeIfAbsent(spec.name(), name -> new Topic(spec, arn(name)));
    }

    /**
     * Checks every subscription the functions declare and installs them; nothing is installed if one is bad.
     *
     * @throws TopicTriggerException one line per bad subscription, each naming it
     */
    public synchronized void start(Collection<FunctionSpec> functions) {
        List<String> problems = new ArrayList<>();
        List<Subscription> declared = declared(functions, problems);
        if (!problems.isEmpty()) {
            throw new TopicTriggerException(problems);
        }
        install(declared);
    }

    /** After a reload: the functions' subscriptions replace the previous ones (counts restart); returns problems. */
    public synchronized List<String> update(Collection<FunctionSpec> functions) {
        List<String> problems = new ArrayList<>();
        install(declared(functions, problems));
        return problems;
    }

    private List<Subscription> declared(Collection<FunctionSpec> functions, List<String> problems) {
        List<Subscription> found = new ArrayList<>();
        for (FunctionSpec f : functions) {
            List<SubscriptionSpec> specs = new ArrayList<>();
            f.events().topics().forEach(t -> specs.add(SubscriptionSpec.of(f, t)));
            f.events().queueSubscriptions().forEach(q -> specs.add(SubscriptionSpec.of(f, q)));
            for (SubscriptionSpec spec : specs) {
                try {
                    found.add(checked(spec, true));
                } catch (TopicRequestException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        return found;
    }

    private void install(List<Subscription> declared) {
        topics.values().forEach(t -> t.subscriptions.removeIf(s -> s.declared));
        for (Subscription s : declared) {
            Topic topic = topic(TopicSpec.named(s.spec.topic()));
            topic.subscriptions.removeIf(old -> old.arn.equals(s.arn));
            topic.subscriptions.add(s);
        }
    }

    private Subscription checked(SubscriptionSpec spec, boolean declared) {
        TopicSpec topic = topics.containsKey(spec.topic()) ? topics.get(spec.topic()).spec : TopicSpec.named(spec.topic());
        if (topic.fifo() && spec.target().isFunction()) {
            throw new TopicRequestException(spec.describe() + ": a FIFO topic delivers to queues only, as on SNS;"
                    + " subscribe a queue and let the function consume it, or use a standard topic");
        }
        return Subscription.compile(spec, arn(spec.topic()), declared);
    }

    /**
     * Adds a subscription at run time ({@code Subscribe}); subscribing the same target again replaces it.
     *
     * @throws TopicRequestException when its filter policy is invalid, naming the subscription
     */
    public synchronized TopicInfo.Sub subscribe(SubscriptionSpec spec) {
        Subscription s = checked(spec, false);
        Topic topic = topic(TopicSpec.named(spec.topic()));
        topic.subscriptions.removeIf(old -> old.arn.equals(s.arn));
        topic.subscriptions.add(s);
        return sub(s);
    }

    /** Removes a subscription by ARN; false when there is none. */
    public synchronized boolean unsubscribe(String subscriptionArn) {
        boolean removed = false;
        for (Topic t : topics.values()) {
            removed |= t.subscriptions.removeIf(s -> s.arn.equals(subscriptionArn));
        }
        return removed;
    }

    /**
     * Publishes to a topic, creating it if needed: every subscription whose filter policy accepts the message gets
     * its own copy.
     *
     * @throws TopicRequestException when the request breaks an SNS rule (FIFO ids, names)
     */
    public PublishResult publish(String topicName, PublishRequest request) {
        Topic topic = topic(TopicSpec.named(topicName));
        String deduplicationId = topic.deduplicationId(request);
        if (!topic.spec.fifo()) {
            return offer(topic, new PublishedMessage(Invocation.newRequestId(), topic.arn, request, Instant.now(), null));
        }
        synchronized (topic) {
            Instant now = Instant.now();
            String seen = topic.seen(deduplicationId, now);
            if (seen != null) {
                return new PublishResult(seen, null, 0, 0, true);
            }
            String messageId = Invocation.newRequestId();
            String sequenceNumber = topic.accept(deduplicationId, messageId, now);
            return offer(topic, new PublishedMessage(messageId, topic.arn, request, now, sequenceNumber));
        }
    }

    private PublishResult offer(Topic topic, PublishedMessage m) {
        topic.published.incrementAndGet();
        int matched = 0;
        int filtered = 0;
        for (Subscription s : topic.subscriptions) {
            if (!s.accepts(m)) {
                s.counts.filtered();
                filtered++;
                continue;
            }
            s.counts.matched();
            matched++;
            if (s.spec.target().isFunction()) {
                delivery.deliver(s.spec.target().name(), messages.lambdaEvent(m, s.arn), Trigger.TOPIC, s.counts,
                        "topic " + topic.spec.name(), TraceLink.via(m.request().traceHeader(), "topic " + topic.spec.name(),
                                m.timestamp().toEpochMilli()));
            } else {
                try {
                    queues.send(s.spec.target().name(), messages.queueMessage(m, s.arn, s.spec.rawMessageDelivery())
                            .withTraceHeader(m.request().traceHeader()));
                    s.counts.delivered();
                } catch (RuntimeException e) {
                    s.counts.failed();
                    notices.accept(s.spec.describe() + ": message " + m.messageId() + " not stored: " + e.getMessage());
                }
            }
        }
        return new PublishResult(m.messageId(), m.sequenceNumber(), matched, filtered, false);
    }

    /**
     * Deletes a topic and its subscriptions ({@code DeleteTopic}); false when there was none. Subscriptions that
     * functions declare come back with the topic on the next reload.
     */
    public synchronized boolean delete(String topic) {
        return topics.remove(topic) != null;
    }

    /** The subscription with this ARN, as it was declared or last changed ({@code GetSubscriptionAttributes}). */
    public Optional<SubscriptionSpec> subscription(String subscriptionArn) {
        return topics.values().stream().flatMap(t -> t.subscriptions.stream())
                .filter(s -> s.arn.equals(subscriptionArn)).map(s -> s.spec).findFirst();
    }

    /** Every topic with its subscriptions and counts, by name. */
    public List<TopicInfo> list() {
        return topics.values().stream().sorted((a, b) -> a.spec.name().compareTo(b.spec.name())).map(this::info).toList();
    }

    public Optional<TopicInfo> find(String topic) {
        return Optional.ofNullable(topics.get(topic)).map(this::info);
    }

    private TopicInfo info(Topic t) {
        return new TopicInfo(t.spec.name(), t.arn, t.spec.fifo(), t.spec.contentBasedDeduplication(), t.published.get(),
                t.subscriptions.stream().map(Topics::sub).toList());
    }

    private static TopicInfo.Sub sub(Subscription s) {
        return new TopicInfo.Sub(s.arn, s.spec.target().toString(), s.spec.filterPolicy(), s.spec.scope().name(),
                s.spec.rawMessageDelivery(), s.spec.declaredBy(), s.counts.snapshot());
    }
}
