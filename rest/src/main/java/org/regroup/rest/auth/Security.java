package org.regroup.rest.auth;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the server guards itself. {@code signInRequired}: every operation but the public ones needs an account (the
 * default; off only on a loopback address, for demos and benchmarks). {@code hosts}: the names a request's
 * {@code Host} may give (DNS rebinding: a page on evil.example that resolves to 127.0.0.1 must not reach the API),
 * lower case, without port. {@code tlsKeyStore}: served over HTTPS with this PKCS#12 key store (the session cookie is
 * then {@code Secure}); null for plain HTTP.
 */
public record Security(boolean signInRequired, Set<String> hosts, java.nio.file.Path tlsKeyStore,
        char[] tlsPassword) {

    /** The names of this machine's loopback interface. */
    public static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    public Security {
        hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Sign-in required, loopback names only, plain HTTP: a server on 127.0.0.1 (tests, a scheduler's laptop). */
    public static Security loopback() {
        return new Security(true, LOOPBACK, null, null);
    }

    public boolean tls() {
        return tlsKeyStore != null;
    }
}
