package dev.localfaas.runtime.isolation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Date;

/**
 * The two date conventions of the AWS events serializer: {@code java.util.Date} as epoch <em>seconds</em> (a
 * double), and Joda {@code DateTime} as ISO-8601 text through the Joda classes the function bundles.
 */
final class EventDateModules {

    private EventDateModules() {
    }

    static SimpleModule epochSecondsDates() {
        SimpleModule module = new SimpleModule("lambda-epoch-seconds-dates");
        module.addSerializer(Date.class, new JsonSerializer<>() {
            @Override
            public void serialize(Date value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeNumber(value.getTime() / 1000.0);
            }
        });
        module.addDeserializer(Date.class, new JsonDeserializer<>() {
            @Override
            public Date deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                double seconds = p.currentToken() == JsonToken.VALUE_STRING
                        ? Double.parseDouble(p.getText()) : p.getDoubleValue();
                return seconds == 0.0 ? null : new Date((long) (seconds * 1000));
            }
        });
        return module;
    }

    /** Joda support bound to the function's own {@code org.joda.time}; an empty module when it bundles none. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static SimpleModule jodaDateTimes(ClassLoader functionLoader) {
        SimpleModule module = new SimpleModule("lambda-joda-datetime");
        try {
            Class dateTime = Class.forName("org.joda.time.DateTime", false, functionLoader);
            Class readableInstant = Class.forName("org.joda.time.ReadableInstant", false, functionLoader);
            Class isoFormat = Class.forName("org.joda.time.format.ISODateTimeFormat", false, functionLoader);
            Class formatter = Class.forName("org.joda.time.format.DateTimeFormatter", false, functionLoader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle parse = lookup.findStatic(dateTime, "parse", MethodType.methodType(dateTime, String.class));
            MethodHandle iso = lookup.findStatic(isoFormat, "dateTime", MethodType.methodType(formatter));
            MethodHandle print = lookup.findVirtual(formatter, "print",
                    MethodType.methodType(String.class, readableInstant));
            module.addSerializer(dateTime, new JsonSerializer<Object>() {
                @Override
                public void serialize(Object value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                    try {
                        gen.writeString((String) print.invoke(iso.invoke(), value));
                    } catch (IOException | RuntimeException | Error e) {
                        throw e;
                    } catch (Throwable t) {
                        throw new IOException(t);
                    }
                }
            });
            module.addDeserializer(dateTime, new JsonDeserializer<Object>() {
                @Override
                public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                    try {
                        return parse.invoke(p.getValueAsString());
                    } catch (IOException | RuntimeException | Error e) {
                        throw e;
                    } catch (Throwable t) {
                        throw new IOException(t);
                    }
                }
            });
        } catch (ReflectiveOperationException | LinkageError e) {
            // the function bundles no Joda: no event it reads can hold a DateTime
        }
        return module;
    }
}
