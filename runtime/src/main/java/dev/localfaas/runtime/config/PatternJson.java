package dev.localfaas.runtime.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.config.yaml.Position;
import dev.localfaas.runtime.trigger.pattern.EventPattern;
import dev.localfaas.runtime.trigger.pattern.PatternException;
import dev.localfaas.runtime.trigger.pattern.PatternGrammar;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A filter policy or event pattern as a template writes it (a mapping, or a JSON string) turned into the JSON the
 * topic and bus services compile, and checked here so that a bad one is a problem at its line.
 */
final class PatternJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PatternJson() {
    }

    /**
     * YAML keeps scalars as text, so a scalar that reads as a number or a boolean becomes one ({@code [">", 100]} is
     * a numeric match); write the policy as a JSON string to keep {@code "100"} a string.
     *
     * @return the JSON, "" for none
     * @throws ConfigError at {@code at} when the grammar refuses it
     */
    static String of(Object written, PatternGrammar grammar, Position at, String what) {
        if (written == null) {
            return "";
        }
        String json;
        try {
            json = written instanceof String s ? s.trim() : JSON.writeValueAsString(typed(written));
        } catch (JsonProcessingException e) {
            throw new ConfigError(at, what + " cannot be written as JSON: " + e.getOriginalMessage());
        }
        if (json.isEmpty()) {
            return "";
        }
        try {
            EventPattern.compile(json, grammar);
        } catch (PatternException e) {
            throw new ConfigError(at, what + ": " + e.getMessage());
        }
        return json;
    }

    private static Object typed(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), typed(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(PatternJson::typed).toList();
        }
        if (value instanceof String s) {
            if (s.equals("true") || s.equals("false")) {
                return Boolean.valueOf(s);
            }
            if (s.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
                return new BigDecimal(s);
            }
        }
        return value;
    }
}
