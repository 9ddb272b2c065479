package dev.localfaas.runtime.isolation;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Optional;

/**
 * The concrete type arguments a handler class gives {@code RequestHandler<I, O>}, resolved through its superclasses
 * and interfaces, as plain {@link Type}s that AWS's serializers take.
 */
final class DeclaredTypes {

    private DeclaredTypes() {
    }

    /** {@code [I, O]}, or empty when the class does not give two concrete type arguments. */
    static Optional<Type[]> requestHandlerTypes(Class<?> handlerClass, Class<?> requestHandler) {
        // a private cache, so that no class of the function stays in Jackson's static one
        TypeFactory types = TypeFactory.defaultInstance().withCache(new LRUMap<Object, JavaType>(8, 64));
        JavaType[] params = types.constructType(handlerClass).findTypeParameters(requestHandler);
        if (params.length != 2) {
            return Optional.empty();
        }
        return Optional.of(new Type[] {plain(params[0]), plain(params[1])});
    }

    private static Type plain(JavaType type) {
        if (type.containedTypeCount() == 0 || type.isArrayType()) {
            return type.getRawClass();
        }
        Type[] args = new Type[type.containedTypeCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = plain(type.containedType(i));
        }
        return new Parameterized(type.getRawClass(), args);
    }

    private record Parameterized(Class<?> raw, Type[] args) implements ParameterizedType {

        @Override
        public Type[] getActualTypeArguments() {
            return args.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return raw.getDeclaringClass();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParameterizedType p && raw.equals(p.getRawType())
                    && Arrays.equals(args, p.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(args) ^ raw.hashCode();
        }

        @Override
        public String toString() {
            return raw.getName() + Arrays.toString(args);
        }
    }
}
