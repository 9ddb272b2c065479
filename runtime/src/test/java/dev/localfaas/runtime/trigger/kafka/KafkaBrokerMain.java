package dev.localfaas.runtime.trigger.kafka;

/**
 * The child JVM of {@link KafkaBroker}: formats the KRaft storage, then runs the broker, in one JVM start (a second
 * start for the format step cost seconds on a loaded machine).
 *
 * <p>Arguments: cluster id, server.properties path.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        int formatted = kafka.tools.StorageTool.execute(new String[] {"format", "-t", args[0], "-c", args[1]},
                System.out);
        if (formatted != 0) {
            System.out.println("formatting the storage failed with " + formatted);
            System.exit(formatted);
        }
        kafka.Kafka.main(new String[] {args[1]});
    }
}
