package dev.localfaas.runtime.config;

import dev.localfaas.runtime.config.yaml.Position;
import java.util.Map;

/**
 * An {@code AWS::ApiGateway::ApiKey}, {@code UsagePlan} or {@code UsagePlanKey}, its properties resolved and kept
 * as written (plain Java), for the gateway's API keys and usage plans to read.
 */
public record ApiAccessResource(String logicalId, String type, Map<String, Object> properties, Position position) {

    public static final String API_KEY = "AWS::ApiGateway::ApiKey";
    public static final String USAGE_PLAN = "AWS::ApiGateway::UsagePlan";
    public static final String USAGE_PLAN_KEY = "AWS::ApiGateway::UsagePlanKey";

    public ApiAccessResource {
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }
}
