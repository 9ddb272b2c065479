package dev.localfaas.runtime.awsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * SQS API throughput against the real gateway and store (durability on), next to the admin endpoint's: messages/s
 * for SendMessage, SendMessageBatch (10), ReceiveMessage + DeleteMessage (1) and ReceiveMessage (10) +
 * DeleteMessageBatch, from {@code bench.threads} client threads (default 16) for {@code bench.seconds} each (default
 * 10). Not run by verify: {@code mvn -B -pl runtime -am test -Dtest=SqsApiThroughputBenchmark
 * -Dfaas.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class SqsApiThroughputBenchmark {
    static final int THREADS = Integer.getInteger("bench.threads", 16);
    static final Duration EACH = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));

    @TempDir
    Path dir;

    interface Step {
        /** One request; returns how many messages it moved. */
        int run(SqsClient sqs) throws Exception;
    }

    @Test
    void sqsApiNextToTheAdminEndpoint() throws Exception {
        try (AwsApiGateway gw = AwsApiGateway.start(dir.resolve("functions"), dir.resolve("state"))) {
            List<SqsClient> clients = IntStream.range(0, THREADS).mapToObj(i -> gw.sqs()).toList();
            SqsClient sqs = clients.get(0);
            String one = sqs.createQueue(r -> r.queueName("bench-one")).queueUrl();
            String ten = sqs.createQueue(r -> r.queueName("bench-ten")).queueUrl();
            HttpClient http = HttpClient.newHttpClient();
            URI admin = URI.create(gw.url() + "/_faas/queues/bench-admin/messages");
            String body = "{\"orderId\":\"0a5231c7-8bff-4955-be2e-8dc7c50a25fa\",\"item\":\"coffee\"}";
            List<SendMessageBatchRequestEntry> batch = IntStream.range(0, 10).mapToObj(i ->
                    SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(body).build()).toList();

            List<String> report = new ArrayList<>();
            report.add(measure("warm-up (SendMessage)", clients, c -> {
                c.sendMessage(r -> r.queueUrl(one).messageBody(body));
                return 1;
            }));
            report.add(measure("admin POST /_faas/queues/{q}/messages", clients, c -> {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(admin)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                assertEquals(200, r.statusCode());
                return 1;
            }));
            report.add(measure("SQS SendMessage (1 per request)", clients, c -> {
                c.sendMessage(r -> r.queueUrl(one).messageBody(body));
                return 1;
            }));
            report.add(measure("SQS SendMessageBatch (10 per request)", clients, c -> {
                c.sendMessageBatch(r -> r.queueUrl(ten).entries(batch));
                return 10;
            }));
            report.add(measure("SQS ReceiveMessage + DeleteMessage (1)", clients, c -> {
                List<Message> got = c.receiveMessage(r -> r.queueUrl(one)).messages();
                for (Message m : got) {
                    c.deleteMessage(r -> r.queueUrl(one).receiptHandle(m.receiptHandle()));
                }
                return got.size();
            }));
            report.add(measure("SQS ReceiveMessage (10) + DeleteMessageBatch", clients, c -> {
                List<Message> got = c.receiveMessage(r -> r.queueUrl(ten).maxNumberOfMessages(10)).messages();
                if (!got.isEmpty()) {
                    c.deleteMessageBatch(r -> r.queueUrl(ten).entries(got.stream().map(m -> DeleteMessageBatchRequestEntry
                            .builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList()));
                }
                return got.size();
            }));
            clients.forEach(SqsClient::close);
            System.out.println("SQS API throughput, " + THREADS + " client threads, " + EACH.toSeconds() + " s each, load "
                    + String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage()) + ":");
            report.forEach(System.out::println);
        }
    }

    private static String measure(String name, List<SqsClient> clients, Step step) throws Exception {
        LongAdder messages = new LongAdder();
        LongAdder requests = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        long end = System.nanoTime() + EACH.toNanos();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (SqsClient c : clients) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    messages.add(step.run(c));
                    requests.increment();
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return String.format("  %-45s %9.0f messages/s %9.0f requests/s", name, messages.sum() / seconds,
                requests.sum() / seconds);
    }
}
