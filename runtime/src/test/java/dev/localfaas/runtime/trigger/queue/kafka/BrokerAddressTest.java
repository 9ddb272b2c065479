package dev.localfaas.runtime.trigger.queue.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerAddressTest {

    @Test
    void readsBrokersAndPartitions() {
        BrokerAddress a = BrokerAddress.parse("kafka://localhost:9092,10.0.0.2:9093?partitions=3");
        assertEquals(List.of("localhost:9092", "10.0.0.2:9093"), a.bootstrapServers());
        assertEquals(3, a.partitions());
        assertEquals("localhost:9092,10.0.0.2:9093", a.servers());
        assertEquals(BrokerAddress.DEFAULT_PARTITIONS, BrokerAddress.parse("kafka://h:1").partitions());
    }

    @Test
    void aBadAddressIsOneLineWithTheFormToUse() {
        String use = "; use kafka://host:9092[,host2:9092][?partitions=6]";
        assertEquals("'localhost:9092' is not a Kafka address" + use, message("localhost:9092"));
        assertEquals("'amqp://h:5672' is not a Kafka address (scheme amqp is not supported; only kafka)" + use,
                message("amqp://h:5672"));
        assertEquals("'kafka://localhost' names broker 'localhost', not host:port" + use, message("kafka://localhost"));
        assertEquals("'kafka://h:1,' names an empty broker, not host:port" + use, message("kafka://h:1,"));
        assertEquals("'kafka://h:99999' names port 99999, not a TCP port" + use, message("kafka://h:99999"));
        assertEquals("'kafka://h:1?partitions=0' asks for partitions=0; use partitions=1 to 1000" + use,
                message("kafka://h:1?partitions=0"));
        assertEquals("'kafka://h:1?acks=all' has an unknown option 'acks=all'" + use, message("kafka://h:1?acks=all"));
    }

    @Test
    void aBrokerThatDoesNotAnswerIsOneLineSayingWhatToDo() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        BrokerAddress nobody = BrokerAddress.parse("kafka://127.0.0.1:" + port);
        String message = assertThrows(dev.localfaas.runtime.trigger.queue.QueueStoreException.class,
                () -> KafkaQueueBackend.open(nobody, line -> { }, java.time.Duration.ofMillis(1500))).getMessage();
        org.junit.jupiter.api.Assertions.assertTrue(message.startsWith("no Kafka broker answers at kafka://127.0.0.1:"
                + port + " ("), message);
        org.junit.jupiter.api.Assertions.assertTrue(message.endsWith("); start one (docs/kafka.md shows how) or run"
                + " without --broker to keep the queues in SQLite"), message);
        org.junit.jupiter.api.Assertions.assertFalse(message.contains("\n"), message);
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> BrokerAddress.parse(text)).getMessage();
    }
}
