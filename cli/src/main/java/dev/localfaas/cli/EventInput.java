package dev.localfaas.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the event of {@code faas invoke}: a file, standard input ({@code -}), or {@code {}} by default. */
final class EventInput {

    /** Streaming only: checking syntax needs no tree, and an ObjectMapper would cost {@code faas invoke} start-up time. */
    private static final JsonFactory JSON = new JsonFactory();

    private EventInput() {
    }

    static byte[] read(String source, InputStream stdin) {
        if (source == null) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        if (source.equals("-")) {
            try {
                return stdin.readAllBytes();
            } catch (IOException e) {
                throw CliException.usage("cannot read the event from standard input: " + e.getMessage());
            }
        }
        Path file = Path.of(source);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw CliException.usage("event file " + source + " does not exist; pass --event with a JSON file, or - for standard input");
        } catch (IOException e) {
            throw CliException.usage("cannot read event file " + source + ": " + e.getMessage());
        }
    }

    /** Rejects an event that is not JSON, naming where it breaks; stream handlers take any bytes and skip this. */
    static void requireJson(String source, byte[] event) {
        if (new String(event, StandardCharsets.UTF_8).isBlank()) {
            throw CliException.usage("event " + (source == null ? "" : source + " ")
                    + "is empty; a JSON handler needs a JSON value such as {}");
        }
        try (JsonParser parser = JSON.createParser(event)) {
            parser.nextToken();
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "more content after the JSON value");
            }
        } catch (JsonParseException e) {
            throw CliException.usage("event " + (source == null ? "" : source + " ") + "is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + "); fix it, or pass a JSON file with --event");
        } catch (IOException e) {
            throw CliException.usage("event " + source + " cannot be read as JSON: " + e.getMessage());
        }
    }
}
