package dev.localfaas.runtime.trigger.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.Samples;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.KafkaTriggerSpec;
import dev.localfaas.runtime.trigger.queue.SqliteQueueBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka trigger against Apache Kafka's own broker ({@link KafkaBroker}, shared by the test classes), running the
 * fixtures-kafka JAR, whose {@code KafkaEvent} handler writes a line per record it gets and fails on "poison".
 */
class KafkaTriggerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    LocalFaas faas;
    KafkaTriggers triggers;
    SqliteQueueBackend queues;
    final List<InvocationResult> invocations = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();

    private Path start(KafkaTriggerSpec kafka) throws Exception {
        Path functions = Files.createDirectories(dir.resolve("functions"));
        Files.copy(Samples.testFunctions().resolve("fixtures-kafka.jar"), functions.resolve("fixtures-kafka.jar"));
        Path records = dir.resolve("records.txt");
        RuntimeConfig config = RuntimeConfig.forDirectory(functions);
        faas = LocalFaas.open(config, f -> new FunctionSpec(f.name(), f.jar(), f.handler(), f.memoryMb(), 10,
                f.concurrency(), Map.of("RECORD_FILE", records.toString()), f.inputType(), f.httpRoutes(), f.schedules(),
                f.queues(), f.architecture(), f.layers(), f.events().withKafka(List.of(kafka))));
        faas.addListener(invocations::add);
        queues = SqliteQueueBackend.open(dir.resolve("queues.db"), notices::add);
        triggers = new KafkaTriggers(faas, FailureSink.of(queues, null),
                KafkaSettings.defaults(KafkaBroker.shared().bootstrapServers(), config.region(), config.accountId())
                        .withRetryWaits(Duration.ofMillis(50), Duration.ofMillis(200)), notices::add);
        triggers.start(faas.functions());
        return records;
    }

    @AfterEach
    void stop() {
        if (triggers != null) {
            triggers.close();
        }
        if (faas != null) {
            faas.close();
        }
        if (queues != null) {
            queues.close();
        }
    }

    /** The lines the handler wrote: {@code requestId key topic partition offset value key headers type source servers arn}. */
    private static List<String[]> lines(Path records) throws Exception {
        return Files.exists(records) ? Files.readAllLines(records).stream().map(l -> l.split(" ")).toList() : List.of();
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
        try (Admin admin = KafkaBroker.shared().admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void deliversEachPartitionInOrderInBatchesOfTenAsLambdasKafkaEventAndCommitsAfterwards() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        String topic = broker.createTopic("ordered", 3);
        List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            for (int p = 0; p < 3; p++) {
                sent.add(new ProducerRecord<>(topic, p, ("k" + p).getBytes(StandardCharsets.UTF_8),
                        ("p" + p + "-" + i).getBytes(StandardCharsets.UTF_8),
                        List.of(new RecordHeader("source", "test".getBytes(StandardCharsets.UTF_8)))));
            }
        }
        broker.send(sent);
        Path records = start(KafkaTriggerSpec.of("", topic).withBatching(10, 200));

        await().atMost(Duration.ofSeconds(60)).until(() -> lines(records).size() >= 75);
        List<String[]> got = lines(records);
        assertEquals(75, got.size(), "every record once: no failure, so no retry");
        Map<String, Integer> perBatch = new HashMap<>();
        Map<Integer, List<String>> valuesByPartition = new LinkedHashMap<>();
        for (String[] l : got) {
            perBatch.merge(l[0], 1, Integer::sum);
            int partition = Integer.parseInt(l[3]);
            assertEquals(topic + "-" + partition, l[1], "records keyed topic-partition");
            assertEquals(topic, l[2]);
            valuesByPartition.computeIfAbsent(partition, p -> new ArrayList<>()).add(l[5]);
            assertEquals("p" + partition + "-" + l[4], l[5], "offset i holds value i of its partition");
            assertEquals("k" + partition, l[6], "base64 key decoded by KafkaEvent's reader");
            assertEquals("source=test;", l[7], "headers as byte arrays");
            assertEquals("CREATE_TIME", l[8]);
            assertEquals("SelfManagedKafka", l[9]);
            assertEquals(broker.bootstrapServers(), l[10]);
        }
        assertTrue(perBatch.values().stream().allMatch(n -> n <= 10), "batch size 10: " + perBatch.values());
        for (int p = 0; p < 3; p++) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                expected.add("p" + p + "-" + i);
            }
            assertEquals(expected, valuesByPartition.get(p), "partition " + p + " in order");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> committed("localfaas-KafkaRecorder").entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic)).mapToLong(e -> e.getValue().offset()).sum() == 75);
        faas.flush();
        assertTrue(invocations.stream().allMatch(i -> i.trigger() == Trigger.KAFKA), "metered with trigger kafka");
        KafkaTriggerInfo info = triggers.triggers().get(0);
        assertEquals(75, info.records());
        assertEquals(3, info.partitions().size(), "this instance owns the three partitions: " + info.partitions());
    }

    @Test
    void aPoisonRecordGoesToTheOnFailureQueueAfterItsRetriesAndThePartitionMovesOn() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        String topic = broker.createTopic("poison", 1);
        List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
        for (String v : List.of("a", "b", "poison", "c", "d")) {
            sent.add(new ProducerRecord<>(topic, 0, null, v.getBytes(StandardCharsets.UTF_8)));
        }
        broker.send(sent);
        Path records = start(KafkaTriggerSpec.of("", topic).withBatching(10, 200).withGroup("poison-group")
                .withRetries(2, true, "queue:kafka-failures"));

        await().atMost(Duration.ofSeconds(60)).until(() -> queues.exists("kafka-failures")
                && !queues.peek("kafka-failures", 10).isEmpty()
                && committed("poison-group").values().stream().mapToLong(OffsetAndMetadata::offset).sum() == 5);
        List<String> values = lines(records).stream().map(l -> l[5]).toList();
        assertTrue(values.stream().filter("poison"::equals).count() >= 3,
                "bisected down to the poison record, which is invoked once and retried twice: " + values);
        assertTrue(values.containsAll(List.of("a", "b", "c", "d")), "the partition moved on past it: " + values);
        JsonNode failure = JSON.readTree(queues.peek("kafka-failures", 10).get(0).body());
        assertEquals("RetryAttemptsExhausted", failure.at("/requestContext/condition").asText());
        assertEquals(3, failure.at("/requestContext/approximateInvokeCount").asInt());
        assertEquals("java.lang.IllegalStateException", failure.at("/responseContext/functionError").asText());
        assertEquals(1, failure.at("/KafkaBatchInfo/batchSize").asInt());
        assertEquals("2", failure.at("/KafkaBatchInfo/recordsInfo/" + topic + "-0/firstRecordOffset").asText());
        assertEquals("poison-group", failure.at("/KafkaBatchInfo/consumerGroupId").asText());
        assertEquals("cG9pc29u", failure.at("/payload/records/" + topic + "-0/0/value").asText(), "base64 of poison");
        assertTrue(notices.stream().anyMatch(n -> n.contains("sent 1 record(s) of " + topic + "-0 after 3 invocation(s)"
                + " (RetryAttemptsExhausted) to queue:kafka-failures")), notices.toString());
        assertEquals(1, triggers.triggers().get(0).sentToDestination());
    }

    @Test
    void filterCriteriaMatchTheValueAsJsonAndFilteredRecordsAreCommittedToo() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        String topic = broker.createTopic("filtered", 1);
        List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
        for (String v : List.of("{\"type\":\"order\",\"n\":1}", "{\"type\":\"ping\"}", "not json", "{\"type\":\"order\",\"n\":2}")) {
            sent.add(new ProducerRecord<>(topic, 0, null, v.getBytes(StandardCharsets.UTF_8)));
        }
        broker.send(sent);
        Path records = start(KafkaTriggerSpec.of("", topic).withBatching(10, 200).withGroup("filter-group")
                .withFilters(List.of("{\"value\": {\"type\": [\"order\"]}}")));

        await().atMost(Duration.ofSeconds(60)).until(() -> committed("filter-group").values().stream()
                .mapToLong(OffsetAndMetadata::offset).sum() == 4);
        assertEquals(List.of("0", "3"), lines(records).stream().map(l -> l[4]).toList());
        assertEquals(2, triggers.triggers().get(0).filtered());
    }

    @Test
    void aTriggerWithoutBrokersOrWithABadSettingIsRefusedInOneLinePerProblem() throws Exception {
        Path functions = Files.createDirectories(dir.resolve("functions"));
        Files.copy(Samples.testFunctions().resolve("fixtures-kafka.jar"), functions.resolve("fixtures-kafka.jar"));
        faas = LocalFaas.open(RuntimeConfig.forDirectory(functions), f -> new FunctionSpec(f.name(), f.jar(), f.handler(),
                f.memoryMb(), f.timeoutSeconds(), f.concurrency(), f.environment(), f.inputType(), f.httpRoutes(),
                f.schedules(), f.queues(), f.architecture(), f.layers(), f.events().withKafka(List.of(
                        KafkaTriggerSpec.of("", "orders").withBatching(20_000, 0)))));
        KafkaTriggers refusing = new KafkaTriggers(faas, FailureSink.NONE, KafkaSettings.defaults("", "us-east-1",
                "123456789012"), notices::add);
        KafkaTriggerException e = org.junit.jupiter.api.Assertions.assertThrows(KafkaTriggerException.class,
                () -> refusing.start(faas.functions()));
        assertEquals(List.of(
                "KafkaRecorder: Kafka trigger on orders: no bootstrap servers; set KafkaBootstrapServers (template),"
                        + " bootstrapServers (@KafkaTrigger), or start faas run --kafka host:9092",
                "KafkaRecorder: Kafka trigger on orders: BatchSize 20000 is out of range; use 1 to 10000"), e.problems());
        refusing.close();
    }
}
