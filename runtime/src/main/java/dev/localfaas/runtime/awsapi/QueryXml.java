package dev.localfaas.runtime.awsapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Query-protocol answers: {@code <ActionResponse xmlns=..><ActionResult>..</ActionResult><ResponseMetadata>
 * <RequestId>..</RequestId></ResponseMetadata></ActionResponse>}, and {@code <ErrorResponse>}, as AWS documents them.
 */
final class QueryXml {
    private QueryXml() {
    }

    static String response(QueryShapes shapes, String action, JsonNode output, String requestId) {
        StringBuilder x = new StringBuilder(256);
        x.append("<?xml version=\"1.0\"?>");
        x.append('<').append(action).append("Response xmlns=\"").append(shapes.namespace()).append("\">");
        if (output != null) {
            x.append('<').append(action).append("Result>");
            members(x, shapes, action, output);
            x.append("</").append(action).append("Result>");
        }
        x.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata>");
        x.append("</").append(action).append("Response>");
        return x.toString();
    }

    static String error(String namespace, AwsException e, String requestId) {
        return "<?xml version=\"1.0\"?><ErrorResponse xmlns=\"" + namespace + "\"><Error><Type>"
                + (e.senderFault() ? "Sender" : "Receiver") + "</Type><Code>" + escape(e.queryCode()) + "</Code><Message>"
                + escape(e.getMessage()) + "</Message><Detail/></Error><RequestId>" + requestId
                + "</RequestId></ErrorResponse>";
    }

    private static void members(StringBuilder x, QueryShapes shapes, String action, JsonNode node) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            QueryShapes.Rule rule = shapes.rule(action, m.getKey());
            if (rule == null) {
                element(x, shapes, action, m.getKey(), m.getValue());
            } else if (rule.isMap()) {
                if (rule.wrapped()) {
                    x.append('<').append(m.getKey()).append('>');
                }
                for (Iterator<Map.Entry<String, JsonNode>> e = m.getValue().fields(); e.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = e.next();
                    x.append('<').append(rule.element()).append('>');
                    x.append('<').append(rule.keyName()).append('>').append(escape(entry.getKey()))
                            .append("</").append(rule.keyName()).append('>');
                    element(x, shapes, action, rule.valueName(), entry.getValue());
                    x.append("</").append(rule.element()).append('>');
                }
                if (rule.wrapped()) {
                    x.append("</").append(m.getKey()).append('>');
                }
            } else {
                for (JsonNode item : m.getValue()) {
                    element(x, shapes, action, rule.element(), item);
                }
            }
        }
    }

    private static void element(StringBuilder x, QueryShapes shapes, String action, String name, JsonNode value) {
        x.append('<').append(name).append('>');
        if (value.isObject()) {
            members(x, shapes, action, value);
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                element(x, shapes, action, "member", item);
            }
        } else {
            x.append(escape(value.asText()));
        }
        x.append("</").append(name).append('>');
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
