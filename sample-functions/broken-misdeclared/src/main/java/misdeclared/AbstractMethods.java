package misdeclared;

import dev.localfaas.api.Function;

/** An abstract class: its static handler method is fine, its instance handler method has no instance to run on. */
public abstract class AbstractMethods {

    @Function(name = "abstract-instance")
    public String run(String input) {
        return input;
    }

    @Function(name = "static-in-abstract")
    public static String util(String input) {
        return input;
    }
}
