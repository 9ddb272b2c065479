package dev.localfaas.runtime.gateway.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading a template's settings kept as plain Java (maps, lists, strings). */
final class TemplateSettings {

    private TemplateSettings() {
    }

    static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        } else if (value != null) {
            out.add(String.valueOf(value));
        }
        return out;
    }

    static String text(Map<?, ?> map, String key, String otherwise) {
        Object v = map.get(key);
        return v == null ? otherwise : String.valueOf(v);
    }

    static boolean flag(Map<?, ?> map, String key) {
        return Boolean.parseBoolean(String.valueOf(map.get(key)));
    }

    /** A number setting; {@code otherwise} when absent. */
    static double number(Map<?, ?> map, String key, double otherwise) {
        Object v = map.get(key);
        if (v == null) {
            return otherwise;
        }
        try {
            return Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not " + v);
        }
    }

    /** A token bucket from {@code ThrottlingRateLimit}/{@code ThrottlingBurstLimit} (or {@code RateLimit}/{@code BurstLimit}); null when neither is set. */
    static TokenBucket bucket(Map<?, ?> settings, String rateKey, String burstKey) {
        double rate = number(settings, rateKey, -1);
        double burst = number(settings, burstKey, -1);
        if (rate < 0 && burst < 0) {
            return null;
        }
        if (rate <= 0) {
            rate = Math.max(burst, 1);
        }
        if (burst < 1) {
            burst = Math.max(1, Math.ceil(rate));
        }
        return new TokenBucket(rate, (int) burst);
    }
}
