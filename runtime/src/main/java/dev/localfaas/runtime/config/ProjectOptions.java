package dev.localfaas.runtime.config;

import java.util.Map;

/**
 * How a project file is read: the values the command line and the process give it.
 *
 * @param parameterOverrides {@code --parameter-overrides Key=Value}: template parameters (SAM), {@code ${opt:...}}
 *                           options (Serverless)
 * @param stage              the Serverless Framework stage when {@code --stage} is given, "" for the file's default
 * @param environment        what {@code ${env:X}} reads (the process environment, passed in once)
 * @param endpoint           the gateway's base URL, for queue URLs
 */
public record ProjectOptions(Map<String, String> parameterOverrides, String stage, Map<String, String> environment,
                             String region, String accountId, String endpoint) {

    public ProjectOptions {
        parameterOverrides = Map.copyOf(parameterOverrides);
        environment = Map.copyOf(environment);
    }

    public static ProjectOptions defaults() {
        return new ProjectOptions(Map.of(), "", Map.of(), "us-east-1", "123456789012", "http://127.0.0.1:3000");
    }

    public ProjectOptions withParameterOverrides(Map<String, String> overrides) {
        return new ProjectOptions(overrides, stage, environment, region, accountId, endpoint);
    }

    public ProjectOptions withEnvironment(Map<String, String> env) {
        return new ProjectOptions(parameterOverrides, stage, env, region, accountId, endpoint);
    }

    public ProjectOptions withEndpoint(String url) {
        return new ProjectOptions(parameterOverrides, stage, environment, region, accountId, url);
    }

    public ProjectOptions withStage(String s) {
        return new ProjectOptions(parameterOverrides, s, environment, region, accountId, endpoint);
    }
}
