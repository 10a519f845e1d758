package org.regroup.rest.auth;

import java.util.Locale;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.regroup.rest.errors.ErrorMappers;
import org.regroup.rest.errors.Problem;

/**
 * What a hostile web page could make a browser send, refused before anything else: a {@code Host} that is not one of
 * the server's names (DNS rebinding), a {@code Cookie} header that cannot be parsed, and a change sent as a form
 * ({@code application/x-www-form-urlencoded}, {@code multipart/form-data}, {@code text/plain}: the only bodies a page
 * may send to another site without asking; the API reads JSON).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BrowserGuards implements ContainerRequestFilter {

    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");

    @Inject
    Security security;

    @Override
    public void filter(ContainerRequestContext request) {
        String host = request.getHeaderString(HttpHeaders.HOST);
        if (host != null && !security.hosts().isEmpty() && !security.hosts().contains(name(host))) {
            refuse(request, Response.Status.BAD_REQUEST, "Host '" + clip(host) + "' is not a name of this server "
                    + "(serve --allowed-host adds one)");
            return;
        }
        try {
            request.getCookies();
        } catch (RuntimeException unreadable) {
            // Jersey's parser throws on some (e.g. "a=; $Version=1"), and the access gate reads them: a 500 otherwise
            refuse(request, Response.Status.BAD_REQUEST, "the Cookie header cannot be read (a cookie of another site "
                    + "on this host name?): clear this site's cookies and sign in again");
            return;
        }
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (RuntimeException unreadable) {
            return; // an unreadable Content-Type is answered by the filters that read it (a 400 naming the header)
        }
        boolean change = !HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())
                && !HttpMethod.OPTIONS.equals(request.getMethod());
        if (change && type != null && FORM_TYPES.contains((type.getType() + "/" + type.getSubtype())
                .toLowerCase(Locale.ROOT))) {
            refuse(request, Response.Status.UNSUPPORTED_MEDIA_TYPE, "the API reads JSON (Content-Type: "
                    + "application/json); forms are not accepted");
        }
    }

    /**
     * The host name of a Host header, lower case, without the port ({@code [::1]:8080} → {@code [::1]}). Only digits
     * are a port: {@code localhost:,evil.example} (also what two Host headers read as) is no name of ours.
     */
    static String name(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > h.lastIndexOf(']') && h.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            h = h.substring(0, colon);
        }
        return h;
    }

    private static String clip(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
    }

    private static void refuse(ContainerRequestContext request, Response.Status status, String detail) {
        request.abortWith(Problem.of(status, detail).at(ErrorMappers.path(request.getUriInfo())).toResponse());
    }
}
