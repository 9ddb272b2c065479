package dev.localfaas.runtime.trigger.kafka;

/**
 * The child JVM of {@link KafkaBroker}: formats the KRaft storage, then runs the broker, in one JVM start (a second
 * start for the format step cost seconds on a loaded machine).
 *
 * <p>Arguments: cluster id, server.properties path, the test JVM's pid. The broker halts when that JVM is gone, so that
 * a test run that was killed leaves no broker behind.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        long parent = Long.parseLong(args[2]);
        Thread watch = new Thread(() -> {
            while (ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
        int formatted = kafka.tools.StorageTool.execute(new String[] {"format", "-t", args[0], "-c", args[1]},
                System.out);
        if (formatted != 0) {
            System.out.println("formatting the storage failed with " + formatted);
            System.exit(formatted);
        }
        kafka.Kafka.main(new String[] {args[1]});
    }
}
