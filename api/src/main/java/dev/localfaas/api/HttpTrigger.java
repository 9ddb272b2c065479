package dev.localfaas.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An HTTP route to the function through the API gateway.
 *
 * <p><b>On AWS</b> this is an API Gateway route (HTTP API or REST API with Lambda proxy integration), such as
 * {@code GET /users/{id}} or {@code ANY /files/{proxy+}}. <b>Here</b> {@code faas run} serves it on its
 * embedded gateway and builds the same API Gateway event. A function with no HTTP trigger is still reachable at
 * {@code ANY /{name}} and {@code ANY /{name}/{proxy+}}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(HttpTriggers.class)
public @interface HttpTrigger {

    /** HTTP method ({@code GET}, {@code POST}, ...) or {@code ANY}. */
    String method() default "ANY";

    /** Route path: literal segments, {@code {param}} segments and a final greedy {@code {proxy+}}. */
    String path();

    /**
     * The API Gateway payload format the function gets on this route: {@code "1.0"} (REST API proxy event,
     * {@code APIGatewayProxyRequestEvent}) or {@code "2.0"} (HTTP API event). Left out, it is inferred: 1.0 for a
     * handler taking {@code APIGatewayProxyRequestEvent} or a JAR with a web-framework adapter
     * ({@code aws-serverless-java-container}), else 2.0. <b>On AWS</b> this is the integration's
     * {@code PayloadFormatVersion} (HTTP API) or the choice of a REST API.
     */
    String payloadFormat() default "";
}
