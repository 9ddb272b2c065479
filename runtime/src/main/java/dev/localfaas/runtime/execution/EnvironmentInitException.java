package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.isolation.FunctionLoadException;

/** An execution environment whose init failed; carries the user fault to report. */
final class EnvironmentInitException extends Exception {
    EnvironmentInitException(FunctionLoadException fault) {
        super(fault.getMessage(), fault);
    }

    FunctionLoadException fault() {
        return (FunctionLoadException) getCause();
    }
}
