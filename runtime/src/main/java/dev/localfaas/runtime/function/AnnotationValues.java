package dev.localfaas.runtime.function;

import io.github.classgraph.AnnotationInfo;
import io.github.classgraph.AnnotationInfoList;
import io.github.classgraph.AnnotationParameterValueList;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of one annotation as written in bytecode. Only the values the source spelled out are there (faas-api is
 * a provided dependency, so the annotation's own defaults are not in the JAR); callers supply the defaults.
 */
final class AnnotationValues {

    private final AnnotationParameterValueList values;

    private AnnotationValues(AnnotationInfo annotation) {
        this.values = annotation.getParameterValues(false);
    }

    /**
     * Every occurrence of a repeatable annotation: written once it is stored as itself, written twice or more the
     * compiler wraps the occurrences in the container annotation's {@code value}.
     */
    static List<AnnotationValues> repeatable(AnnotationInfoList annotations, String name, String container) {
        List<AnnotationValues> found = new ArrayList<>();
        AnnotationInfo single = annotations.get(name);
        if (single != null) {
            found.add(new AnnotationValues(single));
        }
        AnnotationInfo wrapper = annotations.get(container);
        if (wrapper != null && wrapper.getParameterValues(false).getValue("value") instanceof Object[] items) {
            for (Object item : items) {
                if (item instanceof AnnotationInfo annotation) {
                    found.add(new AnnotationValues(annotation));
                }
            }
        }
        return found;
    }

    static AnnotationValues of(AnnotationInfo annotation) {
        return new AnnotationValues(annotation);
    }

    String string(String name, String defaultValue) {
        Object value = values.getValue(name);
        return value == null ? defaultValue : value.toString();
    }

    int integer(String name, int defaultValue) {
        return values.getValue(name) instanceof Number n ? n.intValue() : defaultValue;
    }

    boolean bool(String name, boolean defaultValue) {
        return values.getValue(name) instanceof Boolean b ? b : defaultValue;
    }

    List<String> strings(String name) {
        Object value = values.getValue(name);
        if (value instanceof Object[] items) {
            List<String> strings = new ArrayList<>();
            for (Object item : items) {
                strings.add(String.valueOf(item));
            }
            return strings;
        }
        return value == null ? List.of() : List.of(value.toString());
    }
}
