package dev.localfaas.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How the function's asynchronous invocations from topics, event rules and bucket events are
 * retried, and where an event goes when every attempt failed.
 *
 * <p><b>On AWS</b> this is the function's event invoke config ({@code AWS::Lambda::EventInvokeConfig}:
 * {@code MaximumRetryAttempts}, {@code DestinationConfig.OnFailure} to an SQS queue). Without it Lambda retries
 * twice and then drops the event.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AsyncInvokeConfig {

    /** Retries after the first attempt fails: 0, 1 or 2. */
    int maximumRetryAttempts() default 2;

    /** Queue that receives the invocation record (request, response, condition) once every attempt failed; empty for none. */
    String onFailureQueue() default "";
}
