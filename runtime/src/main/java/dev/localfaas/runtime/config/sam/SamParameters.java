package dev.localfaas.runtime.config.sam;

import dev.localfaas.runtime.config.Nodes;
import dev.localfaas.runtime.config.Problems;
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

/** A template's {@code Parameters}: each one's value from {@code --parameter-overrides}, else its {@code Default}. */
final class SamParameters {
    private SamParameters() {
    }

    static Map<String, YamlNode> values(YamlMap root, Map<String, String> overrides, Problems problems) {
        Map<String, YamlNode> values = new LinkedHashMap<>();
        YamlMap declared = root.get("Parameters").filter(n -> n instanceof YamlMap).map(n -> (YamlMap) n)
                .orElse(Nodes.mapOf(Map.of(), root.position()));
        for (Map.Entry<String, YamlNode> e : declared.entries().entrySet()) {
            String name = e.getKey();
            Position at = declared.keyPosition(name);
            if (!(e.getValue() instanceof YamlMap p)) {
                problems.add(at, name, "a parameter is a mapping with Type and Default; write Type: String");
                continue;
            }
            String type = p.get("Type").filter(t -> t instanceof YamlScalar).map(t -> ((YamlScalar) t).value())
                    .orElse("String");
            Optional<String> value = Optional.ofNullable(overrides.get(name))
                    .or(() -> p.get("Default").filter(d -> d instanceof YamlScalar s && !s.isNull())
                            .map(d -> ((YamlScalar) d).value()));
            if (value.isEmpty()) {
                problems.add(at, name, "parameter " + name + " has no Default and no override; pass"
                        + " --parameter-overrides " + name + "=VALUE or give it a Default");
                values.put(name, typed(type, "", at)); // known, so that its uses are not reported as unknown too
                continue;
            }
            if (p.get("AllowedValues").orElse(null) instanceof YamlList allowed) {
                List<String> options = allowed.items().stream().filter(i -> i instanceof YamlScalar)
                        .map(i -> ((YamlScalar) i).value()).toList();
                if (!options.contains(value.get())) {
                    problems.add(at, name, "parameter " + name + " is '" + value.get() + "', which is not one of its"
                            + " AllowedValues " + options + "; pass one of them");
                }
            }
            values.put(name, typed(type, value.get(), at));
        }
        for (String key : overrides.keySet()) {
            if (!declared.has(key)) {
                problems.add(declared.position(), "Parameters", "--parameter-overrides names " + key
                        + ", which the template does not declare; declare it under Parameters or fix the name"
                        + (declared.entries().isEmpty() ? "" : " (declared: " + String.join(", ", declared.entries().keySet()) + ")"));
            }
        }
        return values;
    }

    /** A list type becomes a list, as {@code !Select [0, !Ref Subnets]} expects. */
    private static YamlNode typed(String type, String value, Position at) {
        if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
            List<YamlNode> items = new ArrayList<>();
            for (String part : value.split(",", -1)) {
                items.add(YamlScalar.of(part.trim(), at));
            }
            return new YamlList(items, "", at);
        }
        return YamlScalar.of(value, at);
    }
}
