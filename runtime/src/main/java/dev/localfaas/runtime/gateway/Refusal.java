package dev.localfaas.runtime.gateway;

import io.undertow.server.HttpServerExchange;

/** How a guard in the chain says no, in the dialect of the API behind it (API Gateway JSON, Invoke API errors). */
@FunctionalInterface
interface Refusal {

    void refuse(HttpServerExchange exchange, int status, String message);

    /** {@code {"message": "..."}}, as API Gateway and the admin API answer. */
    Refusal MESSAGE = Responses::message;
}
