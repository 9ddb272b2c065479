package dev.localfaas.runtime.trigger.kafka;
import org.junit.jupiter.api.Test;
class TmpBrokerCheckTest {
    @Test void starts() {
        long t = System.nanoTime();
        KafkaBroker b = KafkaBroker.shared();
        System.out.println("BROKER " + b.bootstrapServers() + " in " + (System.nanoTime() - t) / 1_000_000 + " ms");
        System.out.println("TOPIC " + b.createTopic("x", 3));
    }
}
