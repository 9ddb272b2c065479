package dev.localfaas.cli;

import dev.localfaas.runtime.config.TemplateEvents;
import dev.localfaas.runtime.execution.RetryPolicy;
import dev.localfaas.runtime.trigger.delivery.Target;
import dev.localfaas.runtime.trigger.topic.FilterPolicyScope;
import dev.localfaas.runtime.trigger.topic.SubscriptionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code faas run} takes for topics and asynchronous deliveries: {@code --subscribe} subscriptions, the
 * {@code --retry-delay} of Lambda's asynchronous retries, and a project file's topics, subscriptions and rules.
 */
record EventOptions(RetryPolicy retries, List<SubscriptionSpec> subscriptions, TemplateEvents template) {

    static final EventOptions DEFAULTS = new EventOptions(RetryPolicy.LAMBDA_ASYNC, List.of(), TemplateEvents.NONE);

    EventOptions {
        subscriptions = List.copyOf(subscriptions);
        template = template == null ? TemplateEvents.NONE : template;
    }

    /** The same options with a project file's topics, subscriptions and rules, served beside {@code --subscribe}. */
    EventOptions with(TemplateEvents declared) {
        return new EventOptions(retries, subscriptions, declared);
    }

    /** The template's subscriptions, then {@code --subscribe}'s. */
    List<SubscriptionSpec> allSubscriptions() {
        List<SubscriptionSpec> all = new ArrayList<>(template.subscriptions());
        all.addAll(subscriptions);
        return all;
    }

    /**
     * @param retryDelay the wait before each of the two retries, or null for Lambda's 1 and 2 minutes
     * @param subscribe  {@code TOPIC=queue:NAME[:raw]} or {@code TOPIC=function:NAME}
     */
    static EventOptions parse(Duration retryDelay, List<String> subscribe) {
        RetryPolicy retries = retryDelay == null ? RetryPolicy.LAMBDA_ASYNC : new RetryPolicy(List.of(retryDelay, retryDelay));
        List<SubscriptionSpec> subscriptions = new ArrayList<>();
        for (String s : subscribe) {
            String[] parts = s.split("[=:]");
            boolean raw = parts.length == 4 && parts[3].equals("raw");
            if (parts.length < 3 || parts.length > 4 || parts.length == 4 && !raw
                    || !(parts[1].equals("queue") || parts[1].equals("function")) || parts[0].isEmpty() || parts[2].isEmpty()) {
                throw CliException.usage("--subscribe " + s + " is not TOPIC=queue:NAME[:raw] or TOPIC=function:NAME;"
                        + " write it like --subscribe orders=queue:audit:raw");
            }
            if (raw && parts[1].equals("function")) {
                throw CliException.usage("--subscribe " + s + ": raw delivery is for queues; drop :raw");
            }
            Target target = parts[1].equals("queue") ? Target.queue(parts[2]) : Target.function(parts[2]);
            subscriptions.add(new SubscriptionSpec(parts[0], target, "", FilterPolicyScope.MessageAttributes, raw,
                    "--subscribe " + s));
        }
        return new EventOptions(retries, subscriptions, TemplateEvents.NONE);
    }
}
