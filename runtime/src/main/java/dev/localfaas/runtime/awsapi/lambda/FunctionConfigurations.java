package dev.localfaas.runtime.awsapi.lambda;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.function.FunctionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.TreeMap;

/** A function as Lambda's {@code FunctionConfiguration} shape describes it. */
final class FunctionConfigurations {
    private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private final String region;
    private final String account;

    FunctionConfigurations(String region, String account) {
        this.region = region;
        this.account = account;
    }

    String arn(String function) {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + function;
    }

    ObjectNode of(FunctionSpec f) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("FunctionName", f.name());
        c.put("FunctionArn", arn(f.name()));
        c.put("Runtime", "java17");
        c.put("Role", "arn:aws:iam::" + account + ":role/localfaas");
        c.put("Handler", f.handler());
        c.put("CodeSize", size(f));
        c.put("Description", "");
        c.put("Timeout", f.timeoutSeconds());
        c.put("MemorySize", f.memoryMb());
        c.put("LastModified", LAST_MODIFIED.format(modified(f)));
        c.put("CodeSha256", sha256(f));
        c.put("Version", "$LATEST");
        ObjectNode variables = c.putObject("Environment").putObject("Variables");
        new TreeMap<>(f.environment()).forEach(variables::put);
        c.putObject("TracingConfig").put("Mode", "PassThrough");
        c.put("State", "Active");
        c.put("LastUpdateStatus", "Successful");
        c.put("PackageType", "Zip");
        c.putArray("Architectures").add("x86_64");
        c.putObject("EphemeralStorage").put("Size", 512);
        c.putObject("SnapStart").put("ApplyOn", "None").put("OptimizationStatus", "Off");
        if (f.concurrency() > 0) {
            c.put("ReservedConcurrentExecutions", f.concurrency());
        }
        return c;
    }

    /** A published version's configuration: its number, its qualified ARN, its own package's size and hash. */
    ObjectNode of(dev.localfaas.runtime.traffic.PublishedVersion v) {
        ObjectNode c = of(v.spec());
        c.put("FunctionArn", arn(v.function()) + ":" + v.version());
        c.put("Version", v.number());
        c.put("Description", v.description());
        c.put("CodeSha256", v.codeSha256());
        c.put("CodeSize", v.codeSize());
        c.put("LastModified", LAST_MODIFIED.format(Instant.parse(v.published())));
        return c;
    }

    private static long size(FunctionSpec f) {
        try {
            return Files.isRegularFile(f.jar()) ? Files.size(f.jar()) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static Instant modified(FunctionSpec f) {
        try {
            return Files.getLastModifiedTime(f.jar()).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** Base64 of the package's SHA-256, as Lambda reports it; empty for a directory package. */
    private static String sha256(FunctionSpec f) {
        if (!Files.isRegularFile(f.jar())) {
            return "";
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(f.jar()), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return Base64.getEncoder().encodeToString(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "";
        }
    }
}
