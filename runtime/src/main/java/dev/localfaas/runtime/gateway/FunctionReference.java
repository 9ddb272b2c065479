package dev.localfaas.runtime.gateway;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The function an Invoke call names, in any of the forms Lambda accepts: {@code my-function},
 * {@code my-function:v1}, {@code 123456789012:function:my-function} or a full ARN, with an optional qualifier
 * also given as {@code ?Qualifier=}. Region and account in an ARN are not checked: there is one local account.
 */
record FunctionReference(String name, Optional<String> qualifier) {

    private static final Pattern FORM = Pattern.compile(
            "(?:arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]*:\\d{12}:function:|\\d{12}:function:|function:)?"
                    + "([a-zA-Z0-9._-]+)(?::(\\$LATEST|[a-zA-Z0-9_-]+))?");

    /** @throws InvalidReference with the one-line message Lambda would give */
    static FunctionReference parse(String functionName, String queryQualifier) {
        Matcher m = FORM.matcher(functionName);
        if (functionName.isEmpty() || functionName.length() > 256 || !m.matches()) {
            throw new InvalidReference("1 validation error detected: Value '" + functionName
                    + "' at 'functionName' failed to satisfy constraint: Member must be a function name, "
                    + "name:qualifier or function ARN");
        }
        Optional<String> fromName = Optional.ofNullable(m.group(2));
        Optional<String> fromQuery = Optional.ofNullable(queryQualifier).filter(q -> !q.isEmpty());
        if (fromName.isPresent() && fromQuery.isPresent() && !fromName.equals(fromQuery)) {
            throw new InvalidReference("The derived qualifier from the function name does not match the specified qualifier.");
        }
        return new FunctionReference(m.group(1), fromName.or(() -> fromQuery));
    }

    /** The ARN Lambda names in a not-found message: {@code $LATEST} when no qualifier was given. */
    String arn(ApiGatewayContext account) {
        return "arn:aws:lambda:" + account.region() + ":" + account.accountId() + ":function:" + name
                + ":" + qualifier.orElse("$LATEST");
    }

    static final class InvalidReference extends RuntimeException {
        InvalidReference(String message) {
            super(message, null, false, false);
        }
    }
}
