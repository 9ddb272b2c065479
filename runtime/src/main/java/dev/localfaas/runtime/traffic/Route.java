package dev.localfaas.runtime.traffic;

import dev.localfaas.runtime.function.FunctionSpec;

/**
 * Where one call goes: {@code $LATEST} or a published version, chosen from the qualifier it named.
 *
 * @param function  the function's name
 * @param version   {@code $LATEST} or the version's number
 * @param spec      the version's spec (its own package copy), null for {@code $LATEST}
 * @param qualifier what the invoked ARN ends with ({@code live}, {@code 3}), null when the call was unqualified
 */
public record Route(String function, String version, FunctionSpec spec, String qualifier) {

    public static final String LATEST = "$LATEST";

    public boolean latest() {
        return spec == null;
    }
}
