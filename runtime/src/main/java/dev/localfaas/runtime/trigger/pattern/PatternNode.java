package dev.localfaas.runtime.trigger.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A compiled pattern: one object level, or the array of conditions under a key. */
sealed interface PatternNode {

    /** Whether the value found under this node's key (null when the key is absent) matches. */
    boolean matches(JsonNode value);

    /** How many value combinations the node allows (SNS caps a policy at 150). */
    long combinations();

    /** Leaf keys below this node (SNS caps a policy at 5). */
    int keyCount();

    /**
     * One object level: every key matches, and in every {@code $or} group one branch matches. Applied to an array of
     * objects it matches when one element does; applied to an absent or non-object value every key sees absence, so
     * that {@code exists: false} below can still match.
     */
    record Fields(Map<String, PatternNode> keys, List<List<Fields>> ors) implements PatternNode {
        @Override
        public boolean matches(JsonNode value) {
            if (value != null && value.isArray()) {
                for (JsonNode element : value) {
                    if (element.isObject() && matchesObject(element)) {
                        return true;
                    }
                }
                return false;
            }
            return matchesObject(value);
        }

        private boolean matchesObject(JsonNode value) {
            JsonNode object = value != null && value.isObject() ? value : null;
            for (Map.Entry<String, PatternNode> key : keys.entrySet()) {
                if (!key.getValue().matches(object == null ? null : object.get(key.getKey()))) {
                    return false;
                }
            }
            for (List<Fields> group : ors) {
                if (group.stream().noneMatch(branch -> branch.matchesObject(object))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public long combinations() {
            long product = 1;
            for (PatternNode node : keys.values()) {
                product = times(product, node.combinations());
            }
            for (List<Fields> group : ors) {
                product = times(product, group.stream().mapToLong(Fields::combinations).sum());
            }
            return product;
        }

        /** Saturates instead of overflowing: only "more than 150" matters. */
        private static long times(long a, long b) {
            long high = Math.multiplyHigh(a, b);
            return high != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
        }

        @Override
        public int keyCount() {
            int count = 0;
            for (PatternNode node : keys.values()) {
                count += node.keyCount();
            }
            for (List<Fields> group : ors) {
                for (Fields branch : group) {
                    count += branch.keyCount();
                }
            }
            return count;
        }
    }

    /**
     * The conditions under one key; the key matches when one of its leaf values meets one condition. A key that is
     * absent, or holds only objects (exists matching works on leaf nodes only), matches only {@code exists: false}.
     */
    record Leaf(List<Condition> conditions) implements PatternNode {
        @Override
        public boolean matches(JsonNode value) {
            List<JsonNode> leaves = leaves(value);
            if (leaves.isEmpty()) {
                return conditions.stream().anyMatch(c -> c instanceof Condition.Exists e && !e.present());
            }
            for (JsonNode leaf : leaves) {
                for (Condition c : conditions) {
                    if (c.test(leaf)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static List<JsonNode> leaves(JsonNode value) {
            List<JsonNode> leaves = new ArrayList<>();
            if (value == null || value.isMissingNode() || value.isObject()) {
                return leaves;
            }
            if (value.isArray()) {
                value.forEach(e -> {
                    if (!e.isContainerNode()) {
                        leaves.add(e);
                    }
                });
            } else {
                leaves.add(value);
            }
            return leaves;
        }

        @Override
        public long combinations() {
            return conditions.size();
        }

        @Override
        public int keyCount() {
            return 1;
        }
    }
}
