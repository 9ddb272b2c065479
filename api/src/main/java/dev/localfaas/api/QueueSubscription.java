package dev.localfaas.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Subscribes the queue of this function's {@link QueueTrigger} to a topic, so that every matching message published
 * there lands on the queue (durably) and reaches the function through it: the SNS-to-SQS fan-out.
 *
 * <p><b>On AWS</b> this is an {@code AWS::SNS::Subscription} with protocol {@code sqs} (and a queue policy); the
 * queue receives the SNS envelope JSON, or the message itself with {@code RawMessageDelivery}. Like the queue
 * settings of {@code @QueueTrigger}, it is declared here so that a folder of JARs runs without a template.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(QueueSubscriptions.class)
public @interface QueueSubscription {

    /** Topic name. */
    String topic();

    /** Deliver the published message as the queue message body, its attributes as SQS message attributes. */
    boolean rawMessageDelivery() default false;

    /** SNS filter policy JSON; empty for every message. */
    String filterPolicy() default "";

    /** {@code MessageAttributes} or {@code MessageBody}. */
    String filterPolicyScope() default "MessageAttributes";
}
