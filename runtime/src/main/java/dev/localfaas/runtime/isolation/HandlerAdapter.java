package dev.localfaas.runtime.isolation;

/**
 * One handler form adapted to bytes in, bytes out: the event as the caller sent it, the response as the caller
 * receives it. Exceptions thrown are the function's own (or the runtime's JSON errors), reported as Lambda
 * reports them.
 */
public interface HandlerAdapter {

    byte[] invoke(byte[] event, Object context) throws Throwable;
}
