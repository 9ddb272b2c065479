package dev.localfaas.runtime.trigger.queue;

import java.util.Base64;

/**
 * One SQS message attribute. {@code dataType} is {@code String}, {@code Number} or {@code Binary} (optionally with a
 * custom suffix such as {@code Number.int}); binary values are kept base64-encoded, as the SQS event carries them.
 */
public record MessageAttribute(String dataType, String stringValue, String binaryValue) {

    public MessageAttribute {
        if (dataType == null || !(dataType.startsWith("String") || dataType.startsWith("Number")
                || dataType.startsWith("Binary"))) {
            throw new QueueRequestException("message attribute type '" + dataType
                    + "' is not supported; use String, Number or Binary");
        }
        boolean binary = dataType.startsWith("Binary");
        if (binary ? binaryValue == null : stringValue == null) {
            throw new QueueRequestException("message attribute of type " + dataType + " has no value; give it one");
        }
    }

    public static MessageAttribute string(String value) {
        return new MessageAttribute("String", value, null);
    }

    public static MessageAttribute number(String value) {
        return new MessageAttribute("Number", value, null);
    }

    public static MessageAttribute binary(byte[] value) {
        return new MessageAttribute("Binary", null, Base64.getEncoder().encodeToString(value));
    }

    /** SQS's {@code MD5OfMessageAttributes} of these attributes (what the SDKs check a send and a receive against). */
    public static String md5Of(java.util.Map<String, MessageAttribute> attributes) {
        return AttributeCodec.md5(attributes);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore // not a stored property: the store's JSON stays as it was
    public boolean isBinary() {
        return dataType.startsWith("Binary");
    }
}
