package dev.localfaas.runtime.function;

import static dev.localfaas.runtime.function.HandlerTypes.CONTEXT;
import static dev.localfaas.runtime.function.HandlerTypes.INPUT_STREAM;
import static dev.localfaas.runtime.function.HandlerTypes.OUTPUT_STREAM;

import java.util.List;

/**
 * The parameter lists the AWS Java runtime accepts for a {@code package.Class::method} handler (lambda-contract
 * section 1.3): none; one of anything; {@code (T, Context)} with T not a Context; {@code (InputStream, OutputStream)};
 * {@code (InputStream, OutputStream, Context)}. "Context" means exactly {@code com.amazonaws...Context}.
 */
final class MethodSignatures {

    private MethodSignatures() {
    }

    /** Whether the runtime can call a method with these erased parameter types. */
    static boolean callable(List<String> params) {
        return switch (params.size()) {
            case 0, 1 -> true;
            case 2 -> (params.get(1).equals(CONTEXT) && !params.get(0).equals(CONTEXT))
                    || (params.get(0).equals(INPUT_STREAM) && params.get(1).equals(OUTPUT_STREAM));
            case 3 -> params.equals(List.of(INPUT_STREAM, OUTPUT_STREAM, CONTEXT));
            default -> false;
        };
    }
}
