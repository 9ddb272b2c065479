package dev.localfaas.runtime.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast texts of usage records (start time, decimals) are exactly what the general formatters wrote. */
class UtcInstantsTest {

    @Test
    void formatsAndParsesAsInstantDoes() {
        SplittableRandom random = new SplittableRandom(9);
        long last = 0;
        for (int i = 0; i < 20_000; i++) {
            // runs of instants in one second (the kept second's text), then a jump anywhere in years 0 to 9999
            long seconds = i % 8 != 0 ? last : random.nextLong(-62_167_219_200L, 253_402_300_800L);
            last = seconds;
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nano);
            String text = UtcInstants.format(t);
            assertEquals(t.toString(), text);
            assertEquals(t, UtcInstants.parse(text), text);
        }
    }

    @Test
    void otherShapesAreLeftToInstant() {
        assertEquals(Instant.parse("2026-11-30T21:55:01.5Z"), UtcInstants.parse("2026-11-30T21:55:01.5Z"));
        assertEquals(Instant.parse("+10000-01-01T00:00:00Z"), UtcInstants.parse("+10000-01-01T00:00:00Z"));
        assertEquals("+10000-01-01T00:00:00Z", UtcInstants.format(Instant.parse("+10000-01-01T00:00:00Z")));
        assertThrows(DateTimeParseException.class, () -> UtcInstants.parse("2026-02-30T00:00:00Z"));
        assertEquals(Instant.parse("2026-11-30T24:00:00Z"), UtcInstants.parse("2026-11-30T24:00:00Z"));
        assertEquals(Instant.parse("2026-11-30T21:55:01.Z"), UtcInstants.parse("2026-11-30T21:55:01.Z"));
        assertThrows(DateTimeParseException.class, () -> UtcInstants.parse("2026-11-30 21:55:01Z"));
    }

    @Test
    void decimalsAreWhatBigDecimalWrote() {
        SplittableRandom random = new SplittableRandom(10);
        double[] edges = {0.0, -0.0, 1.0, 1200.0, 0.0001, 1e-7, 1e21, 123456789.125, 3000.0, 0.5, -2.25};
        for (double d : edges) {
            assertEquals(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString(), UsageRecordJson.decimal(d), "" + d);
        }
        for (int i = 0; i < 20_000; i++) {
            double d = switch (i % 3) {
                case 0 -> Math.round(random.nextDouble() * 1e7) / 1e6; // durations in ms with ns digits
                case 1 -> random.nextInt(100_000);
                default -> random.nextDouble() * Math.pow(10, random.nextInt(-9, 25));
            };
            assertEquals(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString(), UsageRecordJson.decimal(d), "" + d);
        }
    }
}
