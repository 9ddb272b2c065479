package dev.localfaas.runtime.config.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML file into a {@link YamlNode} tree through Jackson's YAML parser, keeping what a plain
 * {@code JsonNode} would lose: the line and column of every node, and the local tags CloudFormation uses for its
 * short-form intrinsics ({@code !Ref}, {@code !GetAtt}, ...), which Jackson exposes as the token's type id.
 */
public final class YamlReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final Path file;

    private YamlReader(Path file) {
        this.file = file;
    }

    /**
     * Reads {@code file}; {@code shownAs} is how positions name it.
     *
     * @throws YamlSyntaxException  when the file is not YAML, or its top level is not a mapping
     * @throws UncheckedIOException when it cannot be read
     */
    public static YamlMap read(Path file, Path shownAs) {
        YamlReader reader = new YamlReader(shownAs);
        try (YAMLParser parser = FACTORY.createParser(Files.newBufferedReader(file))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new YamlSyntaxException(new Position(shownAs, 1, 1), "the file is empty; a template is a mapping"
                        + " with at least a Resources section");
            }
            YamlNode root = reader.node(parser);
            if (!(root instanceof YamlMap map)) {
                throw new YamlSyntaxException(root.position(), "the top level is " + root.kind()
                        + ", not a mapping; a template starts with keys such as Resources:");
            }
            return map;
        } catch (JsonProcessingException e) {
            throw reader.syntax(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private YamlNode node(YAMLParser p) throws IOException {
        Position at = position(p.currentTokenLocation());
        String tag = tag(p);
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Position> keys = new HashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Position keyAt = position(p.currentTokenLocation());
                    p.nextToken();
                    YamlNode value = node(p);
                    if (entries.putIfAbsent(key, value) != null) {
                        throw new YamlSyntaxException(keyAt, "duplicate key " + key + " (first at line "
                                + keys.get(key).line() + "); remove one of them");
                    }
                    keys.put(key, keyAt);
                }
                return new YamlMap(entries, keys, tag, at);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p));
                }
                return new YamlList(items, tag, at);
            }
            case VALUE_NULL -> {
                return new YamlScalar(null, tag, at);
            }
            default -> {
                return new YamlScalar(p.getText(), tag, at);
            }
        }
    }

    /** {@code Ref} for {@code !Ref}; "" for no tag or a YAML core tag ({@code !!str}), which CloudFormation ignores. */
    private static String tag(YAMLParser p) throws IOException {
        String id = p.getTypeId();
        if (id == null || id.startsWith("tag:yaml.org,2002:")) {
            return "";
        }
        return id.startsWith("!") ? id.substring(1) : id;
    }

    private Position position(JsonLocation location) {
        return new Position(file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    private YamlSyntaxException syntax(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        Position at = location == null ? new Position(file, 1, 1) : position(location);
        String text = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
        // SnakeYAML's messages span several lines: the problem, then indented context (where, a quote of the line, a
        // caret drawing); the unindented lines are the problem, which is the one line we print
        String oneLine = String.join(", ", text.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).map(String::strip).toList());
        return new YamlSyntaxException(at, "not valid YAML: " + oneLine + "; fix the indentation or quoting there");
    }
}
