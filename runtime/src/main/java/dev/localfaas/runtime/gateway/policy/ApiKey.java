package dev.localfaas.runtime.gateway.policy;

/**
 * The API key a request was admitted with, as API Gateway names it in {@code requestContext.identity}.
 *
 * @param id    the key's id ({@code apiKeyId})
 * @param value the key itself, as the caller sent it ({@code apiKey})
 */
public record ApiKey(String id, String name, String value) {
}
