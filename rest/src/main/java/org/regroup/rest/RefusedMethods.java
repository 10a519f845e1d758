package org.regroup.rest;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * CONNECT and TRACE are refused before Jersey sees them: Regroup is no proxy, and Grizzly answers a CONNECT as the
 * start of a tunnel — without a length, the connection held open — so a client waited for an end that never came.
 * Here both get a complete 405 problem and the connection is closed.
 */
final class RefusedMethods extends HttpHandler {

    private static final Set<Method> REFUSED = Set.of(Method.CONNECT, Method.TRACE);

    private final HttpHandler api;

    RefusedMethods(HttpHandler api) {
        super(api.getName());
        this.api = api;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (!REFUSED.contains(request.getMethod())) {
            api.service(request, response);
            return;
        }
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Method Not Allowed\",\"status\":405,\"detail\":\""
                + request.getMethod().getMethodString() + " is not served here\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(405);
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.setHeader("Connection", "close");
        response.getOutputStream().write(body);
        response.finish();
        request.getContext().getConnection().closeSilently();
    }

    @Override
    public void start() {
        api.start();
    }

    @Override
    public void destroy() {
        api.destroy();
    }
}
