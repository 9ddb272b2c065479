package dev.localfaas.runtime.config.intrinsic;

import dev.localfaas.runtime.config.ConfigError;
import dev.localfaas.runtime.config.yaml.Position;
import dev.localfaas.runtime.config.yaml.YamlList;
import dev.localfaas.runtime.config.yaml.YamlMap;
import dev.localfaas.runtime.config.yaml.YamlNode;
import dev.localfaas.runtime.config.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.nio.charset.StandardCharsets;

/**
 * Evaluates CloudFormation intrinsic functions, in both forms: the long one ({@code {"Fn::Sub": ...}},
 * {@code {"Ref": ...}}) and YAML's short tags ({@code !Sub}, {@code !Ref}, {@code !GetAtt a.b}). The result is a tree
 * with no intrinsic left; a value an intrinsic produced carries the intrinsic's position, so a later problem with
 * it (a memory size that is not a number) still points at the right line.
 */
public final class Intrinsics {

    /** Short-form tags; {@code Ref} and {@code Condition} keep their names, the rest become {@code Fn::X}. */
    private static final Set<String> FUNCTIONS = Set.of("Ref", "Condition", "Fn::Sub", "Fn::GetAtt", "Fn::Join",
            "Fn::Select", "Fn::Split", "Fn::If", "Fn::FindInMap", "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not",
            "Fn::ImportValue", "Fn::Base64", "Fn::GetAZs", "Fn::Cidr", "Fn::Transform", "Fn::Length", "Fn::ToJsonString");

    /** The value of {@code AWS::NoValue}: the property that holds it is removed. */
    private static final YamlScalar NO_VALUE = new YamlScalar("AWS::NoValue", "AWS::NoValue", new Position(java.nio.file.Path.of(""), 1, 1));

    private final Scope scope;

    public Intrinsics(Scope scope) {
        this.scope = scope;
    }

    /** {@code node} with every intrinsic evaluated. @throws ConfigError at the first one that cannot be */
    public YamlNode resolve(YamlNode node) {
        YamlNode out = eval(node);
        return out == NO_VALUE ? new YamlScalar(null, "", node.position()) : out;
    }

    /** Whether a node is an intrinsic call (so a reader can tell "a literal mapping" from "a computed value"). */
    public static boolean isIntrinsic(YamlNode node) {
        return call(node).isPresent();
    }

    private record Call(String function, YamlNode argument) {
    }

    private static Optional<Call> call(YamlNode node) {
        if (!node.tag().isEmpty()) {
            String fn = node.tag().equals("Ref") || node.tag().equals("Condition") ? node.tag() : "Fn::" + node.tag();
            return Optional.of(new Call(fn, untagged(node)));
        }
        if (node instanceof YamlMap m && m.entries().size() == 1) {
            String key = m.entries().keySet().iterator().next();
            if (key.equals("Ref") || key.startsWith("Fn::")) {
                return Optional.of(new Call(key, m.entries().get(key)));
            }
        }
        return Optional.empty();
    }

    private static YamlNode untagged(YamlNode node) {
        if (node instanceof YamlScalar s) {
            return new YamlScalar(s.value(), "", s.position());
        }
        if (node instanceof YamlList l) {
            return new YamlList(l.items(), "", l.position());
        }
        YamlMap m = (YamlMap) node;
        return new YamlMap(m.entries(), m.keyPositions(), "", m.position());
    }

