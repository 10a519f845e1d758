package org.regroup.rest.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.errors.ApiException;

/**
 * The web interface: pages, scripts and styles from the jar ({@code /ui/…}, from {@code web/}) and the WebJars they
 * use ({@code /webjars/…}), so that it works where the school has no internet. Served through Jersey, not a static
 * handler, so that every answer passes the same Host check and carries the same security headers. The pages hold no
 * data: they read the API with the signed-in browser's session.
 */
@Hidden
@Path("/ui")
public final class UiResource {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "woff2", "font/woff2", "woff", "font/woff", "map", "application/json", "ico",
            "image/x-icon");

    @GET
    @Path("{file: .*}")
    @Access(Rule.PUBLIC)
    public Response page(@PathParam("file") String file) throws IOException {
        return serve("web/", file.isEmpty() ? "index.html" : file, "no-cache");
    }

    /** WebJars: their paths carry the version, so a browser may keep them. */
    @Hidden
    @Path("/webjars")
    public static final class WebJars {
        @GET
        @Path("{file: .+}")
        @Access(Rule.PUBLIC)
        public Response webjar(@PathParam("file") String file) throws IOException {
            return serve("META-INF/resources/webjars/", file, "public, max-age=86400");
        }
    }

    static Response serve(String root, String file, String cache) throws IOException {
        if (file.contains("..") || file.contains("\\") || file.startsWith("/") || file.length() > 200) {
            throw ApiException.notFound("no file '" + file + "'");
        }
        String extension = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        InputStream in = type == null ? null : UiResource.class.getClassLoader().getResourceAsStream(root + file);
        if (in == null) {
            throw ApiException.notFound("no file '" + file + "'");
        }
        try (in) {
            return Response.ok(in.readAllBytes(), type).header("Cache-Control", cache).build();
        }
    }
}
