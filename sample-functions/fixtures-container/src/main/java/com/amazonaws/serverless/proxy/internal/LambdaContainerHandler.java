package com.amazonaws.serverless.proxy.internal;

/**
 * Stands in for aws-serverless-java-container-core's class of this name (the fixture does not download the library):
 * its package on the JAR is what tells localfaas that the handler is a web-framework adapter expecting payload 1.0.
 */
public abstract class LambdaContainerHandler {
}
