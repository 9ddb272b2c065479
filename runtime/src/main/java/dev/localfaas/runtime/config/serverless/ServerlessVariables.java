package dev.localfaas.runtime.config.serverless;

import dev.localfaas.runtime.config.ConfigError;
import dev.localfaas.runtime.config.ProjectOptions;
import dev.localfaas.runtime.config.yaml.Position;
import dev.localfaas.runtime.config.yaml.YamlList;
import dev.localfaas.runtime.config.yaml.YamlMap;
import dev.localfaas.runtime.config.yaml.YamlNode;
import dev.localfaas.runtime.config.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Serverless Framework's variables: {@code ${self:path.to.value}}, {@code ${opt:stage, 'dev'}},
 * {@code ${env:NAME}}, {@code ${sls:stage}}, {@code ${aws:region}}, nested ({@code ${self:custom.${opt:stage}}}) and
 * with fallbacks after a comma. A value that is one whole variable may be a mapping or a list.
 */
final class ServerlessVariables {
    private static final int MAX_DEPTH = 20;

    private final YamlMap root;
    private final ProjectOptions options;
    private final String stage;
    private int depth;

    ServerlessVariables(YamlMap root, ProjectOptions options) {
        this.root = root;
        this.options = options;
        String fromFile = root.get("provider").filter(p -> p instanceof YamlMap).map(p -> (YamlMap) p)
                .flatMap(p -> p.get("stage")).filter(s -> s instanceof YamlScalar sc && sc.value() != null
                        && !sc.value().contains("${")).map(s -> ((YamlScalar) s).value()).orElse("dev");
        this.stage = !options.stage().isEmpty() ? options.stage()
                : options.parameterOverrides().getOrDefault("stage", fromFile);
    }

    String stage() {
        return stage;
    }

    YamlNode resolve(YamlNode node) {
        if (node instanceof YamlScalar s) {
            return s.value() == null || !s.value().contains("${") ? s : scalar(s);
        }
        if (node instanceof YamlList l) {
            List<YamlNode> items = new ArrayList<>();
            l.items().forEach(i -> items.add(resolve(i)));
            return new YamlList(items, l.tag(), l.position());
        }
        YamlMap m = (YamlMap) node;
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> entries.put(k, resolve(v)));
        return new YamlMap(entries, m.keyPositions(), m.tag(), m.position());
    }

    private YamlNode scalar(YamlScalar s) {
        String text = s.value();
        if (++depth > MAX_DEPTH) {
            throw new ConfigError(s.position(), "variables in " + text + " refer to each other in a loop; break it");
        }
        try {
            // innermost first, so that ${self:custom.${opt:stage}} looks up custom.dev
            while (true) {
                int open = innermost(text);
                if (open < 0) {
                    return new YamlScalar(text, s.tag(), s.position());
                }
                int close = text.indexOf('}', open);
                if (close < 0) {
                    throw new ConfigError(s.position(), "'${' in " + text + " is never closed; add the '}'");
                }
                YamlNode value = lookup(text.substring(open + 2, close).trim(), s.position());
                if (open == 0 && close == text.length() - 1 && !(value instanceof YamlScalar)) {
                    return value; // ${self:custom.settings} as a whole mapping
                }
                if (!(value instanceof YamlScalar v) || v.value() == null) {
                    throw new ConfigError(s.position(), text.substring(open, close + 1) + " is " + value.kind()
                            + ", which cannot be part of a string");
                }
                text = text.substring(0, open) + v.value() + text.substring(close + 1);
            }
        } finally {
            depth--;
        }
    }

    private static int innermost(String text) {
        int open = text.indexOf("${");
        if (open < 0) {
            return -1;
        }
        int close = text.indexOf('}', open);
        int inner = text.lastIndexOf("${", close < 0 ? text.length() : close);
        return Math.max(open, inner);
    }

    /** One variable, with its fallbacks: {@code opt:stage, self:provider.stage, 'dev'}. */
    private YamlNode lookup(String expression, Position at) {
        List<String> choices = new ArrayList<>();
        for (String part : expression.split(",")) {
            choices.add(part.trim());
        }
        for (String choice : choices) {
            Optional<YamlNode> found = one(choice, at);
            if (found.isPresent()) {
                return found.get();
            }
        }
        String first = choices.get(0);
        String fix = first.startsWith("opt:") ? "pass --parameter-overrides " + first.substring(4) + "=VALUE"
                : first.startsWith("env:") ? "set " + first.substring(4) + " in the environment"
                : "declare it in serverless.yml";
        throw new ConfigError(at, "${" + expression + "} has no value; " + fix + ", or add a fallback: ${"
                + first + ", 'default'}");
    }

    private Optional<YamlNode> one(String ref, Position at) {
        if ((ref.startsWith("'") && ref.endsWith("'") || ref.startsWith("\"") && ref.endsWith("\"")) && ref.length() >= 2) {
            return Optional.of(YamlScalar.of(ref.substring(1, ref.length() - 1), at));
        }
        if (ref.matches("-?\\d+(\\.\\d+)?|true|false")) {
            return Optional.of(YamlScalar.of(ref, at));
        }
        int colon = ref.indexOf(':');
        String source = colon < 0 ? "" : ref.substring(0, colon);
        String key = colon < 0 ? ref : ref.substring(colon + 1);
        return switch (source) {
            case "self" -> self(key).map(this::resolve);
            case "opt" -> key.equals("stage") ? Optional.of(YamlScalar.of(stage, at))
                    : Optional.ofNullable(options.parameterOverrides().get(key)).map(v -> YamlScalar.of(v, at));
            case "env" -> Optional.ofNullable(options.environment().get(key)).map(v -> YamlScalar.of(v, at));
            case "sls" -> key.equals("stage") ? Optional.of(YamlScalar.of(stage, at)) : Optional.empty();
            case "aws" -> switch (key) {
                case "region" -> Optional.of(YamlScalar.of(options.region(), at));
                case "accountId" -> Optional.of(YamlScalar.of(options.accountId(), at));
                default -> Optional.empty();
            };
            default -> throw new ConfigError(at, "${" + ref + "}: localfaas reads self:, opt:, env:, sls:stage and"
                    + " aws:region/accountId variables; replace this one with a value or ${opt:...}");
        };
    }

    private Optional<YamlNode> self(String path) {
        YamlNode node = root;
        if (path.isEmpty()) {
            return Optional.of(root);
        }
        for (String step : path.split("\\.")) {
            if (node instanceof YamlMap m && m.has(step)) {
                node = m.entries().get(step);
            } else if (node instanceof YamlList l && step.matches("\\d+") && Integer.parseInt(step) < l.items().size()) {
                node = l.items().get(Integer.parseInt(step));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }
}
