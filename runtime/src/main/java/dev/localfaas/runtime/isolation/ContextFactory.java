package dev.localfaas.runtime.isolation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds the {@code Context} and {@code LambdaLogger} a handler receives, as dynamic proxies of the function's own
 * interfaces (the runtime has no AWS dependency). Methods answer as the AWS runtime answers (lambda-contract.md
 * §3.1); default methods added in later versions of {@code aws-lambda-java-core} run their own body unless known.
 */
public final class ContextFactory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaApi api;
    private final ClassLoader loader;
    private final Object logger;
    private final Constructor<?> contextProxy;
    /** The request id of the invocation the environment runs (one at a time), for the logger's JSON records. */
    private volatile String requestId;

    public ContextFactory(LambdaApi api, ClassLoader loader, LogWriter log) {
        this(api, loader, log, Map.of());
    }

    /**
     * @param environment the function's environment variables: {@code AWS_LAMBDA_LOG_FORMAT} and
     *                    {@code AWS_LAMBDA_LOG_LEVEL} shape what its {@code LambdaLogger} writes, as on Lambda
     */
    public ContextFactory(LambdaApi api, ClassLoader loader, LogWriter log, Map<String, String> environment) {
        this.api = api;
        this.loader = loader;
        this.logger = api.lambdaLogger() == null ? null
                : proxy(api.lambdaLogger(), new LoggerHandler(log, LoggerSettings.of(environment), () -> requestId));
        this.contextProxy = api.context() == null ? null : proxyConstructor(api.context());
    }

    /** The proxy class's constructor, found once: a context is made per invocation, on the hot path. */
    private Constructor<?> proxyConstructor(Class<?> type) {
        try {
            return proxy(type, (p, m, a) -> null).getClass().getConstructor(InvocationHandler.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the JDK's proxy classes have changed: " + e.getMessage(), e);
        }
    }

    /** The environment's logger (the same object {@code LambdaRuntime.getLogger()} returns), or null. */
    public Object logger() {
        return logger;
    }

    /** A context for one invocation, or null when the function bundles no {@code Context} interface. */
    public Object context(ContextValues values) {
        requestId = values.requestId();
        if (contextProxy == null) {
            return null;
        }
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "getAwsRequestId" -> values.requestId();
            case "getLogGroupName" -> values.logGroupName();
            case "getLogStreamName" -> values.logStreamName();
            case "getFunctionName" -> values.functionName();
            case "getFunctionVersion" -> values.functionVersion();
            case "getInvokedFunctionArn" -> values.invokedFunctionArn();
            case "getXrayTraceId" -> values.traceHeader();
            case "getIdentity", "getTenantId" -> null;
            case "getClientContext" -> clientContext(values.clientContext());
            case "getRemainingTimeInMillis" ->
                    (int) Math.max(0, values.deadlineMillis() - System.currentTimeMillis());
            case "getMemoryLimitInMB" -> values.memoryLimitInMB();
            case "getLogger" -> logger;
            default -> objectMethod(proxy, method, args, "LambdaContext[" + values.requestId() + "]");
        };
        try {
            return contextProxy.newInstance(handler);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the Context proxy: " + e, e);
        }
    }

    private Object clientContext(String json) throws Exception {
        Class<?> type = find("ClientContext");
        if (json == null || type == null) {
            return null;
        }
        Map<?, ?> tree = JSON.readValue(json, Map.class);
        Map<?, ?> client = tree.get("client") instanceof Map<?, ?> m ? m : Map.of();
        Class<?> clientType = find("Client");
        Object clientProxy = clientType == null ? null : proxy(clientType, (p, m, a) -> switch (m.getName()) {
            case "getInstallationId" -> client.get("installation_id");
            case "getAppTitle" -> client.get("app_title");
            case "getAppVersionName" -> client.get("app_version_name");
            case "getAppVersionCode" -> client.get("app_version_code");
            case "getAppPackageName" -> client.get("app_package_name");
            default -> objectMethod(p, m, a, "Client");
        });
        return proxy(type, (p, m, a) -> switch (m.getName()) {
            case "getClient" -> clientProxy;
            case "getCustom" -> tree.get("custom");
            case "getEnvironment" -> tree.get("env");
            default -> objectMethod(p, m, a, "ClientContext");
        });
    }

    private Class<?> find(String simpleName) {
        try {
            return Class.forName(LambdaApi.PACKAGE + simpleName, false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private Object proxy(Class<?> type, InvocationHandler handler) {
        return Proxy.newProxyInstance(loader, new Class<?>[] {type}, handler);
    }

    static Object objectMethod(Object proxy, Method method, Object[] args, String description) throws Throwable {
        return switch (method.getName()) {
            case "toString" -> description;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> method.isDefault()
                    ? InvocationHandler.invokeDefault(proxy, method, args)
                    : null;
        };
    }

    /**
     * {@code LambdaLogger} as the AWS runtime's: each call is one log record ({@link LogWriter#record}), on its own
     * line, one record however many lines it holds; a call below {@code AWS_LAMBDA_LOG_LEVEL} is dropped
     * ({@code log(String)}, level UNDEFINED, never is); in the TEXT format a level other than UNDEFINED prefixes
     * {@code [LEVEL] }, in the JSON format each call is one object {@code {"timestamp","message","level","AWSRequestId"}}.
     */
    private record LoggerHandler(LogWriter log, LoggerSettings settings, java.util.function.Supplier<String> requestId)
            implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (!method.getName().equals("log") || args == null || args.length == 0) {
                return objectMethod(proxy, method, args, "LambdaLogger");
            }
            String level = args.length == 2 && args[1] != null ? args[1].toString() : "UNDEFINED";
            if (!settings.passes(level)) {
                return null;
            }
            byte[] body = args[0] instanceof byte[] bytes ? bytes
                    : String.valueOf(args[0]).getBytes(StandardCharsets.UTF_8);
            if (settings.json()) {
                log.record(settings.record(new String(body, StandardCharsets.UTF_8), level, requestId.get()));
                return null;
            }
            String prefix = level.equals("UNDEFINED") ? "" : "[" + level + "] ";
            // AWS sends each log() call as one log event (a frame): text without a trailing newline is still a line of
            // its own, never joined to the next call's text, and a message of several lines stays one record
            byte[] framed = new byte[prefix.length() + body.length];
            System.arraycopy(prefix.getBytes(StandardCharsets.UTF_8), 0, framed, 0, prefix.length());
            System.arraycopy(body, 0, framed, prefix.length(), body.length);
            log.record(framed);
            return null;
        }
    }
}
