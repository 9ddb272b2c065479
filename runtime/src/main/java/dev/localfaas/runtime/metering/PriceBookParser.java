package dev.localfaas.runtime.metering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.metering.BillingRules.MemoryBasis;
import dev.localfaas.runtime.metering.BillingRules.TimeBasis;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and validates a price book. Strict on purpose: a misspelt field in a user's file would otherwise be ignored
 * and silently change the bill, so every problem is one line naming the file, the field, the rule and the fix.
 */
final class PriceBookParser {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String PRICE_FIX = "give the price in US dollars as a JSON number, e.g. 0.0000166667";

    private final String origin;

    private PriceBookParser(String origin) {
        this.origin = origin;
    }

    static PriceBook parse(String json, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new PriceBookException(origin + ": not valid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + " (" + e.getOriginalMessage().lines().findFirst().orElse("")
                    + "); fix the JSON syntax");
        }
        return new PriceBookParser(origin).book(root);
    }

    private PriceBook book(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw error("(top level)", "is not a JSON object", "start the file with { \"format\": 1, ... }");
        }
        known(root, "", "format", "currency", "description", "providers");
        if (!root.path("format").isInt() || root.get("format").intValue() != 1) {
            throw error("format", root.has("format") ? "must be 1" : "missing", "write \"format\": 1");
        }
        if (!"USD".equals(root.path("currency").asText(null))) {
            throw error("currency", root.has("currency") ? "must be \"USD\"" : "missing",
                    "write \"currency\": \"USD\" (all prices are in US dollars)");
        }
        JsonNode list = root.get("providers");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw error("providers", list == null ? "missing" : "must be a non-empty array",
                    "list at least one provider");
        }
        List<Provider> providers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Provider p = provider(list.get(i), "providers[" + i + "]");
            if (!ids.add(p.id())) {
                throw error("providers[" + i + "].id", "'" + p.id() + "' is used twice", "give each provider its own id");
            }
            providers.add(p);
        }
        return new PriceBook(origin, providers);
    }

    private Provider provider(JsonNode p, String at) {
        object(p, at);
        known(p, at, "id", "name", "default", "region", "source", "read", "notes", "billing", "monthlyFee",
                "rates", "vcpuPerMemory", "group", "container");
        String id = text(p, at, "id");
        if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw error(at + ".id", "'" + id + "' is not a valid id", "use lower-case letters, digits, '.', '_' and '-'");
        }
        at = "providers[" + id + "]";
        JsonNode rateList = p.get("rates");
        if (rateList == null || !rateList.isArray() || rateList.isEmpty()) {
            throw error(at + ".rates", rateList == null ? "missing" : "must be a non-empty array",
                    "list the provider's rates, at least one with \"unit\": \"requests\"");
        }
        List<Rate> rates = new ArrayList<>();
        Set<Unit> units = new HashSet<>();
        for (int i = 0; i < rateList.size(); i++) {
            Rate r = rate(rateList.get(i), at + ".rates[" + i + "]");
            if (!units.add(r.unit())) {
                throw error(at + ".rates[" + i + "].unit", "'" + r.unit().id() + "' is listed twice",
                        "give one rate per unit");
            }
            rates.add(r);
        }
        ContainerSpec container = p.has("container") ? container(p.get("container"), at + ".container") : null;
        if (container == null && !units.contains(Unit.REQUESTS)) {
            throw error(at + ".rates", "has no rate with \"unit\": \"requests\"",
                    "add one (\"price\": 0 if requests are free)");
        }
        List<CpuStep> cpu = units.contains(Unit.VCPU_SECONDS) ? cpuSteps(p.get("vcpuPerMemory"), at + ".vcpuPerMemory")
                : List.of();
        String group = p.has("group") ? text(p, at, "group") : id.split("-")[0];
        return new Provider(id, text(p, at, "name"), bool(p, at, "default", false), text(p, at, "region"),
                text(p, at, "source"), text(p, at, "read"), p.path("notes").asText(""),
                billing(p.get("billing"), at + ".billing"), number(p, at, "monthlyFee", BigDecimal.ZERO, false),
                rates, cpu, group, container, p);
    }

    /** {@code "container": { "hoursPerMonth": 730, "sizes": [ { "vcpu": 1, "minGb": 2, "maxGb": 8, "stepGb": 1 } ] }}. */
    private ContainerSpec container(JsonNode c, String at) {
        object(c, at);
        known(c, at, "hoursPerMonth", "sizes");
        JsonNode list = c.get("sizes");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw error(at + ".sizes", list == null ? "missing" : "must be a non-empty array",
                    "list the sizes, e.g. [ { \"vcpu\": 1, \"minGb\": 2, \"maxGb\": 8, \"stepGb\": 1 } ]");
        }
        List<ContainerSize> sizes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String s = at + ".sizes[" + i + "]";
            JsonNode n = list.get(i);
            object(n, s);
            known(n, s, "vcpu", "minGb", "maxGb", "stepGb");
            BigDecimal vcpu = number(n, s, "vcpu", null, false);
            BigDecimal min = number(n, s, "minGb", null, false);
            BigDecimal max = number(n, s, "maxGb", min, false);
            BigDecimal step = number(n, s, "stepGb", BigDecimal.ONE, false);
            if (step.signum() == 0 || max.compareTo(min) < 0) {
                throw error(s, "needs stepGb more than 0 and maxGb at least minGb", "e.g. \"minGb\": 2, \"maxGb\": 8, "
                        + "\"stepGb\": 1");
            }
            for (BigDecimal gb = min; gb.compareTo(max) <= 0; gb = gb.add(step)) {
                sizes.add(new ContainerSize(vcpu, gb));
            }
        }
        return new ContainerSpec(number(c, at, "hoursPerMonth", BigDecimal.valueOf(730), false), sizes);
    }

    private BillingRules billing(JsonNode b, String at) {
        if (b == null) {
            throw error(at, "missing", "add \"billing\": { \"durationRoundingMs\": 1, \"includesInit\": true, "
                    + "\"timeBasis\": \"wall-clock\" }");
        }
        object(b, at);
        known(b, at, "durationRoundingMs", "minimumBilledMs", "includesInit", "timeBasis", "memoryBasis",
                "memoryRoundingMb", "maxMemoryMb", "memorySizesMb");
        int rounding = integer(b, at, "durationRoundingMs", null, 1);
        if (!b.has("includesInit") || !b.get("includesInit").isBoolean()) {
            throw error(at + ".includesInit", b.has("includesInit") ? "must be true or false" : "missing",
                    "say whether the cold start is billed: true or false");
        }
        TimeBasis time = choice(b, at, "timeBasis", null, TimeBasis.values());
        MemoryBasis memory = choice(b, at, "memoryBasis", MemoryBasis.CONFIGURED, MemoryBasis.values());
        List<Integer> sizes = new ArrayList<>();
        JsonNode list = b.get("memorySizesMb");
        if (list != null) {
            if (!list.isArray() || list.isEmpty()) {
                throw error(at + ".memorySizesMb", "must be a non-empty array", "list the sizes, e.g. [512, 2048, 4096]");
            }
            for (int i = 0; i < list.size(); i++) {
                int mb = list.get(i).asInt(0);
                if (!list.get(i).isIntegralNumber() || mb < 1 || (!sizes.isEmpty() && mb <= sizes.get(sizes.size() - 1))) {
                    throw error(at + ".memorySizesMb[" + i + "]", "must be a whole number above the size before it",
                            "list sizes from small to large, e.g. [512, 2048, 4096]");
                }
                sizes.add(mb);
            }
        }
        return new BillingRules(rounding, integer(b, at, "minimumBilledMs", 0, 0), b.get("includesInit").booleanValue(),
                time, memory, integer(b, at, "memoryRoundingMb", 0, 0), integer(b, at, "maxMemoryMb", 0, 0), sizes);
    }

    private Rate rate(JsonNode r, String at) {
        object(r, at);
        known(r, at, "unit", "price", "per", "freeTier", "tiers");
        String unitId = text(r, at, "unit");
        Unit unit = Unit.byId(unitId).orElseThrow(() -> error(at + ".unit", "'" + unitId + "' is not a unit",
                "use one of " + Unit.ids()));
        BigDecimal per = number(r, at, "per", BigDecimal.ONE, false);
        if (per.signum() == 0) {
            throw error(at + ".per", "must be more than 0", "give the quantity the price is for, e.g. 1000000");
        }
        List<Rate.Tier> tiers = new ArrayList<>();
        JsonNode list = r.get("tiers");
        if (list != null) {
            if (!list.isArray()) {
                throw error(at + ".tiers", "must be an array", "write [ { \"above\": 6000000000, \"price\": 0.000015 } ]");
            }
            BigDecimal last = BigDecimal.ZERO;
            for (int i = 0; i < list.size(); i++) {
                String t = at + ".tiers[" + i + "]";
                object(list.get(i), t);
                known(list.get(i), t, "above", "price");
                BigDecimal above = number(list.get(i), t, "above", null, false);
                if (above.compareTo(last) <= 0) {
                    throw error(t + ".above", "must be more than the threshold before it (" + last.toPlainString() + ")",
                            "list tiers from the lowest threshold up");
                }
                tiers.add(new Rate.Tier(above, number(list.get(i), t, "price", null, true)));
                last = above;
            }
        }
        return new Rate(unit, number(r, at, "price", null, true), per, number(r, at, "freeTier", BigDecimal.ZERO, false),
                tiers);
    }

    private List<CpuStep> cpuSteps(JsonNode list, String at) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw error(at, list == null ? "missing" : "must be a non-empty array",
                    "a provider billing vCPU-s must list the vCPU of each memory size, e.g. "
                            + "[ { \"memoryMb\": 128, \"vcpu\": 0.083 } ]");
        }
        List<CpuStep> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String s = at + "[" + i + "]";
            object(list.get(i), s);
            known(list.get(i), s, "memoryMb", "vcpu");
            int mb = integer(list.get(i), s, "memoryMb", null, 1);
            if (!steps.isEmpty() && mb <= steps.get(steps.size() - 1).memoryMb()) {
                throw error(s + ".memoryMb", "must be more than the size before it", "list sizes from small to large");
            }
            steps.add(new CpuStep(mb, number(list.get(i), s, "vcpu", null, false)));
        }
        return steps;
    }

    private void object(JsonNode n, String at) {
        if (n == null || !n.isObject()) {
            throw error(at, "must be a JSON object", "write { ... }");
        }
    }

    private void known(JsonNode n, String at, String... fields) {
        Set<String> allowed = Set.of(fields);
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw error(join(at, f), "unknown field", "expected one of " + String.join(", ", fields));
            }
        }
    }

    private String text(JsonNode n, String at, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw error(join(at, field), v == null ? "missing" : "must be a non-empty string", "give it as \"text\"");
        }
        return v.asText();
    }

    private boolean bool(JsonNode n, String at, String field, boolean dflt) {
        JsonNode v = n.get(field);
        if (v == null) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw error(join(at, field), "must be true or false", "write true or false without quotes");
        }
        return v.booleanValue();
    }

    private int integer(JsonNode n, String at, String field, Integer dflt, int min) {
        JsonNode v = n.get(field);
        if (v == null && dflt != null) {
            return dflt;
        }
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < min) {
            throw error(join(at, field), v == null ? "missing" : "must be a whole number of at least " + min,
                    "write it as a JSON number, e.g. " + Math.max(min, 1));
        }
        return v.intValue();
    }

    private BigDecimal number(JsonNode n, String at, String field, BigDecimal dflt, boolean price) {
        JsonNode v = n.get(field);
        if (v == null && dflt != null) {
            return dflt;
        }
        String fix = price ? PRICE_FIX : "write it as a JSON number of 0 or more, e.g. 400000";
        if (v == null) {
            throw error(join(at, field), "missing", fix);
        }
        BigDecimal d;
        if (v.isNumber()) {
            d = v.decimalValue();
        } else {
            try {
                d = new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                throw error(join(at, field), v + " is not a number", fix);
            }
        }
        if (d.signum() < 0) {
            throw error(join(at, field), "must not be negative", fix);
        }
        return d;
    }

    private <E extends Enum<E>> E choice(JsonNode n, String at, String field, E dflt, E[] values) {
        JsonNode v = n.get(field);
        if (v == null && dflt != null) {
            return dflt;
        }
        String[] ids = Arrays.stream(values).map(PriceBookParser::idOf).toArray(String[]::new);
        for (E e : values) {
            if (v != null && idOf(e).equals(v.asText())) {
                return e;
            }
        }
        throw error(join(at, field), v == null ? "missing" : v + " is not allowed",
                "use one of \"" + String.join("\", \"", ids) + "\"");
    }

    private static String idOf(Enum<?> e) {
        return e instanceof TimeBasis t ? t.id : ((MemoryBasis) e).id;
    }

    private static String join(String at, String field) {
        return at.isEmpty() ? field : at + "." + field;
    }

    private PriceBookException error(String field, String problem, String fix) {
        return new PriceBookException(origin + ": " + field + ": " + problem + "; " + fix);
    }
}
