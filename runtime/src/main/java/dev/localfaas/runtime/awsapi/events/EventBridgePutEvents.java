package dev.localfaas.runtime.awsapi.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.awsapi.AwsCall;
import dev.localfaas.runtime.trigger.bus.BusRequestException;
import dev.localfaas.runtime.trigger.bus.EventBuses;
import dev.localfaas.runtime.trigger.bus.EventEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PutEvents}, and the bus actions around it. Each entry is checked and put on its own bus; an entry that
 * EventBridge would refuse gets its {@code ErrorCode} in the answer and the others are still put, as EventBridge does.
 */
final class EventBridgePutEvents {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventBuses buses;

    EventBridgePutEvents(EventBuses buses) {
        this.buses = buses;
    }

    ObjectNode put(AwsCall call) {
        JsonNode entries = call.input().path("Entries");
        if (!entries.isArray() || entries.isEmpty() || entries.size() > 10) {
            throw EventBridgeErrors.validation("1 validation error detected: Value at 'entries' failed to satisfy"
                    + " constraint: Member must have length between 1 and 10");
        }
        ObjectNode out = NODES.objectNode();
        ArrayNode results = NODES.arrayNode();
        int failed = 0;
        for (JsonNode e : entries) {
            ObjectNode result = results.addObject();
            try {
                result.put("EventId", put(e, call.traceHeader()));
            } catch (EntryError x) {
                failed++;
                result.put("ErrorCode", x.code).put("ErrorMessage", x.getMessage());
            }
        }
        out.put("FailedEntryCount", failed);
        out.set("Entries", results);
        return out;
    }

    private String put(JsonNode e, String traceHeader) {
        String bus = e.path("EventBusName").asText("");
        bus = bus.isEmpty() ? EventBuses.DEFAULT : bus.replaceFirst("^arn:aws:events:[^:]*:\\d{12}:event-bus/", "");
        if (!buses.busExists(bus)) {
            throw new EntryError("NotFoundException", "Event bus " + bus + " does not exist.");
        }
        for (String required : List.of("Source", "DetailType", "Detail")) {
            if (e.path(required).asText("").isBlank()) {
                throw new EntryError("InvalidArgument", "Parameter " + required + " is not valid. Reason: "
                        + required + " is a required argument.");
            }
        }
        try {
            JsonNode detail = JSON.readTree(e.get("Detail").asText());
            if (detail == null || !detail.isObject()) {
                throw new EntryError("MalformedDetail", "Detail is malformed.");
            }
        } catch (IOException x) {
            throw new EntryError("MalformedDetail", "Detail is malformed.");
        }
        List<String> resources = new ArrayList<>();
        e.path("Resources").forEach(r -> resources.add(r.asText()));
        try {
            // the entry's TraceHeader, else the caller's X-Amzn-Trace-Id (the AWS SDK inside a traced function sends it)
            String trace = e.path("TraceHeader").asText("");
            EventEntry entry = new EventEntry(e.get("Source").asText(), e.get("DetailType").asText(),
                    e.get("Detail").asText(), resources, trace.isBlank() ? traceHeader : trace);
            return buses.putEvents(bus, List.of(entry)).get(0).eventId();
        } catch (BusRequestException x) {
            throw new EntryError("InvalidArgument", x.getMessage());
        }
    }

    ObjectNode createBus(AwsCall call) {
        String name = call.text("Name");
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,256}") || name.equals(EventBuses.DEFAULT)) {
            throw EventBridgeErrors.validation("Event bus name '" + name + "' is not valid; use letters, digits, . - or"
                    + " _ (not 'default')");
        }
        if (buses.busExists(name)) {
            throw EventBridgeErrors.alreadyExists("Event bus " + name + " already exists.");
        }
        ObjectNode out = NODES.objectNode();
        out.put("EventBusArn", buses.createBus(name));
        return out;
    }

    ObjectNode listBuses(AwsCall call) {
        String prefix = call.text("NamePrefix") == null ? "" : call.text("NamePrefix");
        ObjectNode out = NODES.objectNode();
        ArrayNode list = out.putArray("EventBuses");
        buses.buses().stream().filter(b -> b.startsWith(prefix))
                .forEach(b -> list.addObject().put("Name", b).put("Arn", buses.busArn(b)));
        return out;
    }

    /** One entry's refusal, reported in its place in the answer. */
    private static final class EntryError extends RuntimeException {
        final String code;

        EntryError(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
