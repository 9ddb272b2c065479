package dev.localfaas.runtime.trigger.kafka;

import static org.awaitility.Awaitility.await;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.Samples;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.KafkaTriggerSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records per second through a trivial {@code KafkaEvent} handler (fixtures-kafka without RECORD_FILE: it decodes
 * each record and answers), from records already on the broker to their offsets committed; one instance, then two
 * instances of the trigger (two engines in one JVM, one consumer group) splitting 4 partitions. Run with
 * {@code mvn -pl runtime test -Dfaas.excludedGroups=none -Dgroups=benchmark -Dtest=KafkaThroughputBenchmark}.
 */
@Tag("benchmark")
class KafkaThroughputBenchmark {

    private static final int RECORDS = 40_000;

    @TempDir
    Path dir;

    @Test
    void recordsPerSecondWithOneAndTwoInstances() throws Exception {
        Files.copy(Samples.testFunctions().resolve("fixtures-kafka.jar"), dir.resolve("fixtures-kafka.jar"));
        for (int instances : new int[] {1, 2, 1, 2}) {
            KafkaBroker broker = KafkaBroker.shared();
            String topic = broker.createTopic("bench", 4);
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                records.add(new ProducerRecord<>(topic, i % 4, null,
                        ("{\"order\":" + i + ",\"amount\":12.5}").getBytes(StandardCharsets.UTF_8)));
            }
            broker.send(records);
            String group = "bench-" + topic;
            List<AutoCloseable> open = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < instances; i++) {
                LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(dir), f -> new FunctionSpec(f.name(), f.jar(),
                        f.handler(), 512, 10, f.concurrency(), Map.of(), f.inputType(), f.httpRoutes(), f.schedules(),
                        f.queues(), f.architecture(), f.layers(), f.events().withKafka(List.of(
                                KafkaTriggerSpec.of(broker.bootstrapServers(), topic).withBatching(100, 0).withGroup(group)))));
                KafkaTriggers triggers = new KafkaTriggers(faas, FailureSink.NONE,
                        KafkaSettings.defaults("", "us-east-1", "123456789012"), line -> { });
                triggers.start(faas.functions());
                open.add(faas);
                open.add(triggers);
            }
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() -> committed(group) == RECORDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("kafka trigger, %d instance(s), batch 100, 4 partitions: %d records in %.2f s = %.0f records/s%n",
                    instances, RECORDS, seconds, RECORDS / seconds);
            for (int i = open.size() - 1; i >= 0; i--) {
                open.get(i).close();
            }
        }
    }

    private static long committed(String group) throws Exception {
        try (Admin admin = KafkaBroker.shared().admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .values().stream().mapToLong(OffsetAndMetadata::offset).sum();
        }
    }
}
