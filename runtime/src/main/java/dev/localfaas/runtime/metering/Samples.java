package dev.localfaas.runtime.metering;

import java.util.Arrays;

/** A growable list of numbers, 8 bytes each, for percentiles without boxing. Not thread-safe. */
final class Samples {
    private double[] values = new double[16];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
