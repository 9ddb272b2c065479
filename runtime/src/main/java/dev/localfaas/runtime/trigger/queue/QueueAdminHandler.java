package dev.localfaas.runtime.trigger.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The queue admin API, for the gateway to mount under {@code /_faas/queues}:
 * <pre>
 * GET  /_faas/queues                          every queue: counts, dead-letter queue, consumers
 * POST /_faas/queues/{queue}/messages         send; body = message body; ?delaySeconds=S&amp;attribute=k=v
 * GET  /_faas/queues/{queue}/messages?peek=N  up to N messages (default 10, at most 1000) without receiving them
 * POST /_faas/queues/{dlq}/redrive            move dead letters back to their source queue
 * POST /_faas/queues/{queue}/purge            delete every message of the queue (SQS PurgeQueue)
 * </pre>
 * Answers are JSON; errors are {@code {"message": "..."}} with 400, 404, 405 or 500. Store work leaves the IO thread.
 */
public final class QueueAdminHandler implements HttpHandler {
    public static final String PREFIX = "/_faas/queues";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final QueueBackend queues;
    private final Supplier<List<ConsumerInfo>> consumers;

    public QueueAdminHandler(QueueBackend queues, Supplier<List<ConsumerInfo>> consumers) {
        this.queues = queues;
        this.consumers = consumers;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        exchange.startBlocking();
        try {
            route(exchange);
        } catch (QueueRequestException e) {
            answer(exchange, StatusCodes.BAD_REQUEST, Map.of("message", e.getMessage()));
        } catch (QueueStoreException e) {
            answer(exchange, StatusCodes.INTERNAL_SERVER_ERROR, Map.of("message", e.getMessage()));
        }
    }

