package dev.localfaas.runtime.function;

import static dev.localfaas.runtime.function.HandlerTypes.CONTEXT;
import static dev.localfaas.runtime.function.HandlerTypes.OUTPUT_STREAM;
import static dev.localfaas.runtime.function.HandlerTypes.REQUEST_HANDLER;
import static dev.localfaas.runtime.function.HandlerTypes.REQUEST_STREAM_HANDLER;

import io.github.classgraph.AnnotationInfoList;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.MethodInfo;
import io.github.classgraph.MethodParameterInfo;
import io.github.classgraph.ScanResult;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Finds the functions in one deployment package (a JAR, or a directory with its {@code lib/*.jar}) by reading its
 * bytecode with ClassGraph (no class is loaded), and reports, one line each, the handlers that the Lambda runtime
 * could not call.
 */
final class JarScanner {

    /**
     * Libraries that function JARs bundle and that never hold the user's handlers. Not scanning them keeps discovery
     * fast (a JAR with the AWS SDK holds thousands of classes); a user class that inherits its handler interface only
     * through one of these packages needs {@code @Function} to be found. Under {@code com.amazonaws} only the
     * libraries' own packages are listed: user code lives there too (every {@code aws-serverless-java-container}
     * sample is {@code com.amazonaws.serverless.sample.*}).
     */
    static final List<String> LIBRARY_PACKAGES = List.of(
            "com.amazonaws.services", // Lambda core, events, serialization, log4j2; SDK v1 service clients
            "com.amazonaws.lambda", "com.amazonaws.serverless.proxy", "com.amazonaws.serverless.exceptions",
            "com.amazonaws.xray", "com.amazonaws.auth", "com.amazonaws.http", "com.amazonaws.internal",
            "com.amazonaws.util", "com.amazonaws.regions", "com.amazonaws.transform", "com.amazonaws.metrics",
            "com.amazonaws.retry", "com.amazonaws.handlers", "com.amazonaws.event", "com.amazonaws.partitions",
            "com.amazonaws.protocol", "com.amazonaws.jmespath", "com.amazonaws.monitoring", "com.amazonaws.adapters",
            "com.amazonaws.arn", "com.amazonaws.annotation", "com.amazonaws.client", "com.amazonaws.waiters",
            "com.amazonaws.endpointdiscovery", "com.amazonaws.log", "com.amazonaws.profile", "com.amazonaws.cache",
            "software.amazon.awssdk", "software.amazon.lambda.powertools", "org.joda", "com.fasterxml", "com.google",
            "org.slf4j", "ch.qos.logback", "org.apache", "kotlin", "kotlinx", "scala", "io.netty", "javax", "jakarta",
            "org.json", "org.yaml", "org.jetbrains", "org.checkerframework", "org.bouncycastle");

    /**
     * The SDK v1's own classes directly in {@code com.amazonaws} ({@code AmazonWebServiceClient}, ...): scanned (a
     * package cannot be left out without its sub-packages) but never taken for handlers unless annotated.
     */
    static final String LIBRARY_ROOT_PACKAGE = "com.amazonaws";

    record Result(List<FunctionSpec> functions, List<DiscoveryProblem> problems) {
    }

    private final Path jar;
    private final String file;
    private final List<FunctionSpec> functions = new ArrayList<>();
    private final List<DiscoveryProblem> problems = new ArrayList<>();

    private JarScanner(Path jar) {
        this.jar = jar;
        this.file = DeploymentPackage.label(jar);
    }

    static Result scan(Path jar) {
        JarScanner scanner = new JarScanner(jar);
        List<File> classpath = scanner.readableClasspath();
        if (!classpath.isEmpty()) {
            try (ScanResult result = new ClassGraph()
                    .overrideClasspath(classpath)
                    .enableClassInfo().enableMethodInfo().enableAnnotationInfo()
                    .ignoreClassVisibility().ignoreMethodVisibility()
                    .rejectPackages(LIBRARY_PACKAGES.toArray(String[]::new))
                    .disableModuleScanning().disableNestedJarScanning()
                    .scan(1)) { // after the library packages are left out, a worker pool costs more than it saves
                scanner.collect(result);
            } catch (RuntimeException e) {
                scanner.problem("cannot be scanned (" + e.getMessage() + "); rebuild it with mvn package");
            }
        }
        return new Result(scanner.functions, scanner.problems);
    }

    /**
     * The package's classpath without the JARs that cannot be opened, each of which is reported: ClassGraph quietly
     * skips what it cannot open, so a broken file is caught here, where it can be named. Empty when a JAR package
     * itself is broken.
     */
    private List<File> readableClasspath() {
        DeploymentPackage pkg;
        try {
            pkg = DeploymentPackage.of(jar);
        } catch (UncheckedIOException e) {
            problem("cannot be read (" + e.getCause().getMessage() + "); check that the folder is readable");
            return List.of();
        }
        if (!pkg.isDirectory()) {
            return readableZip(jar, false) ? List.of(jar.toFile()) : List.of();
        }
        List<File> readable = new ArrayList<>();
        for (Path element : pkg.classpath()) {
            if (element.equals(jar) || readableZip(element, true)) {
                readable.add(element.toFile());
            }
        }
        return readable;
    }

    /** Whether {@code zipFile} opens as a zip; if not, a problem naming it (a file in {@code lib/}, or the package). */
    private boolean readableZip(Path zipFile, boolean inLib) {
        String name = inLib ? jar.relativize(zipFile).toString().replace('\\', '/') + " " : "";
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            return true;
        } catch (ZipException e) {
            problem(inLib ? name + "is not a JAR (zip) file, so its classes are left out; rebuild it or remove it"
                    : "not a JAR (zip) file; rebuild it with mvn package or remove it");
        } catch (IOException e) {
            problem(name + "cannot be read (" + e.getMessage() + "); check that the file is readable");
        }
        return false;
    }

    private void collect(ScanResult scan) {
        Set<String> streamHandlers = Set.copyOf(scan.getClassesImplementing(REQUEST_STREAM_HANDLER).getNames());
        Set<String> requestHandlers = Set.copyOf(scan.getClassesImplementing(REQUEST_HANDLER).getNames());
        Map<String, ClassInfo> classes = new TreeMap<>();
        scan.getClassesImplementing(REQUEST_STREAM_HANDLER).forEach(c -> classes.put(c.getName(), c));
        scan.getClassesImplementing(REQUEST_HANDLER).forEach(c -> classes.put(c.getName(), c));
        scan.getClassesWithAnnotation(DeclaredSettings.FUNCTION).forEach(c -> classes.put(c.getName(), c));
        for (ClassInfo c : classes.values()) {
            boolean stream = streamHandlers.contains(c.getName());
            classHandler(c, stream, stream || requestHandlers.contains(c.getName()));
        }
        for (ClassInfo c : scan.getClassesWithMethodAnnotation(DeclaredSettings.FUNCTION)) {
            for (MethodInfo m : c.getDeclaredMethodInfo()) {
                if (m.hasAnnotation(DeclaredSettings.FUNCTION) && !m.isSynthetic() && !m.isBridge()) {
                    methodHandler(c, m);
                }
            }
        }
        if (functions.isEmpty() && problems.isEmpty()) {
            problem("no function found: no public class implements RequestHandler or RequestStreamHandler and"
                    + " nothing is annotated @Function; add a handler or " + (file.endsWith("/")
                    ? "move the folder out of the functions folder" : "remove the JAR from this folder"));
        }
    }

    /** A class named as the handler ({@code package.Class}): it must implement a handler interface. */
    private void classHandler(ClassInfo c, boolean stream, boolean handler) {
        boolean annotated = c.hasAnnotation(DeclaredSettings.FUNCTION);
        String subject = "class " + c.getName();
        if (!annotated && (isLibrary(c) || !c.isPublic() || c.isAbstract() || c.isInterfaceOrAnnotation())) {
            return; // helpers, base classes and bundled libraries: not meant to be functions
        }
        Optional<String> unfit;
        if (!handler) {
            unfit = Optional.of("has @Function but implements neither RequestHandler nor RequestStreamHandler;"
                    + " implement one of them, or put @Function on the handler method");
        } else if (c.isInterfaceOrAnnotation() || c.isAbstract()) {
            unfit = Optional.of("is abstract, so the runtime cannot create it; put @Function on a concrete class");
        } else if (!c.isPublic()) {
            unfit = Optional.of("is not public; make it public so the runtime can create it");
        } else {
            unfit = instantiation(c);
        }
        unfit.ifPresentOrElse(text -> problem(subject + " " + text), () -> {
            String input = stream ? HandlerTypes.INPUT_STREAM : HandlerTypes.requestHandlerInput(c);
            add(c, c.getName(), subject, c.getAnnotationInfo(), input);
        });
    }

    /** A method named as the handler ({@code package.Class::method}) because it carries {@code @Function}. */
    private void methodHandler(ClassInfo c, MethodInfo m) {
        String handler = c.getName() + "::" + m.getName();
        String subject = "method " + handler;
        List<String> params = new ArrayList<>();
        for (MethodParameterInfo p : m.getParameterInfo()) {
            params.add(HandlerTypes.erasure(p.getTypeSignatureOrTypeDescriptor()));
        }
        Optional<String> unfit = Optional.empty();
        if (!m.isPublic()) {
            unfit = Optional.of("is not public; make it public so the runtime can call it");
        } else if (!c.isPublic()) {
            unfit = Optional.of("is in class " + c.getName() + ", which is not public; make the class public");
        } else if (!MethodSignatures.callable(params)) {
            unfit = Optional.of("takes (" + params.stream().map(JarScanner::simpleName).collect(Collectors.joining(", "))
                    + "), which the Lambda runtime cannot call; take (input), (input, Context),"
                    + " (InputStream, OutputStream) or (InputStream, OutputStream, Context)");
        } else if (!m.isStatic() && (c.isAbstract() || c.isInterfaceOrAnnotation())) {
            unfit = Optional.of("is an instance method of an abstract class, which the runtime cannot create;"
                    + " make the method static or the class concrete");
        } else if (!m.isStatic()) {
            unfit = instantiation(c).map(text -> "is in class " + c.getName() + ", which " + text);
        }
        String first = params.isEmpty() ? HandlerTypes.UNKNOWN : params.get(0);
        String input = first.equals(CONTEXT) || first.equals(OUTPUT_STREAM) ? HandlerTypes.UNKNOWN : first;
        unfit.ifPresentOrElse(text -> problem(subject + " " + text), () -> add(c, handler, subject, m.getAnnotationInfo(), input));
    }

    /** Why the runtime could not create an instance with {@code getConstructor().newInstance()}, if it could not. */
    private static Optional<String> instantiation(ClassInfo c) {
        if (c.isInnerClass() && !c.isStatic()) {
            return Optional.of("is a non-static inner class, which the runtime cannot create; declare it static");
        }
        boolean noArgConstructor = c.getDeclaredConstructorInfo().stream()
                .anyMatch(ctor -> ctor.isPublic() && ctor.getParameterInfo().length == 0);
        return noArgConstructor ? Optional.empty() : Optional.of(
                "has no public no-argument constructor; add one: the runtime creates the handler with it");
    }

    private void add(ClassInfo c, String handler, String subject, AnnotationInfoList annotations, String inputType) {
        List<String> settingProblems = new ArrayList<>();
        DeclaredSettings settings = DeclaredSettings.read(annotations, settingProblems::add);
        if (!settingProblems.isEmpty()) {
            settingProblems.forEach(text -> problem(subject + ": " + text));
            return;
        }
        functions.add(new FunctionSpec(settings.name().orElse(c.getSimpleName()), jar, handler,
                settings.memoryMb(), settings.timeoutSeconds(), settings.concurrency(), settings.environment(),
                inputType, settings.httpRoutes(), settings.schedules(), settings.queues(), settings.events()));
    }

    private static boolean isLibrary(ClassInfo c) {
        String name = c.getName();
        return LIBRARY_PACKAGES.stream().anyMatch(p -> name.startsWith(p + "."))
                || c.getPackageName().equals(LIBRARY_ROOT_PACKAGE);
    }

    private static String simpleName(String type) {
        return type.isEmpty() ? "?" : type.substring(type.lastIndexOf('.') + 1);
    }

    private void problem(String text) {
        problems.add(new DiscoveryProblem(jar, file + ": " + text));
    }
}
