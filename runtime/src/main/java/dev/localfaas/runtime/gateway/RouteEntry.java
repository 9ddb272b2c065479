package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.function.HttpRoute;

/**
 * A route the gateway serves and the function behind it.
 *
 * @param implicit true for the {@code ANY /{name}} routes a function without an HTTP trigger gets
 */
public record RouteEntry(String function, HttpRoute route, boolean implicit) {
}
