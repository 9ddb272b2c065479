package dev.localfaas.runtime.trigger.bucket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The S3 event notification JSON Lambda receives (event version 2.1): {@code Records[].s3.bucket} and
 * {@code .object} with the key (URL-encoded, as S3 writes it), size, eTag and sequencer; a delete carries only key
 * and sequencer.
 */
final class S3Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String region;

    S3Events(String region) {
        this.region = region;
    }

    byte[] event(ObjectChange change, String configurationId, String requestId) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        record.put("eventName", change.eventName());
        record.putObject("userIdentity").put("principalId", "AWS:LOCALFAAS");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        record.putObject("responseElements").put("x-amz-request-id", requestId.replace("-", "").substring(0, 16).toUpperCase())
                .put("x-amz-id-2", requestId);
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        s3.putObject("bucket").put("name", change.bucket())
                .<ObjectNode>set("ownerIdentity", JSON.createObjectNode().put("principalId", "LOCALFAAS"))
                .put("arn", "arn:aws:s3:::" + change.bucket());
        ObjectNode object = s3.putObject("object");
        object.put("key", URLEncoder.encode(change.key(), StandardCharsets.UTF_8).replace("%2F", "/"));
        if (change.eTag() != null) {
            object.put("size", change.size());
            object.put("eTag", change.eTag());
        }
        object.put("sequencer", change.sequencer());
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }
}
