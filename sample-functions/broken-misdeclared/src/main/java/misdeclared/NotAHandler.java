package misdeclared;

import dev.localfaas.api.Function;

/** @Function on a class that implements no handler interface: AWS would not know which method to call. */
@Function(name = "not-a-handler")
public class NotAHandler {

    public String handleRequest(String input) {
        return input;
    }
}
