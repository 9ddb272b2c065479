package dev.localfaas.runtime.awsapi;

/** How a query-protocol service names things in its XML answers, where they differ from the JSON member names. */
public interface QueryShapes {

    /** The XML namespace of every response and error ({@code http://queue.amazonaws.com/doc/2012-11-05/}). */
    String namespace();

    /**
     * How the member {@code member} of an answer to {@code action} is written: as a flattened list or map, or null for
     * the plain form (scalars and structures as elements, lists as {@code <member>} items).
     */
    Rule rule(String action, String member);

    /**
     * A member written as repeated elements named {@code element} (flattened); a map writes key and value inside.
     * A wrapped map keeps the member's own element around its entries, as SNS writes {@code <Attributes><entry>
     * <key>..</key><value>..</value></entry></Attributes>}.
     */
    record Rule(String element, String keyName, String valueName, boolean wrapped) {
        public static Rule list(String element) {
            return new Rule(element, null, null, false);
        }

        public static Rule map(String element, String keyName, String valueName) {
            return new Rule(element, keyName, valueName, false);
        }

        public static Rule wrappedMap(String element, String keyName, String valueName) {
            return new Rule(element, keyName, valueName, true);
        }

        boolean isMap() {
            return keyName != null;
        }
    }
}
