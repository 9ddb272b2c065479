package dev.localfaas.runtime.trigger.schedule;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The schedules part of {@code faas run}'s startup table: each schedule, then its next firings in UTC and local. */
public final class ScheduleTable {

    private ScheduleTable() {
    }

    public static List<String> render(List<ScheduleInfo> schedules, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        if (schedules.isEmpty()) {
            return lines;
        }
        lines.add("Schedules (UTC; local time in " + zone.getId() + "):");
        int width = schedules.stream().mapToInt(s -> s.function().length()).max().orElse(0);
        for (ScheduleInfo s : schedules) {
            String head = "  " + pad(s.function(), width) + "  " + s.expression()
                    + (s.constantInput() ? "  (constant input)" : "");
            if (!s.enabled()) {
                lines.add(head + "  disabled: listed, never fired");
                continue;
            }
            lines.add(head);
            if (s.nextFirings().isEmpty()) {
                lines.add("  " + pad("", width) + "    never fires again");
            }
            s.nextFirings().forEach(f -> lines.add("  " + pad("", width) + "    "
                    + FiringFormat.utcAndLocal(f, zone)));
            s.warnings().forEach(w -> lines.add("  " + pad("", width) + "    warning: " + w));
        }
        return lines;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
