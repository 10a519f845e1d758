package org.regroup.rest.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Headers on every answer that keep a browser from misusing it: no framing (clickjacking), no content sniffing, no
 * referrer carrying a student's address elsewhere, only the page's own resources, and no caching of answers that name
 * students by shared caches. No CORS headers: another site's pages cannot read the API.
 */
public final class SecurityHeaders implements ContainerResponseFilter {

    /** Pages load only what the server serves (a stricter policy set by a page itself is kept). */
    static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> h = response.getHeaders();
        h.putIfAbsent("Content-Security-Policy", java.util.List.of(CSP));
        h.putSingle("X-Content-Type-Options", "nosniff");
        h.putSingle("X-Frame-Options", "DENY");
        h.putSingle("Referrer-Policy", "no-referrer");
        h.putIfAbsent(HttpHeaders.CACHE_CONTROL, java.util.List.of("private, no-cache"));
        if (request.getSecurityContext() != null && request.getSecurityContext().isSecure()) {
            h.putSingle("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
