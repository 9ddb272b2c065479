package dev.localfaas.runtime.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceBookTest {
    @TempDir
    Path dir;

    @Test
    void builtInBookHasEveryProviderOfTheIssueWithSourceAndDate() {
        PriceBook book = PriceBook.builtIn();

        assertEquals(List.of("aws-x86_64", "aws-arm64", "azure-consumption", "azure-flex-consumption",
                "gcp-cloud-run-functions", "cloudflare-workers", "vercel-functions", "aws-fargate"),
                book.providers().stream().map(Provider::id).toList());
        for (Provider p : book.providers()) {
            assertTrue(!p.source().isBlank() && !p.read().isBlank() && !p.region().isBlank(), p.id());
            assertTrue(p.isContainer() || p.rate(Unit.REQUESTS).isPresent(), p.id());
            assertTrue(p.read().matches("\\d{4}-\\d{2}-\\d{2}"), p.id() + " is dated: " + p.read());
            assertFalse(p.source().contains("as known, not re-read"), p.id());
        }
        assertEquals(new BigDecimal("0.0000166667"), book.provider("aws-x86_64").orElseThrow()
                .rate(Unit.GB_SECONDS).orElseThrow().price());
    }

    @Test
    void everyProviderIsTheDefaultAndGroupsSelectTheirMembers() {
        PriceBook book = PriceBook.builtIn();

        assertEquals(8, book.select(List.of()).size());
        assertEquals(8, book.select(List.of("all")).size());
        assertEquals(List.of("aws-x86_64", "aws-arm64"), book.select(List.of("aws")).stream().map(Provider::id).toList());
        assertEquals(List.of("azure-consumption", "azure-flex-consumption", "gcp-cloud-run-functions", "aws-fargate"),
                book.select(List.of("container", "google", "azure")).stream().map(Provider::id).toList());
        assertEquals(List.of("aws-arm64", "cloudflare-workers"),
                book.select(List.of("cloudflare-workers", "aws-arm64")).stream().map(Provider::id).toList());
    }

    @Test
    void anUnknownProviderNamesTheChoices() {
        var e = assertThrows(PriceBookException.class, () -> PriceBook.builtIn().select(List.of("amazon")));
        assertEquals("unknown provider 'amazon'; choose from aws-x86_64, aws-arm64, azure-consumption, "
                + "azure-flex-consumption, gcp-cloud-run-functions, cloudflare-workers, vercel-functions, aws-fargate, "
                + "a group (aws, azure, google, cloudflare, vercel, container) or all", e.getMessage());
    }

    @Test
    void aUsersFileReplacesTheProvidersItNamesAndKeepsTheOthers() throws Exception {
        Path file = write("""
                {"format": 1, "currency": "USD", "providers": [
                  {"id": "aws-x86_64", "name": "AWS Lambda (x86_64), eu-west-1", "region": "eu-west-1",
                   "source": "my notes", "read": "2026-11-01", "default": true,
                   "billing": {"durationRoundingMs": 1, "includesInit": true, "timeBasis": "wall-clock"},
                   "rates": [{"unit": "requests", "price": "0.20", "per": 1000000},
                             {"unit": "GB-s", "price": 0.0000166667}]},
                  {"id": "my-cloud", "name": "My cloud", "region": "home", "source": "me", "read": "today",
                   "billing": {"durationRoundingMs": 10, "includesInit": false, "timeBasis": "wall-clock"},
                   "rates": [{"unit": "requests", "price": 1, "per": 1000000}]}
                ]}""");
        PriceBook book = PriceBook.builtIn().overriddenBy(PriceBook.load(file));

        assertEquals(9, book.providers().size());
        Provider aws = book.provider("aws-x86_64").orElseThrow();
        assertEquals("eu-west-1", aws.region());
        assertEquals(BigDecimal.ZERO, aws.requestRate().freeTier(), "a field left out takes its documented default");
        assertEquals(10, book.provider("my-cloud").orElseThrow().billing().durationRoundingMs());
        assertEquals("built-in + " + file, book.origin());
    }

    @Test
    void aMissingPriceIsOneLineNamingTheField() throws Exception {
        assertError("providers[x].rates[0].price: missing; give the price in US dollars as a JSON number, "
                + "e.g. 0.0000166667", provider("\"rates\": [{\"unit\": \"requests\"}]"));
    }

    @Test
    void aPriceThatIsNotANumberIsNamed() throws Exception {
        assertError("providers[x].rates[0].price: \"cheap\" is not a number; give the price in US dollars as a JSON "
                + "number, e.g. 0.0000166667", provider("\"rates\": [{\"unit\": \"requests\", \"price\": \"cheap\"}]"));
    }

    @Test
    void aMisspeltFieldIsRejectedRatherThanIgnored() throws Exception {
        assertError("providers[x].rates[0].freetier: unknown field; expected one of unit, price, per, freeTier, tiers",
                provider("\"rates\": [{\"unit\": \"requests\", \"price\": 0.2, \"freetier\": 5}]"));
    }

    @Test
    void anUnknownUnitListsTheUnits() throws Exception {
        assertError("providers[x].rates[1].unit: 'GB-hr' is not a unit; use one of requests, GB-s, GiB-s, vCPU-s, "
                + "CPU-ms, CPU-h, GB-h, vCPU-h, http-api-requests, rest-api-requests, sqs-requests, sns-requests, "
                + "eventbridge-events, scheduler-invocations, msk-data-out-GB", provider("\"rates\": [{\"unit\": \"requests\", "
                + "\"price\": 0}, {\"unit\": \"GB-hr\", \"price\": 0}]"));
    }

    @Test
    void aNegativePriceIsRejected() throws Exception {
        assertError("providers[x].rates[0].price: must not be negative; give the price in US dollars as a JSON number, "
                + "e.g. 0.0000166667", provider("\"rates\": [{\"unit\": \"requests\", \"price\": -1}]"));
    }

    @Test
    void tiersMustRise() throws Exception {
        assertError("providers[x].rates[0].tiers[1].above: must be more than the threshold before it (100); list "
                + "tiers from the lowest threshold up", provider("\"rates\": [{\"unit\": \"requests\", \"price\": 1, "
                + "\"tiers\": [{\"above\": 100, \"price\": 0.5}, {\"above\": 50, \"price\": 0.2}]}]"));
    }

    @Test
    void aVcpuRateNeedsTheCpuOfEachMemorySize() throws Exception {
        assertError("providers[x].vcpuPerMemory: missing; a provider billing vCPU-s must list the vCPU of each memory "
                + "size, e.g. [ { \"memoryMb\": 128, \"vcpu\": 0.083 } ]", provider("\"rates\": [{\"unit\": "
                + "\"requests\", \"price\": 0}, {\"unit\": \"vCPU-s\", \"price\": 0.000024}]"));
    }

    @Test
    void aMissingRequestRateIsNamed() throws Exception {
        assertError("providers[x].rates: has no rate with \"unit\": \"requests\"; add one (\"price\": 0 if requests "
                + "are free)", provider("\"rates\": [{\"unit\": \"GB-s\", \"price\": 0}]"));
    }

    @Test
    void aMissingBillingFieldIsNamed() throws Exception {
        Path file = write("""
                {"format": 1, "currency": "USD", "providers": [{"id": "x", "name": "X", "region": "r", "source": "s",
                 "read": "d", "billing": {"durationRoundingMs": 1, "timeBasis": "wall-clock"},
                 "rates": [{"unit": "requests", "price": 0}]}]}""");
        var e = assertThrows(PriceBookException.class, () -> PriceBook.load(file));
        assertEquals(file + ": providers[x].billing.includesInit: missing; say whether the cold start is billed: "
                + "true or false", e.getMessage());
    }

    @Test
    void badJsonSaysWhere() throws Exception {
        Path file = write("{\"format\": 1,\n  \"currency\": }");
        var e = assertThrows(PriceBookException.class, () -> PriceBook.load(file));
        assertTrue(e.getMessage().startsWith(file + ": not valid JSON at line 2, column 15 ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("); fix the JSON syntax"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("nope.json");
        var e = assertThrows(PriceBookException.class, () -> PriceBook.load(file));
        assertEquals(file + ": no such price book file; give the path of a JSON price book (see docs/pricing.md)",
                e.getMessage());
    }

    @Test
    void theWrongCurrencyIsRejected() throws Exception {
        Path file = write("{\"format\": 1, \"currency\": \"EUR\", \"providers\": []}");
        var e = assertThrows(PriceBookException.class, () -> PriceBook.load(file));
        assertEquals(file + ": currency: must be \"USD\"; write \"currency\": \"USD\" (all prices are in US dollars)",
                e.getMessage());
    }

    private String provider(String rates) {
        return """
                {"format": 1, "currency": "USD", "providers": [{"id": "x", "name": "X", "region": "r", "source": "s",
                 "read": "d", "billing": {"durationRoundingMs": 1, "includesInit": true, "timeBasis": "wall-clock"},
                 %s}]}""".formatted(rates);
    }

    private void assertError(String expected, String json) throws Exception {
        Path file = write(json);
        var e = assertThrows(PriceBookException.class, () -> PriceBook.load(file));
        assertEquals(file + ": " + expected, e.getMessage());
    }

    private Path write(String json) throws Exception {
        Path file = Files.createTempFile(dir, "prices", ".json");
        Files.writeString(file, json);
        return file;
    }
}
