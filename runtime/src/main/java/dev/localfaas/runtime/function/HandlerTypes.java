package dev.localfaas.runtime.function;

import io.github.classgraph.ArrayTypeSignature;
import io.github.classgraph.BaseTypeSignature;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ClassRefTypeSignature;
import io.github.classgraph.ClassTypeSignature;
import io.github.classgraph.TypeArgument;
import io.github.classgraph.TypeParameter;
import io.github.classgraph.TypeSignature;
import io.github.classgraph.TypeVariableSignature;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

/**
 * Names of the AWS handler types, and the input type of a handler read from generic signatures in bytecode.
 *
 * <p>Like the AWS runtime's {@code findInterfaceParameters}, the {@code I} of {@code RequestHandler<I, O>} is found by
 * a breadth-first walk over superclasses and interfaces, carrying type-variable bindings along, so that
 * {@code class Orders extends Base<SQSEvent>} with {@code Base<T> implements RequestHandler<T, Void>} gives
 * {@code SQSEvent}. Types are reported erased ({@code java.util.Map}, not {@code Map<String, Object>}).
 */
final class HandlerTypes {

    static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
    static final String REQUEST_STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";
    static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    static final String INPUT_STREAM = "java.io.InputStream";
    static final String OUTPUT_STREAM = "java.io.OutputStream";

    /** What {@link FunctionSpec#inputType()} holds when the bytecode does not tell. */
    static final String UNKNOWN = "";

    private HandlerTypes() {
    }

    /** The erased {@code I} of the {@code RequestHandler<I, O>} the class implements, or {@link #UNKNOWN}. */
    static String requestHandlerInput(ClassInfo handler) {
        record Step(ClassInfo type, Map<String, TypeSignature> bindings) {
        }
        Queue<Step> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        queue.add(new Step(handler, Map.of()));
        while (!queue.isEmpty()) {
            Step step = queue.remove();
            if (!seen.add(step.type().getName())) {
                continue;
            }
            ClassTypeSignature signature = step.type().getTypeSignatureOrTypeDescriptor();
            if (signature == null) {
                continue;
            }
            for (ClassRefTypeSignature parent : signature.getSuperinterfaceSignatures()) {
                if (parent.getFullyQualifiedClassName().equals(REQUEST_HANDLER)) {
                    List<TypeArgument> args = typeArguments(parent);
                    return args.size() == 2 ? erasure(argument(args.get(0), step.bindings())) : UNKNOWN;
                }
            }
            for (ClassRefTypeSignature parent : parents(signature)) {
                ClassInfo parentInfo = parent.getClassInfo();
                if (parentInfo != null) {
                    queue.add(new Step(parentInfo, bind(parentInfo, typeArguments(parent), step.bindings())));
                }
            }
        }
        return UNKNOWN;
    }

    /** The erased name of a parameter or type-argument type, or {@link #UNKNOWN} for an unbound type variable. */
    static String erasure(TypeSignature type) {
        if (type instanceof ClassRefTypeSignature ref) {
            return ref.getFullyQualifiedClassName();
        }
        if (type instanceof BaseTypeSignature base) {
            return base.getTypeStr();
        }
        if (type instanceof ArrayTypeSignature array) {
            String element = erasure(array.getElementTypeSignature());
            return element.isEmpty() ? UNKNOWN : element + "[]".repeat(array.getNumDimensions());
        }
        return UNKNOWN;
    }

    private static List<ClassRefTypeSignature> parents(ClassTypeSignature signature) {
        List<ClassRefTypeSignature> parents = new java.util.ArrayList<>(signature.getSuperinterfaceSignatures());
        if (signature.getSuperclassSignature() != null) {
            parents.add(signature.getSuperclassSignature());
        }
        return parents;
    }

    /** The type arguments of the innermost class of {@code Outer<A>.Inner<B>}, i.e. {@code B}. */
    private static List<TypeArgument> typeArguments(ClassRefTypeSignature ref) {
        List<List<TypeArgument>> suffixArgs = ref.getSuffixTypeArguments();
        return suffixArgs.isEmpty() ? ref.getTypeArguments() : suffixArgs.get(suffixArgs.size() - 1);
    }

    /** Binds the parent's type parameters to the arguments the child passes, resolved in the child's bindings. */
    private static Map<String, TypeSignature> bind(ClassInfo parent, List<TypeArgument> args,
                                                   Map<String, TypeSignature> childBindings) {
        ClassTypeSignature signature = parent.getTypeSignature();
        if (signature == null || args.isEmpty()) {
            return Map.of();
        }
        List<TypeParameter> params = signature.getTypeParameters();
        Map<String, TypeSignature> bindings = new HashMap<>();
        for (int i = 0; i < Math.min(params.size(), args.size()); i++) {
            TypeSignature resolved = argument(args.get(i), childBindings);
            if (resolved != null) {
                bindings.put(params.get(i).getName(), resolved);
            }
        }
        return bindings;
    }

    private static TypeSignature argument(TypeArgument arg, Map<String, TypeSignature> bindings) {
        if (arg.getWildcard() != TypeArgument.Wildcard.NONE) {
            return null;
        }
        TypeSignature type = arg.getTypeSignature();
        if (type instanceof TypeVariableSignature variable) {
            return bindings.get(variable.getName());
        }
        return type;
    }
}
