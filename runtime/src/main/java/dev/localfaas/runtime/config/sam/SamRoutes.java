package dev.localfaas.runtime.config.sam;

import dev.localfaas.runtime.config.EventSource;
import dev.localfaas.runtime.config.FunctionResource;
import dev.localfaas.runtime.config.Problems;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two functions on one route: the gateway would refuse it at start, but here it is caught with both positions.
 * Routes collide when their methods match (or one is ANY) and their paths have one shape ({@code {id}} and
 * {@code {uid}} are one shape), as in the gateway's router.
 */
public final class SamRoutes {
    private SamRoutes() {
    }

    private record Claim(FunctionResource function, EventSource.Http event) {
    }

    public static void checkClashes(List<FunctionResource> functions, Problems problems) {
        Map<String, Claim> byShape = new HashMap<>();
        for (FunctionResource f : functions) {
            for (EventSource e : f.events()) {
                if (!(e instanceof EventSource.Http h)) {
                    continue;
                }
                String shape = shape(h.path());
                String method = h.method().toUpperCase(Locale.ROOT);
                Claim clash = byShape.get(method + " " + shape);
                if (clash == null && method.equals("ANY")) {
                    clash = byShape.entrySet().stream().filter(x -> x.getKey().endsWith(" " + shape))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                }
                if (clash == null) {
                    clash = byShape.get("ANY " + shape);
                }
                if (clash != null && !clash.function().logicalId().equals(f.logicalId())) {
                    problems.add(h.position(), f.logicalId(), "route " + method + " " + h.path() + " (event " + h.id()
                            + ") is also served by " + clash.function().logicalId() + " (" + clash.event().position()
                            + ", route " + clash.event().method().toUpperCase(Locale.ROOT) + " " + clash.event().path()
                            + "); change the Path or Method of one of them");
                    continue;
                }
                byShape.putIfAbsent(method + " " + shape, new Claim(f, h));
            }
        }
    }

    private static String shape(String path) {
        String p = path.replaceAll("\\{[^}/]*\\+}", "{+}").replaceAll("\\{[^}/+]*}", "{}");
        return p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
    }
}
