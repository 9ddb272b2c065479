package dev.localfaas.runtime.gateway;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may talk to the gateway, beyond the network it listens on.
 *
 * @param allowedHosts names accepted in the {@code Host} header besides the bound address and the loopback names
 *                     ({@code localhost}, {@code *.localhost}, {@code 127.0.0.0/8}, {@code ::1}); {@code *} accepts
 *                     any name, which turns off the DNS-rebinding check
 * @param adminToken   the secret that {@code /_faas/*} and the Invoke API require, or {@code null} for none; the
 *                     gateway makes one up when it binds to a non-loopback address without one
 */
public record AccessPolicy(List<String> allowedHosts, String adminToken) {

    public static final String ANY_HOST = "*";

    public AccessPolicy {
        allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .toList();
        if (adminToken != null && adminToken.isBlank()) {
            throw new IllegalArgumentException("the admin token must not be empty; leave it out to have one generated");
        }
    }

    /** Loopback names and the bound address only; no token (one is generated for a non-loopback address). */
    public static AccessPolicy defaults() {
        return new AccessPolicy(List.of(), null);
    }

    public AccessPolicy withAllowedHosts(List<String> hosts) {
        return new AccessPolicy(hosts, adminToken);
    }

    public AccessPolicy withAdminToken(String token) {
        return new AccessPolicy(allowedHosts, token);
    }

    public Optional<String> token() {
        return Optional.ofNullable(adminToken);
    }

    /** 32 random hex digits, for a gateway on the network that was given no token. */
    static String generateToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