    private YamlNode eval(YamlNode node) {
        Optional<Call> call = call(node);
        if (call.isPresent()) {
            return apply(call.get().function(), call.get().argument(), node.position());
        }
        if (node instanceof YamlMap m) {
            Map<String, YamlNode> out = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> {
                YamlNode r = eval(v);
                if (r != NO_VALUE) {
                    out.put(k, r);
                }
            });
            return new YamlMap(out, m.keyPositions(), "", m.position());
        }
        if (node instanceof YamlList l) {
            List<YamlNode> out = new ArrayList<>();
            for (YamlNode item : l.items()) {
                YamlNode r = eval(item);
                if (r != NO_VALUE) {
                    out.add(r);
                }
            }
            return new YamlList(out, "", l.position());
        }
        return node;
    }

    private YamlNode apply(String fn, YamlNode arg, Position at) {
        if (!FUNCTIONS.contains(fn)) {
            throw new ConfigError(at, fn + " is not a CloudFormation intrinsic function; use Ref, Fn::Sub, Fn::GetAtt,"
                    + " Fn::Join, Fn::Select, Fn::Split, Fn::If, Fn::FindInMap, Fn::Equals, Fn::And, Fn::Or or Fn::Not");
        }
        return switch (fn) {
            case "Ref" -> ref(text(eval(arg), "Ref"), at);
            case "Condition" -> bool(scope.condition(text(eval(arg), "Condition"), at), at);
            case "Fn::Sub" -> sub(arg, at);
            case "Fn::GetAtt" -> getAtt(arg, at);
            case "Fn::Join" -> join(arg, at);
            case "Fn::Select" -> select(arg, at);
            case "Fn::Split" -> split(arg, at);
            case "Fn::If" -> ifThen(arg, at);
            case "Fn::FindInMap" -> findInMap(arg, at);
            case "Fn::Equals" -> {
                List<YamlNode> args = args(arg, 2, "Fn::Equals", "[value1, value2]");
                yield bool(same(eval(args.get(0)), eval(args.get(1))), at);
            }
            case "Fn::And", "Fn::Or" -> {
                List<YamlNode> args = list(arg, fn);
                if (args.size() < 2 || args.size() > 10) {
                    throw new ConfigError(at, fn + " takes 2 to 10 conditions; it has " + args.size());
                }
                boolean and = fn.equals("Fn::And");
                boolean result = and;
                for (YamlNode a : args) {
                    boolean v = truth(eval(a), fn);
                    result = and ? result && v : result || v;
                }
                yield bool(result, at);
            }
            case "Fn::Not" -> bool(!truth(eval(args(arg, 1, "Fn::Not", "[condition]").get(0)), "Fn::Not"), at);
            case "Fn::Base64" -> scalar(Base64.getEncoder().encodeToString(
                    text(eval(arg), "Fn::Base64").getBytes(StandardCharsets.UTF_8)), at);
            case "Fn::GetAZs" -> new YamlList(List.of(scalar(scope.region() + "a", at), scalar(scope.region() + "b", at),
                    scalar(scope.region() + "c", at)), "", at);
            case "Fn::ImportValue" -> throw new ConfigError(at, "Fn::ImportValue reads an export of another stack,"
                    + " which localfaas cannot see; pass the value as a parameter instead (--parameter-overrides)");
            default -> throw new ConfigError(at, fn + " is not supported by localfaas; replace it with a literal value"
                    + " or a parameter");
        };
    }

    private YamlNode ref(String name, Position at) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        return scope.ref(name, at).map(v -> relocate(v, at)).orElseThrow(() -> new ConfigError(at,
                "!Ref " + name + ": no parameter, resource or pseudo parameter is named " + name
                        + "; declare it under Parameters or Resources, or fix the name"));
    }

    private YamlNode getAtt(YamlNode arg, Position at) {
        String resource;
        String attribute;
        if (arg instanceof YamlScalar s) {
            String t = text(s, "Fn::GetAtt");
            int dot = t.indexOf('.');
            if (dot < 1) {
                throw new ConfigError(at, "!GetAtt " + t + " names no attribute; write Resource.Attribute, such as "
                        + t + ".Arn");
            }
            resource = t.substring(0, dot);
            attribute = t.substring(dot + 1);
        } else {
            List<YamlNode> args = args(arg, 2, "Fn::GetAtt", "[Resource, Attribute]");
            resource = text(eval(args.get(0)), "Fn::GetAtt");
            attribute = text(eval(args.get(1)), "Fn::GetAtt");
        }
        return scalar(attr(resource, attribute, at), at);
    }

    private String attr(String resource, String attribute, Position at) {
        return scope.getAtt(resource, attribute, at).orElseThrow(() -> new ConfigError(at, "!GetAtt " + resource + "."
                + attribute + ": no resource is named " + resource + "; declare it under Resources, or fix the name"));
    }

    private YamlNode sub(YamlNode arg, Position at) {
        String template;
        Map<String, String> vars = new HashMap<>();
        if (arg instanceof YamlList l) {
            if (l.items().size() != 2) {
                throw new ConfigError(at, "Fn::Sub takes a string, or [string, {Name: value}]; it has "
                        + l.items().size() + " items");
            }
            template = text(l.items().get(0), "Fn::Sub");
            YamlNode values = eval(l.items().get(1));
            if (!(values instanceof YamlMap m)) {
                throw new ConfigError(values.position(), "the second item of Fn::Sub is " + values.kind()
                        + "; it must map variable names to values");
            }
            m.entries().forEach((k, v) -> vars.put(k, text(v, "Fn::Sub variable " + k)));
        } else {
            template = text(arg, "Fn::Sub");
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("${", i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new ConfigError(at, "Fn::Sub: '${' at offset " + open + " is never closed; add the '}'");
            }
            String name = template.substring(open + 2, close).trim();
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}'); // ${!Literal} stands for itself
            } else if (vars.containsKey(name)) {
                out.append(vars.get(name));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                out.append(attr(name.substring(0, dot), name.substring(dot + 1), at));
            } else {
                out.append(text(ref(name, at), "${" + name + "}"));
            }
            i = close + 1;
        }
        return scalar(out.toString(), at);
    }

    private YamlNode join(YamlNode arg, Position at) {
        List<YamlNode> args = args(arg, 2, "Fn::Join", "[delimiter, [values]]");
        String delimiter = text(eval(args.get(0)), "Fn::Join delimiter");
        List<String> parts = new ArrayList<>();
        for (YamlNode item : list(eval(args.get(1)), "Fn::Join values")) {
            parts.add(text(item, "Fn::Join value"));
        }
        return scalar(String.join(delimiter, parts), at);
    }

    private YamlNode select(YamlNode arg, Position at) {
        List<YamlNode> args = args(arg, 2, "Fn::Select", "[index, [values]]");
        String index = text(eval(args.get(0)), "Fn::Select index");
        List<YamlNode> values = list(eval(args.get(1)), "Fn::Select values");
        try {
            int i = Integer.parseInt(index.trim());
            if (i < 0 || i >= values.size()) {
                throw new ConfigError(at, "Fn::Select index " + i + " is outside the list of " + values.size()
                        + "; use 0 to " + (values.size() - 1));
            }
            return values.get(i);
        } catch (NumberFormatException e) {
            throw new ConfigError(at, "Fn::Select index '" + index + "' is not a number; write 0, 1, ...");
        }
    }

    private YamlNode split(YamlNode arg, Position at) {
        List<YamlNode> args = args(arg, 2, "Fn::Split", "[delimiter, string]");
        String delimiter = text(eval(args.get(0)), "Fn::Split delimiter");
        String source = text(eval(args.get(1)), "Fn::Split string");
        List<YamlNode> parts = new ArrayList<>();
        int from = 0;
        while (true) {
            int next = delimiter.isEmpty() ? -1 : source.indexOf(delimiter, from);
            if (next < 0) {
                parts.add(scalar(source.substring(from), at));
                break;
            }
            parts.add(scalar(source.substring(from, next), at));
            from = next + delimiter.length();
        }
        return new YamlList(parts, "", at);
    }

    private YamlNode ifThen(YamlNode arg, Position at) {
        List<YamlNode> args = args(arg, 3, "Fn::If", "[condition, valueIfTrue, valueIfFalse]");
        String condition = text(eval(args.get(0)), "Fn::If condition");
        return eval(scope.condition(condition, at) ? args.get(1) : args.get(2));
    }

    private YamlNode findInMap(YamlNode arg, Position at) {
        List<YamlNode> args = list(arg, "Fn::FindInMap");
        if (args.size() < 3) {
            throw new ConfigError(at, "Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]; it has "
                    + args.size() + " items");
        }
        String map = text(eval(args.get(0)), "Fn::FindInMap map");
        String top = text(eval(args.get(1)), "Fn::FindInMap key");
        String second = text(eval(args.get(2)), "Fn::FindInMap key");
        Optional<YamlNode> found = scope.mapping(map, top, second);
        if (found.isPresent()) {
            return relocate(eval(found.get()), at);
        }
        if (args.size() > 3 && args.get(3) instanceof YamlMap options && options.has("DefaultValue")) {
            return eval(options.entries().get("DefaultValue"));
        }
        throw new ConfigError(at, "Fn::FindInMap [" + map + ", " + top + ", " + second + "] finds nothing; add "
                + map + "." + top + "." + second + " under Mappings, or fix the keys");
    }

    private List<YamlNode> args(YamlNode arg, int n, String fn, String shape) {
        List<YamlNode> items = list(arg, fn);
        if (items.size() != n) {
            throw new ConfigError(arg.position(), fn + " takes " + shape + "; it has " + items.size()
                    + (items.size() == 1 ? " item" : " items"));
        }
        return items;
    }

    private static List<YamlNode> list(YamlNode node, String fn) {
        if (node instanceof YamlList l) {
            return l.items();
        }
        throw new ConfigError(node.position(), fn + " takes a list here, but finds " + node.kind());
    }

    private static String text(YamlNode node, String what) {
        if (node instanceof YamlScalar s && s.value() != null) {
            return s.value();
        }
        throw new ConfigError(node.position(), what + " must be a single value, but finds " + node.kind());
    }

    private static boolean truth(YamlNode node, String fn) {
        String t = text(node, fn);
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        throw new ConfigError(node.position(), fn + " needs a condition (Fn::Equals, Condition: Name, ...), but finds '"
                + t + "'");
    }

    private static boolean same(YamlNode a, YamlNode b) {
        if (a instanceof YamlScalar x && b instanceof YamlScalar y) {
            return java.util.Objects.equals(x.value(), y.value());
        }
        return a.equals(b);
    }

    private static YamlScalar scalar(String value, Position at) {
        return new YamlScalar(value, "", at);
    }

    private static YamlNode bool(boolean value, Position at) {
        return scalar(Boolean.toString(value), at);
    }

    private static YamlNode relocate(YamlNode value, Position at) {
        return value instanceof YamlScalar s ? new YamlScalar(s.value(), "", at) : value;
    }
}
