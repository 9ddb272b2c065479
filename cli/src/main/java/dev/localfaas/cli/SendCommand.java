package dev.localfaas.cli;

import dev.localfaas.runtime.trigger.queue.MessageAttribute;
import dev.localfaas.runtime.trigger.queue.OutgoingMessage;
import dev.localfaas.runtime.trigger.queue.QueueAdminHandler;
import dev.localfaas.runtime.trigger.queue.QueueNames;
import dev.localfaas.runtime.trigger.queue.QueueRequestException;
import dev.localfaas.runtime.trigger.queue.QueueStoreException;
import dev.localfaas.runtime.trigger.queue.SqliteQueueBackend;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faas send}: puts a message on a queue, through a running gateway or straight into the queue database. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Send a message to an embedded queue.",
            "Goes through the gateway at --url when one is running, else straight into DIR/.faas/queues.db."},
        footer = {"", "Examples:",
            "  faas send orders '{\"id\": 1}'",
            "  faas send orders --file order.json --attribute source=cli --delay 10",
            "  echo hello | faas send orders -"})
final class SendCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue (created if it does not exist).")
    String queue;

    @Parameters(index = "1", arity = "0..1", paramLabel = "MESSAGE", description = "The message body; - reads it from standard input.")
    String message;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "The message body.")
    String messageOption;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the message body from a file.")
    Path file;

    @Option(names = {"-a", "--attribute"}, paramLabel = "NAME=VALUE", description = "A String message attribute (repeatable).")
    List<String> attributes = new ArrayList<>();

    @Option(names = "--delay", paramLabel = "SECONDS", description = "Keep the message hidden this long (0 to 900).")
    int delaySeconds;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:3000",
            description = "The gateway to send through (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", defaultValue = "functions",
            description = "The functions directory whose .faas/queues.db to use when no gateway answers"
                    + " (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Mixin
    CommonOptions common;

    @Mixin
    AdminTokenOption admin;

    @Spec
    CommandSpec spec;

    private GatewayClient gateway;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutgoingMessage outgoing;
        try {
            QueueNames.require(queue);
            outgoing = OutgoingMessage.of(body()).withAttributes(parseAttributes())
                    .withDelay(Duration.ofSeconds(delaySeconds));
        } catch (QueueRequestException e) {
            throw CliException.usage(e.getMessage());
        }
        gateway = new GatewayClient(url, admin.token);
        String id = viaGateway(outgoing).orElseGet(() -> direct(outgoing, err));
        out.println(id);
        return ExitCodes.OK;
    }

    private String body() {
        int given = (message != null ? 1 : 0) + (messageOption != null ? 1 : 0) + (file != null ? 1 : 0);
        if (given == 0) {
            throw CliException.usage("no message given; pass it as text (faas send " + queue
                    + " 'hello'), with --file FILE, or - to read standard input");
        }
        if (given > 1) {
            throw CliException.usage("more than one message given; pass exactly one of MESSAGE, --message or --file");
        }
        if (file != null) {
            try {
                return utf8(Files.readAllBytes(file), file.toString());
            } catch (NoSuchFileException e) {
                throw CliException.usage(file + ": no such file; check the path given to --file");
            } catch (IOException e) {
                throw CliException.usage(file + ": cannot read it (" + e.getMessage() + ")");
            }
        }
        String text = message != null ? message : messageOption;
        if (text.equals("-")) {
            try {
                return utf8(readStdin(), "standard input");
            } catch (IOException e) {
                throw CliException.usage("cannot read standard input (" + e.getMessage() + ")");
            }
        }
        return text;
    }

    private static byte[] readStdin() throws IOException {
        return System.in.readAllBytes();
    }

    private static String utf8(byte[] bytes, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw CliException.usage(source + " is not UTF-8 text; queue messages are text (base64-encode binary data)");
        }
    }

    private Map<String, MessageAttribute> parseAttributes() {
        Map<String, MessageAttribute> out = new LinkedHashMap<>();
        for (String a : attributes) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw CliException.usage("--attribute " + a + " is not NAME=VALUE; write it as --attribute source=cli");
            }
            out.put(a.substring(0, eq), MessageAttribute.string(a.substring(eq + 1)));
        }
        return out;
    }

    /** Sends through the gateway's admin API; empty when nothing listens there. */
    private Optional<String> viaGateway(OutgoingMessage m) {
        StringBuilder path = new StringBuilder(QueueAdminHandler.PREFIX).append('/').append(queue)
                .append("/messages?delaySeconds=").append(delaySeconds);
        m.attributes().forEach((k, v) -> path.append("&attribute=")
                .append(URLEncoder.encode(k + "=" + v.stringValue(), StandardCharsets.UTF_8)));
        return gateway.call("POST", path.toString(), m.body()).map(answer -> answer.path("messageId").asText());
    }

    private String direct(OutgoingMessage m, PrintWriter err) {
        if (!Files.isDirectory(dir)) {
            throw CliException.usage("no gateway at " + gateway.url() + " and " + dir + " is not a directory; start faas run,"
                    + " or pass --dir with your functions directory");
        }
        Path db = SqliteQueueBackend.defaultFile(dir);
        try (SqliteQueueBackend queues = SqliteQueueBackend.open(db, notice -> err.println("faas: " + notice))) {
            String id = queues.send(queue, m).messageId();
            err.println("faas: no gateway at " + gateway.url() + "; stored the message in " + queues.path());
            return id;
        } catch (QueueStoreException e) {
            throw new CliException(ExitCodes.INTERNAL, e.getMessage(), e);
        }
    }
}
