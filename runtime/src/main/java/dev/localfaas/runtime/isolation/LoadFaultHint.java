package dev.localfaas.runtime.isolation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fix for the two load errors beginners meet most, added to the message Lambda gives: a JAR built without its
 * dependencies (the Lambda interfaces are missing at run time), and classes compiled for a newer Java than this JVM.
 */
final class LoadFaultHint {

    private static final String LAMBDA_CORE = "com/amazonaws/services/lambda/runtime/";
    private static final Pattern VERSIONS =
            Pattern.compile("class file version (\\d+)\\.\\d+\\).*versions up to (\\d+)\\.\\d+");

    private LoadFaultHint() {
    }

    /** A sentence to append to the load error's message, when {@code fault} is one we can explain. */
    static Optional<String> of(Throwable fault) {
        String message = String.valueOf(fault.getMessage());
        if (fault instanceof NoClassDefFoundError && message.replace('.', '/').startsWith(LAMBDA_CORE)) {
            return Optional.of("the deployment package does not bundle aws-lambda-java-core: build a shaded JAR "
                    + "with its dependencies (maven-shade-plugin, see docs/getting-started.md#shading)");
        }
        if (fault instanceof UnsupportedClassVersionError) {
            Matcher m = VERSIONS.matcher(message);
            if (m.find()) {
                int compiledFor = Integer.parseInt(m.group(1)) - 44;
                int runningOn = Integer.parseInt(m.group(2)) - 44;
                return Optional.of("compiled for Java " + compiledFor + " but localfaas runs on Java " + runningOn
                        + ": run faas with a JDK " + compiledFor + " or newer, or compile with --release " + runningOn
                        + " (maven.compiler.release)");
            }
        }
        return Optional.empty();
    }
}
