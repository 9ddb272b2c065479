package misdeclared;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** An unannotated abstract base handler: not a function itself; its concrete subclass is one. */
public abstract class Base<T> implements RequestHandler<T, String> {

    @Override
    public String handleRequest(T input, Context context) {
        return describe(input);
    }

    protected abstract String describe(T input);
}
