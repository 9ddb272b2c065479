package dev.localfaas.runtime.metering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Columns padded to their widest cell: the first {@code leftColumns} aligned left, numbers aligned right. */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int leftColumns;

    TextTable(int leftColumns, String... headers) {
        this.leftColumns = leftColumns;
        rows.add(headers);
    }

    TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    String render(String indent) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.length; i++) {
                String pad = " ".repeat(width[i] - r[i].length());
                line.append(i < leftColumns ? r[i] + pad : pad + r[i]);
                if (i < r.length - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    static String[] cells(String... cells) {
        return Arrays.copyOf(cells, cells.length);
    }
}
