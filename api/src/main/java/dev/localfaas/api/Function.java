package dev.localfaas.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a Lambda function and its configuration.
 *
 * <p>On a handler class (one implementing {@code RequestHandler} or {@code RequestStreamHandler}) it names the
 * function and sets its limits. On a public method it makes that method a handler, {@code package.Class::method}
 * in AWS terms.
 *
 * <p><b>On AWS</b> this annotation is ignored: the JAR deploys unchanged, and the same settings are made in the
 * function's configuration (console, SAM template, CDK). <b>Here</b> localfaas reads it from the bytecode at
 * discovery; the runtime never loads it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Function {

    /** Function name; empty means the handler class's simple name. AWS: {@code FunctionName}. */
    String name() default "";

    /** Memory in MB, 128 to 10,240 as on AWS. It sets the price of a GB-second; a shared JVM cannot cap it. */
    int memoryMb() default 128;

    /** Timeout in seconds (AWS allows 1 to 900). An invocation past it fails with "Task timed out". */
    int timeoutSeconds() default 3;

    /**
     * Reserved concurrency: how many invocations may run at once. 0 means unreserved (bounded by the account-wide
     * limit, 100 here by default). Beyond it a request is throttled (HTTP 429, {@code TooManyRequestsException}).
     */
    int concurrency() default 0;

    /** Environment variables as {@code "KEY=value"}, visible through {@code System.getenv} as on Lambda. */
    String[] environment() default {};
}
