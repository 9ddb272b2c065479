package dev.localfaas.runtime.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PrometheusMetricsTest {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");

    @Test
    void outputFollowsTheTextFormatLineByLine() {
        PrometheusMetrics metrics = new PrometheusMetrics();
        metrics.record(Records.cold("hello", 12.5, 300, 128));
        metrics.record(Records.ok("hello", 0.5, 128));
        metrics.record(Records.ok("hello", 2500, 128));
        metrics.record(Records.of("hello", 3000, 0, 128, "timeout"));
        metrics.record(Records.of("hello", 0, 0, 128, "throttled"));
        metrics.record(Records.of("we\"ird\\na\nme", 1, 0, 256, "error"));

        String text = metrics.render();
        Map<String, List<Sample>> families = parse(text);

        assertEquals(Set.of("faas_invocations_total", "faas_errors_total", "faas_timeouts_total",
                "faas_throttles_total", "faas_cold_starts_total", "faas_duration_seconds",
                "faas_init_duration_seconds", "faas_throttles_by_reason_total",
                "faas_billed_gb_seconds_total"), families.keySet());
        assertEquals(4, value(families, "faas_invocations_total", "hello"));
        assertEquals(1, value(families, "faas_throttles_total", "hello"));
        assertEquals(1, value(families, "faas_timeouts_total", "hello"));
        assertEquals(1, value(families, "faas_cold_starts_total", "hello"));
        assertEquals(1, value(families, "faas_errors_total", "we\"ird\\na\nme"));
        // 313 + 1 + 2500 + 3000 ms on 128 MB = 5,814 × 128 / 1,024,000 = 0.72675 GB-s
        assertEquals(0.72675, value(families, "faas_billed_gb_seconds_total", "hello"), 1e-12);
        assertEquals(5.513, sampleValue(families, "faas_duration_seconds_sum", "hello"), 1e-9);
        assertEquals(1, sampleValue(families, "faas_duration_seconds_bucket{le=0.001}", "hello"));
        assertEquals(2, sampleValue(families, "faas_duration_seconds_bucket{le=0.025}", "hello"));
        assertEquals(3, sampleValue(families, "faas_duration_seconds_bucket{le=2.5}", "hello"));
        assertEquals(4, sampleValue(families, "faas_duration_seconds_bucket{le=+Inf}", "hello"));
        // the one cold start's 300 ms of init
        assertEquals(0, sampleValue(families, "faas_init_duration_seconds_bucket{le=0.25}", "hello"));
        assertEquals(1, sampleValue(families, "faas_init_duration_seconds_bucket{le=0.5}", "hello"));
        assertEquals(0.3, sampleValue(families, "faas_init_duration_seconds_sum", "hello"), 1e-9);
        assertEquals(1, sampleValue(families, "faas_init_duration_seconds_count", "hello"));
    }

    @Test
    void noInvocationsYetIsStillValid() {
        Map<String, List<Sample>> families = parse(new PrometheusMetrics().render());
        assertEquals(9, families.size());
        families.values().forEach(samples -> assertTrue(samples.isEmpty()));
    }

    record Sample(String name, Map<String, String> labels, double value) {
    }

    /**
     * Checks the text exposition format 0.0.4: HELP/TYPE before a family's samples, each family once and contiguous,
     * valid metric and label names, escaped label values, parsable values, counters ending in _total, histograms
     * with cumulative buckets ending at +Inf equal to _count, no duplicate series, a final newline.
     */
    static Map<String, List<Sample>> parse(String text) {
        assertTrue(text.endsWith("\n"), "ends with a newline");
        Map<String, List<Sample>> families = new LinkedHashMap<>();
        Map<String, String> types = new HashMap<>();
        Set<String> series = new HashSet<>();
        String current = null;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# HELP ")) {
                String[] parts = line.split(" ", 4);
                assertTrue(NAME.matcher(parts[2]).matches(), line);
                assertTrue(!families.containsKey(parts[2]), "family declared once: " + line);
                assertTrue(!parts[3].contains("\\") || parts[3].matches("(?:[^\\\\]|\\\\[\\\\n])*"), line);
                current = parts[2];
                families.put(current, new ArrayList<>());
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                assertEquals(current, parts[2], "TYPE follows its HELP");
                assertTrue(Set.of("counter", "gauge", "histogram", "summary", "untyped").contains(parts[3]), line);
                assertTrue(families.get(current).isEmpty(), "TYPE before samples");
                types.put(current, parts[3]);
                if (parts[3].equals("counter")) {
                    assertTrue(current.endsWith("_total"), current);
                }
            } else if (line.startsWith("#")) {
                fail("unexpected comment: " + line);
            } else {
                Matcher m = SAMPLE.matcher(line);
                assertTrue(m.matches(), "sample line: " + line);
                String name = m.group(1);
                String family = name.replaceAll("_(bucket|sum|count)$", "");
                assertTrue(name.equals(current) || family.equals(current) && types.get(current).equals("histogram"),
                        "sample belongs to the family above it: " + line);
                Map<String, String> labels = new LinkedHashMap<>();
                if (m.group(3) != null) {
                    Matcher l = LABEL.matcher(m.group(3));
                    int end = 0;
                    while (l.find()) {
                        assertEquals(end, l.start(), "labels are comma separated: " + line);
                        labels.put(l.group(1), unescape(l.group(2)));
                        end = l.end() + 1;
                    }
                    assertEquals(m.group(3).length() + 1, end, "every label parsed: " + line);
                }
                String v = m.group(4);
                double value = v.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(v);
                assertTrue(series.add(name + labels), "no duplicate series: " + line);
                families.get(current).add(new Sample(name, labels, value));
            }
        }
        families.forEach((family, samples) -> {
            if ("histogram".equals(types.get(family))) {
                checkHistogram(family, samples);
            }
        });
        return families;
    }

    /** Label value escapes, read left to right: \\ is a backslash, \" a quote, \n a line feed. */
    private static String unescape(String v) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\') {
                char next = v.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void checkHistogram(String family, List<Sample> samples) {
        Map<String, List<Sample>> byFunction = new LinkedHashMap<>();
        samples.forEach(s -> byFunction.computeIfAbsent(s.labels().get("function"), k -> new ArrayList<>()).add(s));
        byFunction.forEach((fn, list) -> {
            double previous = -1;
            double inf = -1;
            double count = -2;
            for (Sample s : list) {
                if (s.name().equals(family + "_bucket")) {
                    assertTrue(s.value() >= previous, "buckets are cumulative");
                    previous = s.value();
                    if (s.labels().get("le").equals("+Inf")) {
                        inf = s.value();
                    }
                } else if (s.name().equals(family + "_count")) {
                    count = s.value();
                }
            }
            assertEquals(count, inf, "the +Inf bucket equals _count");
        });
    }

    private static double value(Map<String, List<Sample>> families, String family, String function) {
        return families.get(family).stream().filter(s -> function.equals(s.labels().get("function"))).findFirst()
                .orElseThrow().value();
    }

    private static double sampleValue(Map<String, List<Sample>> families, String spec, String function) {
        String name = spec.replaceAll("\\{.*", "");
        String le = spec.contains("le=") ? spec.replaceAll(".*le=(.*)}", "$1") : null;
        return families.get(name.replaceAll("_(bucket|sum|count)$", "")).stream()
                .filter(s -> s.name().equals(name) && function.equals(s.labels().get("function"))
                        && (le == null || Double.parseDouble(le.replace("+Inf", "Infinity"))
                        == Double.parseDouble(s.labels().get("le").replace("+Inf", "Infinity"))))
                .findFirst().orElseThrow().value();
    }
}
