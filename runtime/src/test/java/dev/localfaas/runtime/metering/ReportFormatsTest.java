package dev.localfaas.runtime.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportFormatsTest {
    private static UsageReport report;

    /** hello: the 1,250 calls of 13 ms on 128 MB (one of them cold); a name that needs quoting in CSV. */
    @BeforeAll
    static void usage() {
        LiveUsage live = new LiveUsage(PriceBook.builtIn(), new ReportOptions(List.of("all"), true, 3_000_000, null, null));
        live.record(Records.cold("hello", 5, 8, 128));
        for (int i = 1; i < 1250; i++) {
            live.record(Records.ok("hello", 12.5, 128));
        }
        live.record(Records.cold("odd,\"name\"<b>", 120, 900, 1536));
        live.record(Records.of("odd,\"name\"<b>", 0, 0, 1536, "throttled"));
        report = live.report();
    }

    @Test
    void tableShowsTheArithmetic() {
        String table = ReportFormat.TABLE.render(report);

        assertTrue(table.contains("    1,250 requests × $0.20 / 1M = $0.000250\n"), table);
        assertTrue(table.contains("    1,250 × 13 ms × 0.125 GB = 2.031 GB-s × $0.0000166667 = $0.000034\n"), table);
        assertTrue(table.contains("1,250 not measured: estimated from the CPU share of those that were, or their "
                + "wall-clock time when none was"), table);
        assertTrue(table.contains("stand-in: CPU time is billed: the emulator measures the CPU time of the handler's "
                + "thread"), table);
        assertTrue(table.contains("SIDE BY SIDE"), table);
        assertTrue(table.contains("BREAK-EVEN against Always-on container (AWS Fargate, Linux x86)"), table);
        assertTrue(table.contains("PROJECTION to 3,000,000 requests a month"), table);
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void everyFormatLabelsAllocatedBytesAsAStandInForMemory(ReportFormat format) {
        assertTrue(format.render(report).contains("allocated bytes (stand-in for memory)"), format.id());
    }

    @Test
    void jsonHasTheDocumentedSchemaAndExactAmounts() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportFormat.JSON.render(report));

        assertEquals("localfaas-usage-report/1", json.get("schema").asText());
        JsonNode hello = json.get("functions").get(0);
        assertEquals(Set.of("name", "invocations", "errors", "timeouts", "throttles", "coldStarts", "durationMs",
                "initMs", "billedMs", "gbSeconds", "memoryMb", "allocatedBytes", "cost", "costAfterFreeTier"),
                names(hello));
        assertEquals(Set.of("p50", "p95", "p99", "max"), names(hello.get("durationMs")));
        assertEquals(1250, hello.get("invocations").asLong());
        assertEquals(1, hello.get("coldStarts").asLong());
        assertEquals(16250, hello.get("billedMs").asLong());
        assertEquals(new BigDecimal("2.03125"), hello.get("gbSeconds").decimalValue());
        assertEquals(128, hello.get("memoryMb").asInt());
        assertEquals(Set.of("aws-x86_64", "aws-arm64", "azure-consumption", "azure-flex-consumption",
                "gcp-cloud-run-functions", "cloudflare-workers", "vercel-functions", "aws-fargate"),
                names(hello.get("cost")));
        JsonNode x86 = hello.get("cost").get("aws-x86_64");
        assertEquals(Set.of("requests", "compute", "services", "fee", "total"), names(x86));
        assertEquals(0, new BigDecimal("0.00025").compareTo(x86.get("requests").decimalValue()));
        assertEquals(new BigDecimal("0.000033854234375"), x86.get("compute").decimalValue(),
                "2.03125 GB-s × 0.0000166667 exactly: machine formats never round");
        assertEquals(0, hello.get("costAfterFreeTier").get("aws-x86_64").get("total").decimalValue().signum());
        JsonNode odd = json.get("functions").get(1);
        assertEquals("odd,\"name\"<b>", odd.get("name").asText());
        assertEquals(1, odd.get("throttles").asLong());
        assertTrue(json.get("total").get("memoryMb").isNull(), "two memory sizes");
        assertEquals(0, new BigDecimal("5").compareTo(json.get("total").get("costAfterFreeTier")
                .get("cloudflare-workers").get("fee").decimalValue()));
        assertEquals(8, json.get("priceBook").get("providers").size());
        // the test records start 1 ms apart and last 12.5 ms, so 13 overlap at the busiest moment
        assertEquals(13, json.get("concurrency").get("peak").asInt());
        assertTrue(json.get("breakEven").get("providers").has("aws-x86_64"));
        assertEquals(3_000_000, json.get("projection").get("monthlyRequests").asLong());
        assertEquals("allocated bytes (stand-in for memory)", hello.get("allocatedBytes").get("label").asText());
    }

    @Test
    void csvParsesBackOneRowPerFunctionAndProvider() {
        List<List<String>> rows = parseCsv(ReportFormat.CSV.render(report));

        assertEquals(CsvRenderer.HEADER, rows.get(0));
        List<List<String>> observed = rows.stream().filter(r -> r.get(0).equals("observed")).toList();
        assertEquals(3 * 8, observed.size(), "hello, the odd one and total, on eight providers");
        List<String> hello = observed.get(0);
        int col = CsvRenderer.HEADER.indexOf("computeCost");
        assertEquals(List.of("hello", "aws-x86_64", "1250"), hello.subList(1, 4));
        assertEquals(new BigDecimal("0.000033854234375"), new BigDecimal(hello.get(col)));
        assertEquals("odd,\"name\"<b>", observed.get(8).get(1));
        assertEquals("total", observed.get(16).get(1));
        assertEquals(3 * 8, rows.stream().filter(r -> r.get(0).equals("projected")).count());
        rows.forEach(r -> assertEquals(CsvRenderer.HEADER.size(), r.size(), r.toString()));
    }

    @Test
    void htmlIsOnePageWithTheThreeChartsAndNoExternalReference() {
        String html = ReportFormat.HTML.render(report);

        for (String id : List.of("cost-chart", "duration-chart", "cold-warm-chart", "break-even-chart")) {
            Matcher svg = Pattern.compile("<svg id=\"" + id + "\".*?</svg>", Pattern.DOTALL).matcher(html);
            assertTrue(svg.find(), id);
            assertTrue(svg.group().contains("<rect"), id + " draws bars or a frame");
        }
        Matcher breakEven = Pattern.compile("<svg id=\"break-even-chart\".*?</svg>", Pattern.DOTALL).matcher(html);
        assertTrue(breakEven.find());
        assertEquals(8, breakEven.group().split("<polyline").length - 1, "one line per provider");
        assertTrue(breakEven.group().contains("<circle"), "crossovers are marked");
        for (String external : List.of("<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import",
                "http:", "https:", "//cdn", "xlink")) {
            assertFalse(html.contains(external), "no " + external);
        }
        assertTrue(html.contains("odd,&quot;name&quot;&lt;b&gt;"), "names are escaped");
        assertFalse(html.contains("<b>"));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.endsWith("</html>\n"));
    }

    @Test
    void markdownHasTheTablesAndTheArithmetic() {
        String md = ReportFormat.MARKDOWN.render(report);

        assertTrue(md.contains("| function | provider | requests | compute | services | total | after free tier |"), md);
        assertTrue(md.contains("| hello | AWS Lambda (x86\\_64) | $0.000250 | $0.000034 | $0.000000 | $0.000284 | $0.000000 |"),
                md);
        assertTrue(md.contains("  1,250 × 13 ms × 0.125 GB = 2.031 GB-s × $0.0000166667 = $0.000034\n"), md);
        assertTrue(md.contains("| odd,\"name\"&lt;b> |"), md);
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** RFC 4180, enough for the test: quoted fields, doubled quotes, CRLF between records. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertEquals(0, cell.length() + row.size(), "the last record ends with CRLF");
        return rows;
    }
}
