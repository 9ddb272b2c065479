package dev.localfaas.runtime.trigger.queue.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where queues on Kafka live: {@code kafka://host:port[,host:port...][?partitions=N]}. {@code partitions} is how many
 * partitions a queue's topic gets when localfaas creates it (the most instances that can share one queue's work).
 */
public record BrokerAddress(List<String> bootstrapServers, int partitions) {

    public static final int DEFAULT_PARTITIONS = 6;
    private static final String SCHEME = "kafka://";
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._-]+:[0-9]{1,5}|\\[[0-9A-Fa-f:]+\\]:[0-9]{1,5}");
    private static final String USE = "; use kafka://host:9092[,host2:9092][?partitions=6]";

    public BrokerAddress {
        bootstrapServers = List.copyOf(bootstrapServers);
    }

    /**
     * Reads a broker address.
     *
     * @throws IllegalArgumentException with a one-line message naming what is wrong and the form to use
     */
    public static BrokerAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the broker address is empty" + USE);
        }
        String rest = text.strip();
        if (!rest.startsWith(SCHEME)) {
            int colon = rest.indexOf("://");
            throw new IllegalArgumentException("'" + text + "' is not a Kafka address"
                    + (colon > 0 ? " (scheme " + rest.substring(0, colon) + " is not supported; only kafka)" : "") + USE);
        }
        rest = rest.substring(SCHEME.length());
        int partitions = DEFAULT_PARTITIONS;
        int query = rest.indexOf('?');
        if (query >= 0) {
            partitions = partitions(text, rest.substring(query + 1));
            rest = rest.substring(0, query);
        }
        List<String> servers = new ArrayList<>();
        for (String server : rest.split(",", -1)) {
            String s = server.strip();
            if (!HOST_PORT.matcher(s).matches()) {
                throw new IllegalArgumentException("'" + text + "' names "
                        + (s.isEmpty() ? "an empty broker" : "broker '" + s + "'") + ", not host:port" + USE);
            }
            int port = Integer.parseInt(s.substring(s.lastIndexOf(':') + 1));
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("'" + text + "' names port " + port + ", not a TCP port" + USE);
            }
            servers.add(s);
        }
        return new BrokerAddress(servers, partitions);
    }

    private static int partitions(String text, String query) {
        if (!query.startsWith("partitions=")) {
            throw new IllegalArgumentException("'" + text + "' has an unknown option '" + query + "'" + USE);
        }
        try {
            int n = Integer.parseInt(query.substring("partitions=".length()));
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException("'" + text + "' asks for " + query + "; use partitions=1 to 1000" + USE);
    }

    /** The brokers as Kafka's {@code bootstrap.servers} takes them. */
    public String servers() {
        return String.join(",", bootstrapServers);
    }

    @Override
    public String toString() {
        return SCHEME + servers();
    }
}
