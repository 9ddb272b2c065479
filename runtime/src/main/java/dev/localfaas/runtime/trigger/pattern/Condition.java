package dev.localfaas.runtime.trigger.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** One entry of a key's value array: tested against one leaf value (a string, number, boolean or null). */
sealed interface Condition {

    boolean test(JsonNode value);

    /** A literal: strings equal exactly, numbers equal numerically (301.5 = 3.015e2), booleans and null as themselves. */
    record Exact(JsonNode literal) implements Condition {
        @Override
        public boolean test(JsonNode value) {
            if (literal.isNumber()) {
                return value.isNumber() && value.asDouble() == literal.asDouble();
            }
            if (literal.isNull()) {
                return value.isNull();
            }
            return value.getNodeType() == literal.getNodeType() && value.equals(literal);
        }
    }

    record Prefix(String prefix, boolean ignoreCase) implements Condition {
        @Override
        public boolean test(JsonNode value) {
            return value.isTextual() && value.asText().regionMatches(ignoreCase, 0, prefix, 0, prefix.length());
        }
    }

    record Suffix(String suffix, boolean ignoreCase) implements Condition {
        @Override
        public boolean test(JsonNode value) {
            String s = value.isTextual() ? value.asText() : null;
            return s != null && s.length() >= suffix.length()
                    && s.regionMatches(ignoreCase, s.length() - suffix.length(), suffix, 0, suffix.length());
        }
    }

    record EqualsIgnoreCase(String text) implements Condition {
        @Override
        public boolean test(JsonNode value) {
            return value.isTextual() && value.asText().equalsIgnoreCase(text);
        }
    }

    /** EventBridge {@code wildcard}: {@code *} is any run of characters, {@code \*} a literal star. */
    record Wildcard(String text, Pattern regex) implements Condition {
        static Wildcard of(String text) {
            StringBuilder regex = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '*' || text.charAt(i + 1) == '\\')) {
                    literal.append(text.charAt(++i));
                } else if (c == '*') {
                    regex.append(Pattern.quote(literal.toString())).append(".*");
                    literal.setLength(0);
                } else {
                    literal.append(c);
                }
            }
            regex.append(Pattern.quote(literal.toString()));
            return new Wildcard(text, Pattern.compile(regex.toString(), Pattern.DOTALL));
        }

        @Override
        public boolean test(JsonNode value) {
            return value.isTextual() && regex.matcher(value.asText()).matches();
        }
    }

    /** {@code numeric}: every bound holds. */
    record Numeric(List<Bound> bounds) implements Condition {
        record Bound(String operator, double limit) {
            boolean holds(double v) {
                return switch (operator) {
                    case "=" -> v == limit;
                    case "<" -> v < limit;
                    case "<=" -> v <= limit;
                    case ">" -> v > limit;
                    case ">=" -> v >= limit;
                    default -> false;
                };
            }
        }

        @Override
        public boolean test(JsonNode value) {
            return value.isNumber() && bounds.stream().allMatch(b -> b.holds(value.asDouble()));
        }
    }

    /** {@code anything-but}: a present value that none of the excluded conditions matches. */
    record AnythingBut(List<Condition> excluded) implements Condition {
        @Override
        public boolean test(JsonNode value) {
            return excluded.stream().noneMatch(c -> c.test(value));
        }
    }

    /** {@code exists}: true matches any leaf value; false matches only absence, which the matcher tests apart. */
    record Exists(boolean present) implements Condition {
        @Override
        public boolean test(JsonNode value) {
            return present;
        }
    }

    /** {@code cidr}: an IPv4 or IPv6 address inside the block. */
    record Cidr(String block, byte[] network, int prefixLength) implements Condition {
        private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

        static Optional<Cidr> parse(String block) {
            int slash = block.indexOf('/');
            if (slash < 0) {
                return address(block).map(a -> new Cidr(block, a, a.length * 8));
            }
            Optional<byte[]> network = address(block.substring(0, slash));
            try {
                int bits = Integer.parseInt(block.substring(slash + 1));
                return network.filter(a -> bits >= 0 && bits <= a.length * 8).map(a -> new Cidr(block, a, bits));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** The address bytes of an IP literal; never a DNS lookup (only literals reach InetAddress). */
        static Optional<byte[]> address(String text) {
            if (!IPV4.matcher(text).matches() && !(text.contains(":") && text.matches("[0-9A-Fa-f:.]+"))) {
                return Optional.empty();
            }
            try {
                return Optional.of(InetAddress.getByName(text).getAddress());
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }

        @Override
        public boolean test(JsonNode value) {
            if (!value.isTextual()) {
                return false;
            }
            Optional<byte[]> address = address(value.asText());
            if (address.isEmpty() || address.get().length != network.length) {
                return false;
            }
            int shift = network.length * 8 - prefixLength;
            BigInteger mask = BigInteger.ONE.shiftLeft(prefixLength).subtract(BigInteger.ONE).shiftLeft(shift);
            return new BigInteger(1, address.get()).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
