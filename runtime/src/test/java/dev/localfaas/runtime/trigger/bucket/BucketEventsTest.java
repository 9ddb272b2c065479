package dev.localfaas.runtime.trigger.bucket;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.trigger.PubSubGateway;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bucket folder under the state dir: files written or removed there reach an S3Event handler as S3 does it. */
class BucketEventsTest {

    @TempDir
    Path tmp;

    private static String results(PubSubGateway faas) {
        return String.join("\n", faas.invocationsOf("csv-uploads").stream()
                .map(r -> new String(r.payload(), StandardCharsets.UTF_8)).toList());
    }

    @Test
    void aCompletedFileAndARemovedOneReachTheFunctionFilteredByPrefixAndSuffix() throws Exception {
        try (PubSubGateway faas = PubSubGateway.start(tmp, List.of(), "fixtures-pubsub.jar")) {
            Path bucket = faas.events.buckets().folder("uploads");
            assertEquals(tmp.resolve("state/buckets/uploads"), bucket);
            Path incoming = Files.createDirectories(bucket.resolve("incoming"));
            byte[] content = "id,amount\n1,150\n".getBytes(StandardCharsets.UTF_8);
            // Written in two parts with a pause shorter than the half second a file must stay unchanged: one event,
            // for the complete file.
            try (OutputStream out = Files.newOutputStream(incoming.resolve("march sales.csv"))) {
                out.write(content, 0, 5);
                out.flush();
                await().pollDelay(150, TimeUnit.MILLISECONDS).until(() -> true);
                out.write(content, 5, content.length - 5);
            }
            Files.writeString(bucket.resolve("notes.txt"), "not a csv");
            Files.writeString(incoming.resolve("other.txt"), "not a csv either");

            await().atMost(20, TimeUnit.SECONDS).until(() -> faas.invocationsOf("csv-uploads").size() == 1);
            InvocationResult created = faas.invocationsOf("csv-uploads").get(0);
            assertEquals(Trigger.BUCKET, created.trigger());
            String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
            String[] fields = new String(created.payload(), StandardCharsets.UTF_8).split("\\|");
            assertEquals("ObjectCreated:Put", fields[0], results(faas));
            assertEquals("aws:s3", fields[1]);
            assertEquals("uploads", fields[2]);
            assertEquals("arn:aws:s3:::uploads", fields[3]);
            assertEquals("incoming/march+sales.csv", fields[4], "keys are URL-encoded, as S3 sends them");
            assertEquals("incoming/march sales.csv", fields[5]);
            assertEquals(String.valueOf(content.length), fields[6]);
            assertEquals(md5, fields[7]);
            assertTrue(fields[8].matches("[0-9A-F]{16}"), fields[8]);

            Files.delete(incoming.resolve("march sales.csv"));
            await().atMost(20, TimeUnit.SECONDS).until(() -> faas.invocationsOf("csv-uploads").size() == 2);
            String removed = new String(faas.invocationsOf("csv-uploads").get(1).payload(), StandardCharsets.UTF_8);
            // A dot-file is no object: written under a hidden name and renamed, a file is announced once, whole.
            Files.writeString(incoming.resolve(".april.csv"), "id,amount\n2,20\n");
            Files.move(incoming.resolve(".april.csv"), incoming.resolve("april.csv"));
            await().atMost(20, TimeUnit.SECONDS).until(() -> faas.invocationsOf("csv-uploads").size() == 3);
            assertTrue(results(faas).contains("ObjectCreated:Put|aws:s3|uploads|arn:aws:s3:::uploads|incoming/april.csv"
                    + "|incoming/april.csv|15|"), results(faas));
            assertTrue(removed.startsWith("ObjectRemoved:Delete|aws:s3|uploads|"), removed);
            assertTrue(Long.parseLong(removed.split("\\|")[8], 16) > Long.parseLong(fields[8], 16),
                    "sequencers grow");

            JsonNode notification = faas.get("/_faas/buckets").at("/buckets/0/notifications/0");
            assertEquals("csv-uploads", notification.get("function").asText());
            assertEquals(3, notification.at("/counts/matched").asInt(), notification.toString());
            assertEquals(2, notification.at("/counts/filtered").asInt(), notification.toString());
        }
    }
}
