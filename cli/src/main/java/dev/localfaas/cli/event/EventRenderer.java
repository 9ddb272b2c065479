package dev.localfaas.cli.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Fills an event template. A placeholder is {@code {{name}}} (an option or a generated value such as {@code uuid},
 * JSON-string escaped) or {@code {{function option}}}: {@code jsonOrNull}, {@code json}, {@code number},
 * {@code md5}, {@code base64}, {@code urlEncode}, {@code gzipBase64} (of another template). The result is parsed
 * and pretty-printed, so every event written is well-formed JSON.
 */
public final class EventRenderer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9-]+)(?: ([A-Za-z0-9-]+))?}}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLF =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final EventType type;
    private final Map<String, String> values;
    private final Instant now;
    private final String uuid = UUID.randomUUID().toString();

    private EventRenderer(EventType type, Map<String, String> values, Instant now) {
        this.type = type;
        this.values = values;
        this.now = now;
    }

    /**
     * The event of {@code type} with {@code given} option values over the defaults, at {@code now}.
     *
     * @throws EventException for an option the event does not have, or a value of the wrong kind
     */
    public static String render(EventType type, Map<String, String> given, Instant now) {
        for (String name : given.keySet()) {
            if (type.option(name).isEmpty()) {
                throw new EventException(type.service() + " " + type.event() + " has no option --" + name
                        + "; its options: " + String.join(", ", type.options().stream()
                        .map(o -> "--" + o.name()).toList()));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        type.options().forEach(o -> values.put(o.name(), given.getOrDefault(o.name(), o.defaultValue())));
        // A default may be made of other options (queue-arn from region, account and queue): one level is enough.
        values.replaceAll((name, value) -> given.containsKey(name) ? value : substitute(value, values));
        EventRenderer renderer = new EventRenderer(type, values, now.truncatedTo(ChronoUnit.MILLIS));
        String text = renderer.fill(read(type.resource()));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template " + type.resource() + " made invalid JSON: " + e.getMessage(), e);
        }
    }

    private static String substitute(String value, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    private String fill(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(2) == null ? plain(m.group(1)) : function(m.group(1), m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    private String plain(String name) {
        return switch (name) {
            case "uuid" -> uuid;
            case "epochMillis" -> Long.toString(now.toEpochMilli());
            case "epochSeconds" -> Long.toString(now.getEpochSecond());
            case "isoTime" -> ISO_MILLIS.format(now);
            case "isoSeconds" -> DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
            case "clfTime" -> CLF.format(now);
            default -> escaped(value(name));
        };
    }

    private String function(String function, String name) {
        if (function.equals("gzipBase64")) {
            return gzipBase64(fill(read("/events/" + type.service() + "-" + type.event() + "-data.json")));
        }
        String value = value(name);
        return switch (function) {
            case "jsonOrNull" -> value.isEmpty() ? "null" : "\"" + escaped(value) + "\"";
            case "json" -> json(name, value);
            case "number" -> number(name, value);
            case "queryMap" -> queryMap(value);
            case "md5" -> md5(value);
            case "base64" -> Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
            case "urlEncode" -> escaped(URLEncoder.encode(value, StandardCharsets.UTF_8));
            default -> throw new IllegalStateException("unknown template function " + function);
        };
    }

    private String value(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("template " + type.resource() + " names no option " + name);
        }
        return value;
    }

    private static String escaped(String value) {
        try {
            String quoted = JSON.writeValueAsString(value);
            return quoted.substring(1, quoted.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(String name, String value) {
        try {
            return JSON.writeValueAsString(JSON.readTree(value));
        } catch (JsonProcessingException e) {
            throw new EventException("--" + name + " is not JSON: " + e.getOriginalMessage()
                    + "; quote it for the shell, e.g. --" + name + " '{\"id\":\"42\"}'");
        }
    }

    private static String number(String name, String value) {
        try {
            return Long.toString(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new EventException("--" + name + " " + value + " is not a whole number");
        }
    }

    /** {@code a=1&b=2} as API Gateway 2.0 gives it: decoded, repeated names joined with commas; null when empty. */
    private static String queryMap(String query) {
        if (query.isEmpty()) {
            return "null";
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            params.merge(name, value, (a, b) -> a + "," + b);
        }
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String md5(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String gzipBase64(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static String read(String resource) {
        try (InputStream in = EventRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
