package io.holdfast.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a benchmark prints: a human-readable table (baseline, Holdfast, ratio per row) and one
 * {@code RESULT metric=value} line per figure, the contract in DESIGN.md.
 */
public final class Report {
    private final String title;
    private final List<String[]> rows = new ArrayList<>();
    private final Map<String, Double> results = new LinkedHashMap<>();

    public Report(String title) {
        this.title = title;
    }

    public Report row(String... cells) {
        rows.add(cells);
        return this;
    }

    public Report result(String metric, double value) {
        results.put(metric, value);
        return this;
    }

    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    public void print() {
        System.out.println();
        System.out.println("== " + title);
        int cols = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                sb.append(i == 0 ? String.format("%-" + width[i] + "s", r[i]) : String.format("  %" + width[i] + "s", r[i]));
            }
            System.out.println(sb);
        }
        System.out.println();
        results.forEach((k, v) -> System.out.println("RESULT " + k + "=" + format(v)));
        System.out.flush();
    }
}