    private void route(HttpServerExchange exchange) throws IOException {
        // Wherever it is mounted (the gateway's /_faas dispatcher, a PathHandler prefix), route on what follows PREFIX.
        String full = exchange.getRequestPath();
        int at = full.indexOf(PREFIX);
        String path = at >= 0 ? full.substring(at + PREFIX.length()) : exchange.getRelativePath();
        String[] parts = path.replaceAll("^/+|/+$", "").split("/");
        HttpString method = exchange.getRequestMethod();
        if (parts.length == 1 && parts[0].isEmpty()) {
            requireMethod(exchange, method, Methods.GET, () -> answer(exchange, StatusCodes.OK, overview()));
        } else if (parts.length == 2 && parts[1].equals("messages")) {
            String queue = QueueNames.require(parts[0]);
            if (method.equals(Methods.POST)) {
                answer(exchange, StatusCodes.OK, send(exchange, queue));
            } else {
                requireMethod(exchange, method, Methods.GET, () -> peek(exchange, queue));
            }
        } else if (parts.length == 2 && parts[1].equals("redrive")) {
            String queue = QueueNames.require(parts[0]);
            requireMethod(exchange, method, Methods.POST, () -> {
                if (knownOr404(exchange, queue)) {
                    answer(exchange, StatusCodes.OK, Map.of("queue", queue, "moved", queues.redrive(queue)));
                }
            });
        } else if (parts.length == 2 && parts[1].equals("purge")) {
            String queue = QueueNames.require(parts[0]);
            requireMethod(exchange, method, Methods.POST, () -> {
                if (knownOr404(exchange, queue)) {
                    answer(exchange, StatusCodes.OK, Map.of("queue", queue, "purged", queues.purge(queue)));
                }
            });
        } else {
            answer(exchange, StatusCodes.NOT_FOUND, Map.of("message", "no queue endpoint at " + exchange.getRequestPath()
                    + "; use " + PREFIX + ", " + PREFIX + "/{queue}/messages, " + PREFIX + "/{queue}/redrive or " + PREFIX
                    + "/{queue}/purge"));
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private void requireMethod(HttpServerExchange exchange, HttpString method, HttpString allowed, Action action)
            throws IOException {
        if (method.equals(allowed)) {
            action.run();
        } else {
            exchange.getResponseHeaders().put(Headers.ALLOW, allowed.toString());
            answer(exchange, StatusCodes.METHOD_NOT_ALLOWED, Map.of("message", method + " " + exchange.getRequestPath()
                    + " is not supported; use " + allowed));
        }
    }

    private Map<String, Object> overview() {
        List<QueueStats> stats = queues.stats();
        Map<String, QueueStats> byName = new LinkedHashMap<>();
        stats.forEach(s -> byName.put(s.name(), s));
        List<ConsumerInfo> running = consumers.get();
        List<Map<String, Object>> out = new ArrayList<>();
        for (QueueStats s : stats) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("name", s.name());
            q.put("visible", s.visible());
            q.put("inFlight", s.inFlight());
            q.put("delayed", s.delayed());
            q.put("deadLetterQueue", s.deadLetterQueue());
            QueueStats dlq = s.deadLetterQueue() == null ? null : byName.get(s.deadLetterQueue());
            q.put("deadLetterQueueDepth", dlq == null ? null : dlq.total());
            q.put("consumers", running.stream().filter(c -> c.queue().equals(s.name())).toList());
            queues.ownedPartitions(s.name()).ifPresent(p -> q.put("partitions", p));
            out.add(q);
        }
        return Map.of("queues", out, "store", queues.location());
    }

    private Map<String, Object> send(HttpServerExchange exchange, String queue) throws IOException {
        byte[] bytes = exchange.getInputStream().readNBytes(OutgoingMessage.MAX_BYTES + 1);
        if (bytes.length > OutgoingMessage.MAX_BYTES) {
            // judged before decoding: the cut may fall inside a character, which is not the sender's fault
            throw new QueueRequestException("message is larger than " + OutgoingMessage.MAX_BYTES + " bytes; SQS allows"
                    + " at most " + OutgoingMessage.MAX_BYTES + " bytes (body and attributes), so store large payloads"
                    + " elsewhere and send a reference");
        }
        String body;
        try {
            body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new QueueRequestException("message body is not UTF-8 text; send text (base64-encode binary data)");
        }
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        for (String a : params(exchange, "attribute")) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new QueueRequestException("attribute '" + a + "' is not name=value; write it as attribute=Author=John");
            }
            attributes.put(a.substring(0, eq), MessageAttribute.string(a.substring(eq + 1)));
        }
        Duration delay = Duration.ofSeconds(intParam(exchange, "delaySeconds", 0));
        SentMessage sent = queues.send(queue, OutgoingMessage.of(body).withAttributes(attributes).withDelay(delay)
                .withTraceHeader(exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id")));
        return Map.of("queue", queue, "messageId", sent.messageId(), "md5OfBody", sent.md5OfBody());
    }

    private void peek(HttpServerExchange exchange, String queue) throws IOException {
        int max = intParam(exchange, "peek", 10);
        if (max < 1 || max > 1000) {
            throw new QueueRequestException("peek=" + max + " is out of range; use 1 to 1000");
        }
        if (knownOr404(exchange, queue)) {
            answer(exchange, StatusCodes.OK, Map.of("queue", queue, "messages", queues.peek(queue, max)));
        }
    }

    private boolean knownOr404(HttpServerExchange exchange, String queue) throws IOException {
        if (queues.exists(queue)) {
            return true;
        }
        answer(exchange, StatusCodes.NOT_FOUND, Map.of("message", "no queue named '" + queue
                + "'; a queue exists once a @QueueTrigger names it or a message is sent to it"));
        return false;
    }

    private static List<String> params(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null ? List.of() : List.copyOf(values);
    }

    private static int intParam(HttpServerExchange exchange, String name, int fallback) {
        List<String> values = params(exchange, name);
        if (values.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(values.get(0));
        } catch (NumberFormatException e) {
            throw new QueueRequestException(name + "=" + values.get(0) + " is not a whole number; give one, e.g. "
                    + name + "=" + fallback);
        }
    }

    private static void answer(HttpServerExchange exchange, int status, Object body) throws IOException {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(ByteBuffer.wrap(JSON.writeValueAsBytes(body)));
    }
}
