package dev.localfaas.runtime.gateway;

/**
 * The AWS service APIs the gateway serves beside function routes (SQS, Lambda management, ...): a request the
 * gateway recognised by its protocol headers ({@link AwsApiHandler#claims}) goes in whole, an answer comes out. Runs
 * on a worker thread and may block (SQS long polling).
 */
@FunctionalInterface
public interface AwsApi {
    AwsApiResponse handle(AwsApiRequest request);
}
