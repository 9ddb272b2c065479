package misdeclared;

import dev.localfaas.api.Function;

/** An instance method handler on a class that cannot be created without arguments. */
public class NoCtorMethod {

    private final String prefix;

    public NoCtorMethod(String prefix) {
        this.prefix = prefix;
    }

    @Function(name = "needs-ctor")
    public String run(String input) {
        return prefix + input;
    }
}
