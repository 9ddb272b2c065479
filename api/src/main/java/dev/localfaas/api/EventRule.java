package dev.localfaas.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Invokes the function for every event put on an event bus that matches the pattern, with the EventBridge event
 * JSON ({@code version}, {@code id}, {@code detail-type}, {@code source}, ... {@code detail}).
 *
 * <p><b>On AWS</b> this is an EventBridge rule with this function as its target (SAM: an {@code EventBridgeRule}
 * event). <b>Here</b> the buses live in {@code faas run}; {@code faas events put} and
 * {@code POST /_faas/buses/{bus}/events} put events on them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(EventRules.class)
public @interface EventRule {

    /** EventBridge event pattern JSON, e.g. {@code {"source": ["orders"], "detail-type": ["OrderPlaced"]}}. */
    String pattern();

    /** Event bus name; {@code default} is the account's default bus. */
    String bus() default "default";

    /** Rule name; empty for {@code <function>-rule-<n>}. */
    String name() default "";
}
