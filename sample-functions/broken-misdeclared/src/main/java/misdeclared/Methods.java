package misdeclared;

import com.amazonaws.services.lambda.runtime.Context;
import dev.localfaas.api.Function;

/** Method handlers: one valid, one not public, one with parameters the runtime cannot fill. */
public class Methods {

    @Function(name = "fine-method")
    public String fine(String input, Context context) {
        return input;
    }

    @Function(name = "hidden-method")
    String hidden(String input) {
        return input;
    }

    @Function(name = "two-inputs")
    public String twoInputs(String first, String second) {
        return first + second;
    }
}
