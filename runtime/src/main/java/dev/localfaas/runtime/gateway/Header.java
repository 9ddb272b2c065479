package dev.localfaas.runtime.gateway;

/** One HTTP header line; lists of these keep order and repetition, which maps cannot. */
record Header(String name, String value) {
}
