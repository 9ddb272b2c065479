package dev.localfaas.runtime.isolation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * A {@code package.Class::method} handler, resolved as the AWS runtime resolves it (lambda-contract.md §1.3):
 * public methods of that name, non-bridge first, then most parameters (a trailing {@code Context} counting one
 * extra), and the first whose signature is one of the accepted forms wins.
 */
final class MethodHandlerAdapter implements HandlerAdapter {

    /** What each parameter of the handler method receives. */
    private enum Slot { INPUT_STREAM, OUTPUT_STREAM, CONTEXT, POJO }

    private final MethodHandle handle;
    private final Slot[] slots;
    private final JsonBridge json;

    private MethodHandlerAdapter(MethodHandle handle, Slot[] slots, JsonBridge json) {
        this.handle = handle;
        this.slots = slots;
        this.json = json;
    }

    static HandlerAdapter create(Class<?> cls, String methodName, LambdaApi api, AwsSerializers serializers)
            throws FunctionLoadException {
        Method[] candidates = Arrays.stream(cls.getMethods())
                .filter(m -> m.getName().equals(methodName))
                .sorted(Comparator.comparing(Method::isBridge).thenComparing(m -> -weight(m, api)))
                .toArray(Method[]::new);
        for (Method method : candidates) {
            Optional<Slot[]> slots = slots(method, api);
            if (slots.isEmpty()) {
                continue;
            }
            try {
                MethodHandle handle = MethodHandles.publicLookup().unreflect(method);
                if (!Modifier.isStatic(method.getModifiers())) {
                    handle = handle.bindTo(HandlerResolver.newInstance(cls));
                }
                Type pojoType = null;
                for (int i = 0; i < slots.get().length; i++) {
                    if (slots.get()[i] == Slot.POJO) {
                        pojoType = method.getGenericParameterTypes()[i];
                    }
                }
                return new MethodHandlerAdapter(handle.asSpreader(Object[].class, method.getParameterCount()),
                        slots.get(), JsonBridge.of(serializers, pojoType, method.getGenericReturnType()));
            } catch (IllegalAccessException e) {
                throw new FunctionLoadException("Method " + cls.getName() + "::" + methodName + " is not accessible: "
                        + e.getMessage() + "; make the class and the method public", e.getClass().getName(), e);
            }
        }
        throw new FunctionLoadException("No public method named " + methodName
                + " with appropriate method signature found on class " + cls.getName(), null, null);
    }

    private static int weight(Method m, LambdaApi api) {
        Class<?>[] p = m.getParameterTypes();
        boolean lastIsContext = p.length > 0 && p[p.length - 1].equals(api.context());
        return p.length + (lastIsContext ? 1 : 0);
    }

    private static Optional<Slot[]> slots(Method method, LambdaApi api) {
        Class<?>[] params = method.getParameterTypes();
        if (params.length > 3) {
            return Optional.empty();
        }
        Slot[] slots = new Slot[params.length];
        for (int i = 0; i < params.length; i++) {
            Class<?> p = params[i];
            if (p == InputStream.class) {
                slots[i] = Slot.INPUT_STREAM;
            } else if (p == OutputStream.class) {
                slots[i] = Slot.OUTPUT_STREAM;
            } else if (api.context() != null && p.equals(api.context())) {
                slots[i] = Slot.CONTEXT;
            } else {
                slots[i] = Slot.POJO;
            }
        }
        return accepted(slots) ? Optional.of(slots) : Optional.empty();
    }

    /** The signatures of §1.3's table, and no others. */
    private static boolean accepted(Slot[] s) {
        return switch (s.length) {
            case 0 -> true;
            case 1 -> true;
            case 2 -> (s[0] == Slot.OUTPUT_STREAM && s[1] == Slot.CONTEXT)
                    || (s[0] == Slot.INPUT_STREAM && (s[1] == Slot.OUTPUT_STREAM || s[1] == Slot.CONTEXT))
                    || (s[0] == Slot.POJO && s[1] == Slot.CONTEXT);
            case 3 -> s[0] == Slot.INPUT_STREAM && s[1] == Slot.OUTPUT_STREAM && s[2] == Slot.CONTEXT;
            default -> false;
        };
    }

    @Override
    public byte[] invoke(byte[] event, Object context) throws Throwable {
        Object[] args = new Object[slots.length];
        ByteArrayOutputStream out = null;
        boolean streamIn = false;
        for (int i = 0; i < slots.length; i++) {
            switch (slots[i]) {
                case INPUT_STREAM -> {
                    args[i] = new ByteArrayInputStream(event);
                    streamIn = true;
                }
                case OUTPUT_STREAM -> {
                    out = new ByteArrayOutputStream();
                    args[i] = out;
                }
                case CONTEXT -> args[i] = context;
                case POJO -> args[i] = json.read(event);
            }
        }
        Object result = handle.invoke(args);
        if (out != null) {
            return out.toByteArray();
        }
        return streamIn ? JsonBridge.NULL : json.write(result);
    }
}
