package dev.localfaas.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Subscribes the function to a topic: every message published there that passes the filter policy invokes it
 * asynchronously with the SNS event JSON ({@code Records[].Sns}).
 *
 * <p><b>On AWS</b> this is an SNS subscription with protocol {@code lambda} (SAM: an {@code SNS} event with
 * {@code FilterPolicy} and {@code FilterPolicyScope}). <b>Here</b> the topic lives in {@code faas run}, created when
 * first named; the filter policy uses the full SNS grammar and a bad one stops the function from loading.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(TopicTriggers.class)
public @interface TopicTrigger {

    /** Topic name (1 to 256 letters, digits, - or _; a FIFO topic ends in .fifo). */
    String topic();

    /** SNS filter policy JSON, e.g. {@code {"amount": [{"numeric": [">", 100]}]}}; empty for every message. */
    String filterPolicy() default "";

    /** {@code MessageAttributes} (the default, as on SNS) or {@code MessageBody}: what the policy is matched against. */
    String filterPolicyScope() default "MessageAttributes";
}
