package dev.localfaas.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Invokes the function on a schedule.
 *
 * <p><b>On AWS</b> this is an EventBridge (Scheduler) rule with a {@code rate(...)} or {@code cron(...)} expression
 * in UTC, delivering the "Scheduled Event" JSON. <b>Here</b> {@code faas run} fires it with the same event.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(ScheduleTriggers.class)
public @interface ScheduleTrigger {

    /** {@code rate(5 minutes)} or {@code cron(0 12 * * ? *)}, as EventBridge accepts them (UTC). */
    String value();

    /** Constant JSON passed instead of the scheduled event, as an EventBridge target's constant input; empty for the event. */
    String input() default "";

    /** {@code false} lists the schedule without firing it, as a disabled rule. */
    boolean enabled() default true;
}
