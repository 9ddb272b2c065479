package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.function.FunctionSpec;
import java.util.List;
import java.util.Optional;

/**
 * The one way triggers (gateway, Invoke API, schedules, queues, CLI) reach functions. It always reflects the
 * functions currently loaded, so that hot reload is invisible to callers.
 */
public interface FunctionInvoker {

    List<FunctionSpec> functions();

    Optional<FunctionSpec> function(String name);

    /**
     * Runs one invocation and waits for it. Function errors, timeouts and throttles are results, not exceptions.
     *
     * @throws UnknownFunctionException when no function has that name
     */
    InvocationResult invoke(String function, Invocation invocation);
}
